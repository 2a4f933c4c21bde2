import { describe, expect, it } from 'vitest';
import { orderIdsSchema, orderQuerySchema, shipmentUpdatesSchema, paymentQuerySchema } from '../../src/contract/inputs.js';
import { parseInput } from '../../src/contract/parse-input.js';
import { parseCallOptions } from '../../src/contract/call-options.js';
import { describeCredential } from '../../src/contract/credential-status.js';
import { toBatchResult } from '../../src/contract/results.js';
import { ValidationError } from '../../src/errors/classes.js';

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.field;
    throw error;
  }
  throw new Error('no ValidationError');
}

describe('input schemas', () => {
  it('parses an order query with defaults and Date conversion', () => {
    const q = parseInput(orderQuerySchema, { from: '2026-11-01T00:00:00+09:00' }, 'query');
    expect(q.from.toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(q.dateType).toBe('ordered');
  });

  it('names the bad field: unparseable date, missing offset, to before from, unknown key', () => {
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: 'yesterday' }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: '2026-11-01 10:00:00' }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: new Date(2026, 10, 2), to: new Date(2026, 10, 1) }, 'query'))).toBe('query.to');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: new Date(), status: ['x'] }, 'query'))).toBe('query');
  });

  it('rejects duplicate and empty order ids', () => {
    expect(fieldOf(() => parseInput(orderIdsSchema, ['a', 'b', 'a'], 'ids'))).toBe('ids[2]');
    expect(fieldOf(() => parseInput(orderIdsSchema, ['a', ' '], 'ids'))).toBe('ids[1]');
  });

  it('validates shipment updates field by field', () => {
    const good = { orderId: '1', carrier: 'yamato', trackingNumber: '1234-5678-9012', shippedAt: '2026-11-20' };
    expect(parseInput(shipmentUpdatesSchema, [good], 'updates')).toHaveLength(1);
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [good, { ...good, trackingNumber: '' }], 'updates'))).toBe('updates[1].trackingNumber');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, carrier: 'kuroneko' }], 'updates'))).toBe('updates[0].carrier');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, shippedAt: '20/11/2026' }], 'updates'))).toBe('updates[0].shippedAt');
    expect(parseInput(shipmentUpdatesSchema, [{ ...good, carrier: { code: 'other', name: '自社便' } }], 'updates')[0]?.carrier).toEqual({ code: 'other', name: '自社便' });
  });

  it('refuses dates the calendar does not have, and years outside 2000–2099, instead of rolling them over', () => {
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: '2026-02-30T00:00:00+09:00' }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: '2026-13-01T00:00:00+09:00' }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: '2026-11-01T24:00:00+09:00' }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: new Date(8.64e15) }, 'query'))).toBe('query.from');
    expect(fieldOf(() => parseInput(orderQuerySchema, { from: '1999-12-31T23:59:59Z' }, 'query'))).toBe('query.from');
    const good = { orderId: '1', carrier: 'yamato', trackingNumber: '1234', shippedAt: '2026-11-20' };
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, shippedAt: '2026-02-30' }], 'updates'))).toBe('updates[0].shippedAt');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, shippedAt: '2026-02-29' }], 'updates'))).toBe('updates[0].shippedAt');
    expect(parseInput(shipmentUpdatesSchema, [{ ...good, shippedAt: '2028-02-29' }], 'updates')[0]?.shippedAt).toBe('2028-02-29');
    expect(parseInput(orderQuerySchema, { from: '2026-11-01T10:00:00.123+09:00' }, 'query').from.toISOString()).toBe('2026-11-01T01:00:00.123Z');
  });

  it('refuses ids with control characters, and oversized ids and lists', () => {
    expect(fieldOf(() => parseInput(orderIdsSchema, ['ok', 'a\u0000b'], 'ids'))).toBe('ids[1]');
    expect(fieldOf(() => parseInput(orderIdsSchema, ['a\u200bb'], 'ids'))).toBe('ids[0]');
    expect(fieldOf(() => parseInput(orderIdsSchema, ['x'.repeat(101)], 'ids'))).toBe('ids[0]');
    expect(fieldOf(() => parseInput(orderIdsSchema, Array.from({ length: 10_001 }, (_, i) => String(i)), 'ids'))).toBe('ids');
  });

  it('reads tracking numbers as half-width and refuses anything but letters, digits and hyphens', () => {
    const good = { orderId: '1', carrier: 'yamato', trackingNumber: '１２３４－５６７８', shippedAt: '2026-11-20' };
    expect(parseInput(shipmentUpdatesSchema, [good], 'updates')[0]?.trackingNumber).toBe('1234-5678');
    for (const bad of ['1234\n5678', '1234 5678', '1234--5678', '-1234', '📦1234', '1'.repeat(65)]) {
      expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, trackingNumber: bad }], 'updates'))).toBe('updates[0].trackingNumber');
    }
  });

  it('refuses free text with line breaks, control characters or emoji', () => {
    const good = { orderId: '1', carrier: 'yamato', trackingNumber: '1234', shippedAt: '2026-11-20' };
    expect(parseInput(shipmentUpdatesSchema, [{ ...good, shippingMethod: ' 宅急便コンパクト ' }], 'updates')[0]?.shippingMethod).toBe('宅急便コンパクト');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, shippingMethod: '宅急便\r\nネコポス' }], 'updates'))).toBe('updates[0].shippingMethod');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, shippingMethod: 'ネコポス🐈' }], 'updates'))).toBe('updates[0].shippingMethod');
    expect(fieldOf(() => parseInput(shipmentUpdatesSchema, [{ ...good, carrier: { code: 'other', name: '自社\u0000便' } }], 'updates'))).toBe('updates[0].carrier.name');
  });

  it('checks call options', () => {
    expect(parseCallOptions(undefined)).toEqual({});
    expect(fieldOf(() => parseCallOptions({ retries: -1 }))).toBe('options.retries');
    expect(fieldOf(() => parseCallOptions({ retries: 11 }))).toBe('options.retries');
    expect(fieldOf(() => parseCallOptions({ timeoutMs: Number.NaN }))).toBe('options.timeoutMs');
    expect(fieldOf(() => parseCallOptions({ timeoutMs: 0 }))).toBe('options.timeoutMs');
    expect(fieldOf(() => parseCallOptions({ signal: 'x' }))).toBe('options.signal');
    expect(fieldOf(() => parseCallOptions({ onOrderError: 1 }))).toBe('options.onOrderError');
    const signal = new AbortController().signal;
    expect(parseCallOptions({ signal, retries: 0, timeoutMs: 1000, extra: true }).signal).toBe(signal);
  });

  it('accepts payment queries by ids or by window', () => {
    expect(parseInput(paymentQuerySchema, { orderIds: ['1'] }, 'query')).toEqual({ orderIds: ['1'] });
    expect(() => parseInput(paymentQuerySchema, {}, 'query')).toThrow(ValidationError);
  });
});

describe('describeCredential', () => {
  const now = Date.parse('2026-11-22T10:00:00+09:00');
  const base = { name: 'licenseKey', label: { ja: 'ライセンスキー', en: 'license key' }, source: 'api' as const, now, warningDays: 14, renew: { ja: '更新', en: 'renew' } };

  it('classifies valid, expiring and expired by days left', () => {
    expect(describeCredential({ ...base, expiresAt: new Date(now + 30 * 86_400_000) })).toMatchObject({ state: 'valid', daysLeft: 30, renew: null });
    expect(describeCredential({ ...base, expiresAt: new Date(now + 5 * 86_400_000) })).toMatchObject({ state: 'expiring', daysLeft: 5, expiresAt: '2026-11-27T10:00:00+09:00' });
    expect(describeCredential({ ...base, expiresAt: new Date(now - 86_400_000) })).toMatchObject({ state: 'expired', daysLeft: -1, renew: { ja: '更新', en: 'renew' } });
  });

  it('says unknown when nothing tells, and valid for a credential that never expires', () => {
    expect(describeCredential({ ...base, expiresAt: null, source: 'none' }).state).toBe('unknown');
    expect(describeCredential({ ...base, expiresAt: null, source: 'never_expires' }).state).toBe('valid');
  });
});

describe('toBatchResult', () => {
  it('counts successes, already-done and failures', () => {
    const result = toBatchResult([
      { id: 'a', ok: true, alreadyDone: false, warnings: [] },
      { id: 'b', ok: true, alreadyDone: true, warnings: [] },
      { id: 'c', ok: false, error: new ValidationError([{ field: 'x', message: 'y' }]) },
    ]);
    expect(result).toMatchObject({ succeeded: 1, alreadyDone: 1, failed: 1 });
  });
});

import { NotFoundError, ValidationError } from '@mallkit/core';
import { createSandboxClock } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { QOO10_CAPABILITIES, createQoo10Connector } from '../src/connector.js';
import type { Qoo10ConnectorOptions } from '../src/options.js';
import { NOW, collect, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

const READY = { certificationKey: 'S0123456789abcdefghij', shopId: 'shop-a', clock: createSandboxClock(NOW) } as const;

/** The ValidationError the options give, or null when they are accepted. */
function refused(options: Qoo10ConnectorOptions): ValidationError | null {
  try {
    createQoo10Connector(options);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}

// Review M8: these were accepted, and failed later (a raw RangeError) or were sent as they were.
describe('options are checked when the connector is created', () => {
  it.each([['yesterday'], ['2026-02-30'], ['2099-01-01']])('certificationKeyIssuedAt %j is refused', (issuedAt) => {
    expect(refused({ ...READY, certificationKeyIssuedAt: issuedAt })?.field).toBe('options.certificationKeyIssuedAt');
  });

  it('certificationKeyIssuedAt takes a JST date, an instant or a Date', () => {
    for (const issuedAt of ['2026-04-01', '2026-04-01T09:00:00+09:00', new Date('2026-04-01T00:00:00Z')]) expect(refused({ ...READY, certificationKeyIssuedAt: issuedAt })).toBeNull();
  });

  it.each([
    [{ yamato: 'ヤマト\n宅急便' }, 'options.carrierNames.yamato'],
    [{ yamato: 'ヤマト\u0000宅急便' }, 'options.carrierNames.yamato'],
    [{ yamato: 'x'.repeat(201) }, 'options.carrierNames.yamato'],
    [{ not_a_carrier: 'どこか' }, 'options.carrierNames'],
  ])('carrierNames %j is refused', (carrierNames, field) => {
    expect(refused({ ...READY, carrierNames: carrierNames as Qoo10ConnectorOptions['carrierNames'] })?.field).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}`));
  });

  it('a ready key without shopId is refused, so that two shops never share one shopId', () => {
    expect(refused({ certificationKey: READY.certificationKey, clock: READY.clock })?.field).toBe('options.shopId');
    expect(createQoo10Connector(READY).shopId).toBe('shop-a');
  });

  it('a key with a space or line break inside is refused', () => {
    expect(refused({ ...READY, certificationKey: 'S0123 456789abcdef' })?.field).toBe('options.certificationKey');
  });
});

describe('ids that cannot be a PackNo are not found, without a request', () => {
  it('getOrders, getPayments, confirmOrders and exportShipments', async () => {
    const t = setUp();
    close = t.close;
    const error = await t.connector.getOrders(['abc']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('abc');
    expect(await collect(t.connector.getPayments({ orderIds: ['x1'] })).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
    const confirmed = await t.connector.confirmOrders(['12a']);
    const shipped = await t.connector.exportShipments([{ orderId: 'abc', carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    for (const row of [...confirmed.results, ...shipped.results]) expect(!row.ok && row.error).toBeInstanceOf(NotFoundError);
    expect(t.sandbox.kit.log.count()).toBe(0);
  });
});

// Review M9: shipping a line not confirmed first is a guess; it is said where users look.
describe('what is not verified is said', () => {
  it('capabilities mark the shipment write as inferred and name the guesses', () => {
    expect(QOO10_CAPABILITIES.verification?.operations.exportShipments).toBe('inferred');
    expect(QOO10_CAPABILITIES.verification?.unverified.join('\n')).toMatch(/SetSendingInfo accepts a line still in 配送要請/);
    expect(QOO10_CAPABILITIES.exportShipments?.sendsShipDate).toBe(false);
  });
});

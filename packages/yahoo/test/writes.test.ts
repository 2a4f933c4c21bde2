import { OrderStateError, ValidationError } from '@mallkit/core';
import type { SeedOrder } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { seeds, setup, type Setup } from './harness.js';

function seedWith(env: Setup, status: SeedOrder['status'], count = 1): string[] {
  const picked = seeds(60, 5, (s) => s.status === status && !s.postageUnset).slice(0, count);
  return env.sandbox.seed(picked).map((s) => s.id);
}

describe('confirmOrders and exportShipments', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('refuses locally an order under fraud review (1 and 3) or read-only, and sends nothing for it', async () => {
    env = setup();
    const [held, abuse, readOnly, fine] = seedWith(env, 'pending_confirmation', 4);
    env.sandbox.holdForFraudReview(held ?? '');
    const abuseRecord = env.sandbox.orders.get(abuse ?? '');
    if (abuseRecord) abuseRecord.order.FraudHoldStatus = '3';
    const readOnlyRecord = env.sandbox.orders.get(readOnly ?? '');
    if (readOnlyRecord) readOnlyRecord.order.IsReadOnly = '1';
    const result = await env.connector.confirmOrders([held ?? '', abuse ?? '', readOnly ?? '', fine ?? '']);
    expect(result.results.map((r) => r.ok)).toEqual([false, false, false, true]);
    for (const r of result.results.slice(0, 3)) {
      if (!r.ok) {
        expect(OrderStateError.isInstance(r.error)).toBe(true);
        expect((r.error as OrderStateError).orderId).toBe(r.id);
      }
    }
    const first = result.results[0];
    expect(first && !first.ok && first.error.hint?.ja).toContain('不正注文審査中');
    const changes = env.sandbox.kit.log.filter({ operation: 'orderChange' });
    expect(changes.map((e) => /<OrderId>(.+?)<\/OrderId>/.exec(e.bodyText)?.[1])).toEqual([fine]);
  });

  it('confirms by marking the order seen with orderChange, and leaves its OrderStatus alone: a 新規予約 stays 予約中', async () => {
    env = setup();
    const [newOrder = '', reservation = ''] = seedWith(env, 'pending_confirmation', 2);
    env.sandbox.orders.update(reservation, (record) => void (record.order.OrderStatus = '1'));
    const result = await env.connector.confirmOrders([newOrder, reservation]);
    expect(result.results.map((r) => r.ok && !r.alreadyDone)).toEqual([true, true]);
    expect(env.sandbox.kit.log.count({ operation: 'orderStatusChange' })).toBe(0);
    expect(env.sandbox.kit.log.count({ operation: 'orderChange' })).toBe(2);
    expect(env.sandbox.orders.get(newOrder)?.order).toMatchObject({ OrderStatus: '2', IsSeen: 'true' });
    expect(env.sandbox.orders.get(reservation)?.order).toMatchObject({ OrderStatus: '1', IsSeen: 'true' });
    // Seen now: alreadyDone from the state read, no second write.
    const again = await env.connector.confirmOrders([newOrder, reservation]);
    expect(again.alreadyDone).toBe(2);
    expect(env.sandbox.kit.log.count({ operation: 'orderChange' })).toBe(2);
  });

  it('a 保留 order that was seen is alreadyDone: confirming never releases the shop\'s hold', async () => {
    env = setup();
    const [id = ''] = seedWith(env, 'on_hold');
    const result = await env.connector.confirmOrders([id]);
    expect(result.alreadyDone).toBe(1);
    expect(env.sandbox.orders.get(id)?.order.OrderStatus).toBe('3');
    expect(env.sandbox.kit.log.count({ operation: 'orderChange' }) + env.sandbox.kit.log.count({ operation: 'orderStatusChange' })).toBe(0);
  });

  it('the sandbox answers od91705 to the same OrderStatus and changes nothing, as documented', async () => {
    env = setup();
    const [id = ''] = seedWith(env, 'pending_confirmation');
    const raw = await env.connector.client.orderStatusChange({ orderId: id, orderStatus: '2' });
    expect(raw.warnings.map((w) => w.code)).toEqual(['od91705']);
    expect(env.sandbox.orders.get(id)?.order.IsSeen).toBe('false');
  });

  it('validates tracking numbers per carrier before sending anything', async () => {
    env = setup();
    const [id] = seedWith(env, 'confirmed');
    const before = env.sandbox.kit.log.count();
    const cases: Array<[Parameters<Setup['connector']['exportShipments']>[0][number], string]> = [
      [{ orderId: id ?? '', carrier: 'yamato', trackingNumber: '1234-5678-90123', shippedAt: '2026-11-21' }, 'updates[0].trackingNumber'],
      [{ orderId: id ?? '', carrier: 'yamato', trackingNumber: 'A23456789012', shippedAt: '2026-11-21' }, 'updates[0].trackingNumber'],
      [{ orderId: id ?? '', carrier: 'japan_post', trackingNumber: '1234-5678-9', shippedAt: '2026-11-21' }, 'updates[0].trackingNumber'],
      [{ orderId: id ?? '', carrier: 'sagawa', trackingNumber: 'A'.repeat(31), shippedAt: '2026-11-21' }, 'updates[0].trackingNumber'],
      [{ orderId: id ?? '', carrier: 'yamato', trackingNumber: '123456789012', shippedAt: '2026-11-23' }, 'updates[0].shippedAt'],
    ];
    for (const [update, field] of cases) {
      const error = await env.connector.exportShipments([update]).catch((e: unknown) => e);
      expect(ValidationError.isInstance(error) && error.field, JSON.stringify(update)).toBe(field);
    }
    expect(env.sandbox.kit.log.count()).toBe(before);
  });

  it('reads full-width digits of a tracking number as half-width, and sends them so', async () => {
    env = setup();
    const [id] = seedWith(env, 'confirmed');
    const result = await env.connector.exportShipments([{ orderId: id ?? '', carrier: 'sagawa', trackingNumber: '１２３４５６７８９０１２', shippedAt: '2026-11-21' }]);
    expect(result.succeeded).toBe(1);
    expect(env.sandbox.kit.log.filter({ operation: 'orderShipStatusChange' })[0]?.bodyText).toContain('<ShipInvoiceNumber1>123456789012</ShipInvoiceNumber1>');
  });

  it('returns Yahoo warnings with the success, and is idempotent', async () => {
    env = setup();
    const [id] = seedWith(env, 'confirmed');
    const record = env.sandbox.orders.get(id ?? '');
    record?.pendingWarnings.push({ Code: 'od91113', Message: '売上確定済みです。' });
    const update = { orderId: id ?? '', carrier: 'yamato' as const, trackingNumber: '4912-3456-7890', shippedAt: '2026-11-22' };
    const first = await env.connector.exportShipments([update]);
    expect(first.results[0]).toEqual({ id, ok: true, alreadyDone: false, warnings: ['od91113: 売上確定済みです。'] });
    expect(record?.Ship).toMatchObject({ ShipStatus: '3', ShipCompanyCode: '1001', ShipInvoiceNumber1: '4912-3456-7890', ShipDate: '2026-11-22' });
    const again = await env.connector.exportShipments([update]);
    expect(again.alreadyDone).toBe(1);
    const order = (await env.connector.getOrders([id ?? '']))[0];
    expect(order?.status.code).toBe('shipped');
    expect(order?.deliveries[0]?.shipments[0]).toEqual({ carrier: { code: 'yamato', raw: '1001' }, trackingNumber: '4912-3456-7890', shippedOn: '2026-11-22' });
  });

  it('guards shipments too: a held order is refused with OrderStateError', async () => {
    env = setup();
    const [id] = seedWith(env, 'confirmed');
    env.sandbox.holdForFraudReview(id ?? '');
    const result = await env.connector.exportShipments([{ orderId: id ?? '', carrier: 'sagawa', trackingNumber: '123456789012', shippedAt: '2026-11-22' }]);
    const first = result.results[0];
    expect(first && !first.ok && OrderStateError.isInstance(first.error)).toBe(true);
    expect(env.sandbox.kit.log.count({ operation: 'orderShipStatusChange' })).toBe(0);
  });

  it('an NG from the sandbox (raw client bypassing the guard) is an OrderStateError', async () => {
    env = setup();
    const [id] = seedWith(env, 'pending_confirmation');
    env.sandbox.holdForFraudReview(id ?? '');
    const error = await env.connector.client.orderStatusChange({ orderId: id ?? '', orderStatus: '2' }).catch((e: unknown) => e);
    expect(OrderStateError.isInstance(error)).toBe(true);
    const cancel = await env.connector.client.orderStatusChange({ orderId: id ?? '', orderStatus: '4', cancelReason: '170' });
    expect(cancel.warnings).toEqual([]);
  });
});

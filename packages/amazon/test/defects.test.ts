import { MallUnavailableError, PermissionError, ValidationError, type ShipmentUpdate, type UnreadableOrderError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AmazonOrder2026 } from '../src/api/orders-2026.js';
import type { OrdersApiVersion } from '../src/options.js';
import { collect, createRig, failure, NOW, seedOrders, type TestRig } from './helpers.js';

/*
 * The defects of issue 8 as Amazon showed them, each fixed in this package (the conformance suite
 * covers the rest): every test here failed on the connector before it moved onto the kit.
 */

let rig: TestRig | undefined;
afterEach(() => rig?.close());

const paths: readonly OrdersApiVersion[] = ['2026-01-01', 'v0'];

/** An unshipped order of the sandbox. */
function unshipped(r: TestRig, index = 0): AmazonOrder2026 {
  const order = r.sandbox.orders.values().filter((o) => o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' && !o.orderItems.some((item) => item.cancellation?.cancellationRequest))[index];
  if (!order) throw new Error('no unshipped order');
  return order;
}

describe.each(paths)('mapping fixes (%s path)', (ordersApi) => {
  it('an order without payment data says unmapped with an empty raw and a missing_field warning, never "Other"', async () => {
    rig = createRig(seedOrders(12), NOW, { ordersApi });
    const { payment: _none, ...withoutPayment } = unshipped(rig);
    rig.sandbox.orders.put(withoutPayment);
    const [order] = await rig.connector.getOrders([withoutPayment.orderId]);
    expect(order?.payment.method).toEqual({ code: 'unmapped', raw: '' });
    expect(order?.warnings).toContainEqual(expect.objectContaining({ code: 'missing_field', field: 'payment.method' }));
  });

  it('times keep their milliseconds (2019-05-07T15:42:57.058Z stays that instant)', async () => {
    rig = createRig(seedOrders(12), NOW, { ordersApi });
    const order = { ...unshipped(rig), createdTime: '2019-05-07T15:42:57.058Z', lastUpdatedTime: '2019-05-07T16:00:00.5Z' };
    rig.sandbox.orders.put(order);
    const [read] = await rig.connector.getOrders([order.orderId]);
    expect(read?.orderedAt).toBe('2019-05-08T00:42:57.058+09:00');
    expect(read?.updatedAt).toBe('2019-05-08T01:00:00.500+09:00');
  });
});

describe('ids the mall sends', () => {
  it('an order listed with an empty id is reported, not yielded as an order with id ""', async () => {
    rig = createRig(seedOrders(6), NOW);
    rig.sandbox.orders.put({ ...unshipped(rig), orderId: '' });
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(rig.connector.listOrders({ from: '2026-10-01T00:00:00+09:00' }, { onOrderError: (error) => reported.push(error) }));
    expect(orders.map((o) => o.id)).not.toContain('');
    expect(orders).toHaveLength(6);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.message).toMatch(/no id/);
  });
});

describe("Amazon's own shipment limits, checked before sending", () => {
  it('tracking number, shipping method and carrier name longer than 50 characters are refused, 50 go through', async () => {
    rig = createRig(seedOrders(12), NOW);
    const [target] = rig.seeds.filter((s) => s.status === 'ready_to_ship');
    if (!target) throw new Error('no shippable seed');
    const good: ShipmentUpdate = { orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-22' };
    const before = rig.sandbox.kit.log.count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ trackingNumber: '1'.repeat(51) }, 'updates[0].trackingNumber'],
      [{ shippingMethod: '宅'.repeat(51) }, 'updates[0].shippingMethod'],
      [{ carrier: { code: 'other', name: '便'.repeat(51) } }, 'updates[0].carrier.name'],
    ];
    for (const [change, field] of cases) {
      const error = await failure(rig.connector.exportShipments([{ ...good, ...change } as typeof good]));
      expect(ValidationError.isInstance(error), field).toBe(true);
      expect((error as ValidationError).field).toBe(field);
    }
    expect(rig.sandbox.kit.log.count()).toBe(before);
    // Seino publishes no number format, so only the length applies (Yamato numbers have 12 digits).
    const result = await rig.connector.exportShipments([{ ...good, carrier: 'seino', trackingNumber: '1'.repeat(50), shippingMethod: '宅'.repeat(50) }]);
    expect(result.succeeded).toBe(1);
  });
});

describe('batch writes', () => {
  it('a 403 on confirmShipment (the app lacks the role) stops the batch: thrown once, nothing more sent', async () => {
    rig = createRig(seedOrders(20), NOW);
    const ids = rig.seeds.filter((s) => s.status === 'ready_to_ship').slice(0, 3).map((s) => s.id);
    expect(ids).toHaveLength(3);
    const body = JSON.stringify({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] });
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 403, body, headers: { 'content-type': 'application/json' } }, { operation: 'confirmShipment', times: Number.POSITIVE_INFINITY });
    const error = await failure(rig.connector.exportShipments(ids.map((orderId) => ({ orderId, carrier: 'sagawa' as const, trackingNumber: '123412341234', shippedAt: '2026-11-22' }))));
    expect(PermissionError.isInstance(error)).toBe(true);
    expect((error as PermissionError).batch?.notSent.length).toBeGreaterThan(0);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);
  });

  it.each(paths)('a confirmShipment whose answer is lost is read back (%s path): landed → ok, refused by a 503 → failed', async (ordersApi) => {
    // The connection drops after Amazon processed the request, as when a proxy cuts the answer.
    let dropNext = false;
    const droppingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (dropNext && String(input instanceof Request ? input.url : input).endsWith('/shipmentConfirmation')) {
        dropNext = false;
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    };
    rig = createRig(seedOrders(20), NOW, { ordersApi, fetch: droppingFetch });
    const [landed, refused] = [unshipped(rig, 0), unshipped(rig, 1)];
    const update = (orderId: string) => ({ orderId, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-22' });

    dropNext = true;
    const first = await rig.connector.exportShipments([update(landed.orderId)], { retries: 0 });
    expect(first.results[0]).toMatchObject({ id: landed.orderId, ok: true, alreadyDone: false });
    // The row says how it was decided (review L3): the answer was lost and the order read back.
    expect(first.results[0]).toMatchObject({ warnings: [expect.stringMatching(/answer .* was lost .* read back/)] });
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);

    rig.sandbox.kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'confirmShipment' });
    const second = await rig.connector.exportShipments([update(refused.orderId)], { retries: 0 });
    const row = second.results[0];
    expect(row?.ok).toBe(false);
    if (row && !row.ok) expect(MallUnavailableError.isInstance(row.error)).toBe(true);
  });
});

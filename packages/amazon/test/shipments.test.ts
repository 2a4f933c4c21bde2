import { MallUnavailableError, OrderStateError, type ShipmentUpdate } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AmazonOrder2026 } from '../src/api/orders-2026.js';
import type { OrdersApiVersion } from '../src/options.js';
import { createRig, NOW, seedOrders, type TestRig } from './helpers.js';

let rig: TestRig | undefined;
afterEach(() => rig?.close());

const paths: readonly OrdersApiVersion[] = ['2026-01-01', 'v0'];

function unshipped(r: TestRig, count: number): AmazonOrder2026[] {
  const orders = r.sandbox.orders.values().filter((o) => o.fulfillment?.fulfillmentStatus === 'UNSHIPPED' && !o.orderItems.some((item) => item.cancellation?.cancellationRequest)).slice(0, count);
  if (orders.length < count) throw new Error(`need ${count} unshipped orders`);
  return orders;
}

const shipment = (orderId: string): ShipmentUpdate => ({ orderId, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-22' });

/** The order with a buyer's cancellation request on its items (v2026 ItemCancellationRequest, v0 BuyerRequestedCancel). */
function withCancelRequest(order: AmazonOrder2026): AmazonOrder2026 {
  return { ...order, orderItems: order.orderItems.map((item) => ({ ...item, cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'NO_LONGER_NEEDED' } } })) };
}

/** The order as a preorder before its release: PENDING_AVAILABILITY (v0 PendingAvailability), payment not authorized. */
function preorder(order: AmazonOrder2026): AmazonOrder2026 {
  return { ...order, programs: ['PREORDER'], fulfillment: { fulfillmentStatus: 'PENDING_AVAILABILITY', fulfilledBy: 'MERCHANT' } };
}

describe.each(paths)('orders the shop must not ship yet (%s path)', (ordersApi) => {
  it("a buyer's cancellation request and a preorder on hold are refused with OrderStateError saying what to do; nothing is sent", async () => {
    rig = createRig(seedOrders(20), NOW, { ordersApi });
    const [asked, held, ready] = unshipped(rig, 3) as [AmazonOrder2026, AmazonOrder2026, AmazonOrder2026];
    rig.sandbox.orders.put(withCancelRequest(asked));
    rig.sandbox.orders.put(preorder(held));
    const result = await rig.connector.exportShipments([shipment(asked.orderId), shipment(held.orderId), shipment(ready.orderId)]);
    expect(result.results.map((row) => row.ok)).toEqual([false, false, true]);
    const [cancelRow, holdRow] = result.results;
    if (cancelRow?.ok !== false || holdRow?.ok !== false) throw new Error('expected two refusals');
    expect(OrderStateError.isInstance(cancelRow.error)).toBe(true);
    expect(cancelRow.error.hint?.ja).toContain('セラーセントラル');
    expect(cancelRow.error.hint?.en).toContain('shipDespite');
    expect(OrderStateError.isInstance(holdRow.error)).toBe(true);
    expect(holdRow.error.message).toContain('on_hold');
    const sent = rig.sandbox.kit.log.forOperation('confirmShipment').map((entry) => entry.path);
    expect(sent).toEqual([`/orders/v0/orders/${ready.orderId}/shipmentConfirmation`]);
  });

  it('shipDespite ships them anyway, as the shop asked', async () => {
    rig = createRig(seedOrders(20), NOW, { ordersApi, shipDespite: ['cancel_requested', 'on_hold'] });
    const [asked, held] = unshipped(rig, 2) as [AmazonOrder2026, AmazonOrder2026];
    rig.sandbox.orders.put(withCancelRequest(asked));
    rig.sandbox.orders.put(preorder(held));
    const result = await rig.connector.exportShipments([shipment(asked.orderId), shipment(held.orderId)]);
    expect(result.succeeded).toBe(2);
  });
});

describe('confirmShipment is never sent twice', () => {
  it('a 503 is not retried (the write may have landed): the order is read back, and the row fails when the package is not there', async () => {
    rig = createRig(seedOrders(12), NOW);
    const [order] = unshipped(rig, 1) as [AmazonOrder2026];
    rig.sandbox.kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'confirmShipment' });
    // Default retries (4): a read would be retried, this write is not.
    const result = await rig.connector.exportShipments([shipment(order.orderId)]);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);
    const row = result.results[0];
    expect(row?.ok).toBe(false);
    if (row && !row.ok) expect(MallUnavailableError.isInstance(row.error)).toBe(true);
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(2);
  });

  it('v0 path: the same shipment again is alreadyDone (its lines are shipped), with a warning that the tracking number could not be compared', async () => {
    rig = createRig(seedOrders(12), NOW, { ordersApi: 'v0' });
    const [order] = unshipped(rig, 1) as [AmazonOrder2026];
    const first = await rig.connector.exportShipments([shipment(order.orderId)]);
    expect(first.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    const again = await rig.connector.exportShipments([shipment(order.orderId)]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: true, warnings: [expect.stringMatching(/tracking number could not be compared/)] });
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);
  });
});

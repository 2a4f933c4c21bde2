import { OrderStateError, type BatchItemResult } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { MAKESHOP_VERIFICATION } from '../src/index.js';
import { collect, setUp, windowOf, type Harness } from './harness.js';

/*
 * What an OMS decides shipping on, when makeshop does not send the inferred fields it is read from
 * (hideFields plays a makeshop whose schema lacks them). Review H1, M3, M4, M9, L10.
 */

let harness: Harness;
afterEach(() => harness?.close());

const mutations = (h: Harness): number => h.bodies().filter((body) => body.query.startsWith('mutation')).length;
const failure = (result: BatchItemResult | undefined) => (result && !result.ok ? result.error : undefined);
const openSingle = (h: Harness) => h.seeds.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1);

describe('an unprocessed order whose 仮注文 or payment state makeshop does not send (review H1)', () => {
  // Fails before: ready_to_ship, provisional false, no warning, and the shipment was sent.
  it('is on_hold with a warning in listOrders and getOrders alike, refused for shipping, and the lost field is logged as an error', async () => {
    harness = setUp();
    const target = openSingle(harness)[0]!;
    harness.sandbox.makeProvisional(target.id);
    harness.sandbox.hideFields('orderStatus');
    const listed = (await collect(harness.connector.listOrders(windowOf(harness.seeds)))).find((order) => order.id === target.id)!;
    const [read] = await harness.connector.getOrders([target.id]);
    for (const order of [listed, read!]) {
      expect(order.status).toEqual({ code: 'on_hold', raw: 'N' });
      expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'missing_field', field: 'flags.provisional' }));
    }
    expect(harness.lines.filter((line) => line.startsWith('error') && line.includes('orderStatus'))).toHaveLength(1);
    expect(harness.connector.capabilities.verification?.unverified.at(-1)).toContain('orderStatus');

    const result = await harness.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(OrderStateError.isInstance(failure(result.results[0]))).toBe(true);
    expect(failure(result.results[0])?.hint?.en).toContain('readyWhenPaymentUnknown');
    expect(mutations(harness)).toBe(0);
  });

  // Fails before: every unpaid bank transfer came out ready_to_ship (awaiting_payment count 0).
  it('with the payment fields missing too, no unprocessed order is ready_to_ship', async () => {
    harness = setUp();
    harness.sandbox.hideFields('orderStatus', 'paymentStatus', 'paymentMethodName');
    const orders = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    const unprocessed = orders.filter((order) => order.status.raw === 'N');
    expect(unprocessed.length).toBeGreaterThan(0);
    expect(unprocessed.every((order) => order.status.code === 'on_hold')).toBe(true);
  });

  it('readyWhenPaymentUnknown: the shop takes the risk, the order is ready_to_ship with its warning and ships', async () => {
    harness = setUp({ connector: { readyWhenPaymentUnknown: true } });
    const target = openSingle(harness)[0]!;
    harness.sandbox.hideFields('orderStatus');
    const [order] = await harness.connector.getOrders([target.id]);
    expect(order?.status.code).toBe('ready_to_ship');
    expect(order?.warnings).toContainEqual(expect.objectContaining({ code: 'missing_field', field: 'flags.provisional' }));
    const result = await harness.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(result.succeeded).toBe(1);
  });
});

describe('an order whose delivery status makeshop does not send on the order (review M3)', () => {
  // Fails before: listOrders wrote the search's status into raw.deliveryStatus, getOrders said unmapped, and the shipment was sent.
  it('takes its status from the search that finds it in listOrders and getOrders alike; raw stays as sent; a cancelled one is refused unsent', async () => {
    harness = setUp();
    harness.sandbox.hideFields('SearchedOrder.deliveryStatus', 'SearchedOrder.orderStatus');
    const cancelled = harness.seeds.find((seed) => seed.status === 'cancelled')!;
    const listed = (await collect(harness.connector.listOrders(windowOf(harness.seeds)))).find((order) => order.id === cancelled.id)!;
    const [read] = await harness.connector.getOrders([cancelled.id]);
    for (const order of [listed, read!]) {
      expect(order.status).toEqual({ code: 'cancelled', raw: 'C' });
      expect('deliveryStatus' in order.raw).toBe(false);
      expect(Object.keys(order.raw).some((key) => key.startsWith('@'))).toBe(false);
      expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'missing_field', field: 'status' }));
    }
    const before = mutations(harness);
    const result = await harness.connector.exportShipments([{ orderId: cancelled.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(OrderStateError.isInstance(failure(result.results[0]))).toBe(true);
    expect(mutations(harness)).toBe(before);
  });

  it('getOrders then searches the number per delivery status, at most four more requests', async () => {
    harness = setUp();
    harness.sandbox.hideFields('SearchedOrder.deliveryStatus');
    const shipped = harness.seeds.find((seed) => seed.status === 'shipped')!;
    await harness.connector.getOrders([shipped.id]);
    const inputs = harness.bodies().map((body) => body.variables.input);
    // The first answer lacks the field (it is dropped and asked again), then N, then Y finds it.
    expect(inputs.map((input) => input['deliveryStatus'] ?? '-')).toEqual(['-', '-', 'N', 'Y']);
  });
});

describe('replaced variables that may not pass the delivery status on', () => {
  it('never lend an order the status of the search that returned it: without deliveryStatus on the order it stays unmapped', async () => {
    harness = setUp({ connector: { documents: { searchOrder: { variables: ({ deliveryStatus: _ignored, ...input }) => ({ input }) } } } });
    harness.sandbox.hideFields('SearchedOrder.deliveryStatus');
    const orders = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    expect(orders).toHaveLength(harness.seeds.length);
    // Only an order status of 0 (cancelled) still tells a status; nothing is ready_to_ship on the first search's word.
    expect(orders.filter((order) => order.status.code !== 'unmapped').every((order) => order.status.code === 'cancelled' && order.raw.orderStatus === 0)).toBe(true);
    expect(orders.filter((order) => order.status.code === 'unmapped').length).toBeGreaterThan(0);
  });
});

describe('status filters (review M9)', () => {
  // Fails before: statuses: ['cancelled'] searched C only and missed an N order with order status 0.
  it("statuses: ['cancelled'] finds an order cancelled by its order status while still unprocessed", async () => {
    harness = setUp();
    const target = openSingle(harness)[0]!;
    harness.sandbox.orders.update(target.id, (order) => {
      order.orderStatus = 0;
    });
    const cancelled = await collect(harness.connector.listOrders({ ...windowOf(harness.seeds), statuses: ['cancelled'] }));
    expect(cancelled.map((order) => order.id)).toContain(target.id);
    expect(cancelled.every((order) => order.status.code === 'cancelled')).toBe(true);
  });
});

describe('capabilities say what is inferred (review M4, L10)', () => {
  // Fails before: capabilities had no verification, and listOrders was marked confirmed.
  it('verification marks every operation and lists the unverified wire details; MAKESHOP_VERIFICATION is the same', () => {
    harness = setUp({ count: 1 });
    const verification = harness.connector.capabilities.verification;
    expect(verification?.operations).toEqual({ listOrders: 'inferred', getOrders: 'inferred', exportShipments: 'inferred', getPayments: 'inferred', checkCredentials: 'confirmed' });
    expect(MAKESHOP_VERIFICATION).toEqual(verification?.operations);
    const unverified = verification?.unverified.join('\n') ?? '';
    for (const detail of ['updateOrderDelivery', 'displayOrderNumber', 'orderStatus', 'paymentStatus', 'error codes']) expect(unverified).toContain(detail);
    expect(harness.connector.capabilities.exportShipments).toEqual({ batchSize: 1, sendsShipDate: true });
  });
});

import { IncompleteResultError, MallUnavailableError, ResponseFormatError, type UnreadableOrderError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, createRig, failure, NOW, seedOrders, type TestRig } from './helpers.js';

/*
 * The v0 path reads each order's items, address and buyer with calls of their own. One order whose
 * own call fails must be reported alone (onOrderError, or IncompleteResultError at the end), never
 * lose the other orders of its detail batch (review H1: before, the batch and the sync were lost).
 */

let rig: TestRig | undefined;
afterEach(() => rig?.close());

/** A fetch that answers `answer(url)` when it returns one, and passes every other request to the sandbox. */
function fetchWith(answer: (url: string) => Response | undefined): typeof fetch {
  return async (input, init) => answer(String(input instanceof Request ? input.url : input)) ?? fetch(input, init);
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** One item page that always names the same NextToken: a mall that does not page. */
function lyingItemPages(orderId: string) {
  return (url: string) =>
    url.includes(`/orders/v0/orders/${orderId}/orderItems`)
      ? json(200, { payload: { AmazonOrderId: orderId, OrderItems: [{ ASIN: 'B0LIE', OrderItemId: '1', QuantityOrdered: 1 }], NextToken: 'same' } })
      : undefined;
}

const FROM = '2026-10-01T00:00:00+09:00';

describe('v0 path: one order whose own calls fail is reported alone', () => {
  it('items paging that repeats: listOrders delivers the 11 others and reports that order to onOrderError', async () => {
    const ids: string[] = [];
    let bad = '';
    rig = createRig(seedOrders(12), NOW, { ordersApi: 'v0', fetch: fetchWith((url) => lyingItemPages(bad)(url)) });
    ids.push(...rig.ids());
    bad = ids[3] ?? '';
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(rig.connector.listOrders({ from: FROM }, { onOrderError: (error) => reported.push(error) }));
    expect(orders.map((o) => o.id).sort()).toEqual(ids.filter((id) => id !== bad).sort());
    expect(reported.map((error) => error.orderId)).toEqual([bad]);
    expect(reported[0]?.message).toMatch(/pagination did not advance/);
    expect(ResponseFormatError.isInstance(reported[0])).toBe(true);
  });

  it('getOrders without onOrderError: IncompleteResultError with the readable orders and the failure naming the order', async () => {
    let bad = '';
    rig = createRig(seedOrders(6), NOW, { ordersApi: 'v0', fetch: fetchWith((url) => lyingItemPages(bad)(url)) });
    const ids = rig.ids().slice(0, 4);
    bad = ids[2] ?? '';
    const error = await failure(rig.connector.getOrders(ids));
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    const incomplete = error as IncompleteResultError;
    expect(incomplete.orders.map((o) => o.id)).toEqual(ids.filter((id) => id !== bad));
    expect(incomplete.failures.map((f) => f.orderId)).toEqual([bad]);
  });

  it("an address answer that stays broken after the retries fails that order only, with the answer's error in its message", async () => {
    let bad = '';
    rig = createRig(seedOrders(8), NOW, {
      ordersApi: 'v0',
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5, jitter: false },
      fetch: fetchWith((url) => (url.endsWith(`/orders/v0/orders/${bad}/address`) ? new Response('{"payload": {"AmazonOrderId": ', { status: 200, headers: { 'content-type': 'application/json' } }) : undefined)),
    });
    bad = rig.ids()[5] ?? '';
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(rig.connector.listOrders({ from: FROM }, { onOrderError: (error) => reported.push(error) }));
    expect(orders).toHaveLength(7);
    expect(reported.map((error) => error.orderId)).toEqual([bad]);
    expect(reported[0]?.message).toMatch(/getOrderAddressV0/);
  });

  it('a 500 for one order\'s buyer info (Amazon failing on that order) fails that order only', async () => {
    let bad = '';
    rig = createRig(seedOrders(8), NOW, {
      ordersApi: 'v0',
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5, jitter: false },
      fetch: fetchWith((url) => (url.endsWith(`/orders/v0/orders/${bad}/buyerInfo`) ? json(500, { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error.' }] }) : undefined)),
    });
    bad = rig.ids()[1] ?? '';
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(rig.connector.listOrders({ from: FROM }, { onOrderError: (error) => reported.push(error) }));
    expect(orders).toHaveLength(7);
    expect(reported.map((error) => error.orderId)).toEqual([bad]);
    expect(reported[0]?.message).toMatch(/InternalFailure/);
  });

  it('Amazon out for every order (5xx on each): the listing ends with MallUnavailableError after two orders, not one failure per order', async () => {
    rig = createRig(seedOrders(12), NOW, { ordersApi: 'v0', retry: { retries: 0 } });
    rig.sandbox.kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'getOrderItemsV0', times: Number.POSITIVE_INFINITY });
    const reported: UnreadableOrderError[] = [];
    const error = await failure(collect(rig.connector.listOrders({ from: FROM }, { onOrderError: (e) => reported.push(e) })));
    expect(MallUnavailableError.isInstance(error)).toBe(true);
    expect(reported.length).toBeLessThan(2);
    // Four orders run side by side: the batch stops once two of them met the outage.
    expect(rig.sandbox.kit.log.count({ operation: 'getOrderItemsV0' })).toBeLessThanOrEqual(4 + 1);
  });
});

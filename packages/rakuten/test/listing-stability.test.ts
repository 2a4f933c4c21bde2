import { InvalidRequestError, parseJst } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, collect, NOW, rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

/*
 * searchOrder pages by offset and sorts only by 注文日時: an order that leaves the result set while
 * the pages are read moves every later order forward, and one is skipped. These tests make orders
 * leave the set mid-listing — the caller's own writes, someone else's, a corrected ship date — and
 * check that no order that stayed in it is lost (review H1, L4, L7).
 */

const DAY = 86_400_000;
const FAST = { rateLimit: { limit: 2_000, intervalMs: 1000 } } as const;

interface SearchBody {
  dateType: number;
  startDatetime: string;
  orderProgressList?: number[];
  PaginationRequestModel: { requestPage: number };
}

/** Every order of the sandbox at 100 with its postage set: all confirmable. */
function allPending(rig: TestRig): void {
  for (const order of rig.sandbox.orders()) {
    rig.sandbox.store.change(order.orderNumber, (o) => {
      o.orderProgress = 100;
      o.shopOrderCfmDatetime = null;
      o.postagePrice = 500;
    });
  }
}

describe('listings that lose no order while orders move', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('pending_confirmation, confirmed by the caller a hundred at a time as they are yielded: all 2,200 yielded, none left pending', async () => {
    rig = startRig(seeds(2_200, 10, 5), NOW, FAST);
    allPending(rig);
    const yielded = new Set<string>();
    let batch: string[] = [];
    const confirm = async (): Promise<void> => {
      expect((await rig.connector.confirmOrders(batch)).succeeded).toBe(batch.length);
      batch = [];
    };
    for await (const order of rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 11 * DAY), statuses: ['pending_confirmation'] })) {
      yielded.add(order.id);
      batch.push(order.id);
      if (batch.length === 100) await confirm();
    }
    if (batch.length > 0) await confirm();
    expect(yielded.size).toBe(2_200);
    expect(rig.sandbox.orders().filter((o) => o.orderProgress === 100)).toHaveLength(0);
    // Paged by order time: page 1 each time, each search starting at the last listed order's time.
    const searches = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(searches.length).toBe(3);
    expect(searches.every((s) => s.PaginationRequestModel.requestPage === 1 && s.orderProgressList?.join() === '100')).toBe(true);
    const starts = searches.map((s) => parseJst(s.startDatetime).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  }, 120_000);

  it('orders confirmed by someone else (RMS staff) after the first page was sent: every order still pending is yielded', async () => {
    rig = startRig(seeds(1_500, 10, 6), NOW, {
      ...FAST,
      hooks: {
        onResponse(event) {
          if (event.operation !== 'searchOrder' || moved) return;
          moved = true;
          // The first 300 orders of the first page leave the filter before the next search.
          for (const order of rig.sandbox.orders().slice(0, 300)) rig.sandbox.store.change(order.orderNumber, (o) => void (o.orderProgress = 300));
        },
      },
    });
    let moved = false;
    allPending(rig);
    const yielded = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 11 * DAY), statuses: ['pending_confirmation'] }));
    const stillPending = rig.sandbox.orders().filter((o) => o.orderProgress === 100).map((o) => o.orderNumber);
    expect(stillPending).toHaveLength(1_200);
    expect(yielded.map((o) => o.id).sort()).toEqual(stillPending.sort());
  }, 60_000);

  it('by 発送完了報告日 (unfiltered pages read whole first): report times moved out of the window while the orders are yielded lose none of the 1,200', async () => {
    rig = startRig(seeds(1_200, 10, 8), NOW, FAST);
    for (const order of rig.sandbox.orders()) {
      rig.sandbox.store.change(order.orderNumber, (o) => {
        o.orderProgress = 500;
        o.shippingCmplRptDatetime = '2026-11-20T18:00:00+0900';
        for (const pkg of o.PackageModelList) pkg.ShippingModelList = [{ shippingDetailId: pkg.basketId, shippingNumber: '491234567890', deliveryCompany: '1001', deliveryCompanyName: 'ヤマト運輸', shippingDate: '2026-11-20' }];
      });
    }
    const yielded = new Set<string>();
    for await (const order of rig.connector.listOrders({ dateType: 'shipped', from: '2026-11-19T00:00:00+09:00', to: NOW })) {
      yielded.add(order.id);
      // The order leaves the searched window (whether Rakuten ever re-stamps 発送完了報告日, e.g. when a
      // shipment is reported again, is not public: the paging must hold either way).
      rig.sandbox.store.change(order.id, (o) => void (o.shippingCmplRptDatetime = '2026-11-01T18:00:00+0900'));
    }
    expect(yielded.size).toBe(1_200);
    const searches = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(searches.map((s) => [s.dateType, s.PaginationRequestModel.requestPage])).toEqual([
      [5, 1],
      [5, 2],
    ]);
  }, 60_000);

  it('a full page whose PaginationResponseModel is null asks for the next page instead of ending the search', async () => {
    const data = seeds(1_250, 20);
    rig = startRig(data, NOW, {
      ...FAST,
      async fetch(input, init) {
        const answer = await fetch(input, init);
        if (!String(input instanceof Request ? input.url : input).includes('/searchOrder/')) return answer;
        const body = (await answer.json()) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...body, PaginationResponseModel: null }), { status: answer.status, headers: { 'content-type': 'application/json;charset=utf-8' } });
      },
    });
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 21 * DAY), to: NOW }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1_250);
    expect(rig.sandbox.kit.log.forOperation('searchOrder').map((e) => (bodyOf(e) as SearchBody).PaginationRequestModel.requestPage)).toEqual([1, 2]);
  }, 60_000);

  it('1,000 pending orders placed in one second cannot be paged by order time: InvalidRequestError after the first page, never a loop', async () => {
    rig = startRig(seeds(1_000, 5, 9), NOW, FAST);
    for (const order of rig.sandbox.orders()) rig.sandbox.store.put({ ...order, orderProgress: 100, orderDatetime: '2026-11-20T12:00:00+0900' });
    const yielded: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const order of rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 6 * DAY), statuses: ['pending_confirmation'] })) yielded.push(order.id);
      })(),
    );
    expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
    expect(yielded).toHaveLength(1_000);
    expect(rig.sandbox.kit.log.count({ operation: 'searchOrder' })).toBe(2);
  }, 60_000);

  it('statuses on another date type search unfiltered (the kit keeps the statuses asked for)', async () => {
    rig = startRig(seeds(60, 10));
    const orders = await collect(rig.connector.listOrders({ dateType: 'confirmed', from: new Date(Date.parse(NOW) - 11 * DAY), to: NOW, statuses: ['ready_to_ship'] }));
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.status.code === 'ready_to_ship')).toBe(true);
    const [search] = rig.sandbox.kit.log.forOperation('searchOrder').map((e) => bodyOf(e) as SearchBody);
    expect(search).toMatchObject({ dateType: 2 });
    expect(search).not.toHaveProperty('orderProgressList');
  });
});

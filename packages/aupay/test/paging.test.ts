import { afterEach, describe, expect, it } from 'vitest';
import { totalOf } from '../src/client.js';
import { collect, openShop, type TestShop } from './harness.js';

/** Paging that survives a page cap below the page size asked for (review H2), and the totals au PAY may send (review L6). */

let shop: TestShop;
afterEach(() => shop.close());

const FROM = '2026-10-23T00:00:00+09:00';
const startCounts = (): Array<string | null> => shop.sandbox.kit.log.forOperation('searchTradeInfoListProc').map((e) => e.query.get('startCount'));

describe('a mall that caps pages silently below pageSize loses no order', () => {
  it('with maxCount: steps by the orders received and ends at the total', async () => {
    shop = openShop({ count: 120, connector: { pageSize: 100 } });
    shop.sandbox.capPages(50);
    const orders = await collect(shop.connector.listOrders({ from: FROM }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(120);
    expect(startCounts()).toEqual(['1', '51', '101']);
    expect(shop.captured.some((line) => line.includes('its page cap is probably 50'))).toBe(true);
  });

  it('without maxCount: pages on to an empty page', async () => {
    shop = openShop({ count: 120, connector: { pageSize: 100 } });
    shop.sandbox.capPages(50);
    shop.sandbox.reportMaxCount(false);
    const orders = await collect(shop.connector.listOrders({ from: FROM }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(120);
    expect(startCounts()).toEqual(['1', '51', '101', '121']);
  });

  it('ends at the total without an extra request when pages are not capped', async () => {
    shop = openShop({ count: 120, connector: { pageSize: 100 } });
    await collect(shop.connector.listOrders({ from: FROM }));
    expect(startCounts()).toEqual(['1', '101']);
    expect(shop.captured.some((line) => line.includes('page cap'))).toBe(false);
  });
});

describe('totals an answer may carry', () => {
  const answer = (response: Record<string, string>) => ({ response: { result: { status: '0' }, ...response } });

  it('reads maxCount, then totalResultsAvailable, then a top-level totalCount that is not the page size echoed', () => {
    expect(totalOf(answer({ maxCount: '1200', totalResultsAvailable: '9' }), 1000)).toBe(1200);
    expect(totalOf(answer({ totalResultsAvailable: '1200' }), 1000)).toBe(1200);
    expect(totalOf(answer({ totalCount: '1200' }), 1000)).toBe(1200);
    expect(totalOf(answer({ totalCount: '1000' }), 1000)).toBeNull();
    expect(totalOf(answer({ maxCount: 'many' }), 1000)).toBeNull();
  });
});

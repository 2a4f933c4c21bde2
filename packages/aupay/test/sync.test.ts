import { syncOrders, type SyncEvent, type SyncOptions } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AupayOrderInfo } from '../src/index.js';
import { freshSeed } from './fixtures/life.js';
import { collect, openShop, type TestShop } from './harness.js';

/** Incremental sync on au PAY: no update time, so every sync re-reads the orders placed within the look-back. */

let shop: TestShop;
afterEach(() => shop.close());

const MINUTE = 60_000;
const SEARCH = 'https://api.manager.wowma.jp/wmshopapi/searchTradeInfoListProc?shopId=52800017';

/** One sync on the shop's clock; returns its events and the checkpoint's cursor. */
async function sync(options: SyncOptions = {}): Promise<{ events: Array<SyncEvent<AupayOrderInfo>>; cursor: string }> {
  const events = await collect(syncOrders(shop.connector, { clock: shop.sandbox.clock, ...options }));
  const last = events.at(-1);
  if (last?.type !== 'checkpoint') throw new Error('the sync ended without a checkpoint');
  return { events: events.slice(0, -1), cursor: last.cursor };
}

/** The searches the sandbox saw since its log was cleared: their order days and page positions. */
function searches(): string[] {
  return shop.sandbox.kit.log.entries.map((entry) => (entry.url.startsWith(SEARCH) ? entry.url.slice(SEARCH.length) : `${entry.operation}?…`));
}

/** Orders of the events, as `type id status [changed fields]`. */
function described(events: ReadonlyArray<SyncEvent<AupayOrderInfo>>): string[] {
  return events.map((event) => {
    if (event.type === 'new' || event.type === 'changed' || event.type === 'cancelled') return `${event.type} ${event.order.id} ${event.order.status.raw} ${event.changedFields?.join(',') ?? '-'}`;
    return event.type;
  });
}

describe('capabilities.changes: what an au PAY sync can see', () => {
  it('declares one search by order date over a 14-day look-back, with no lag: au PAY orders carry no update time', () => {
    shop = openShop({ count: 0 });
    expect(shop.connector.capabilities.changes).toMatchObject({ searches: [{ dateType: 'ordered', mode: 'lookback' }], visibilityLagMs: 0, lookbackDays: 14 });
    expect(shop.connector.capabilities.changes?.blindSpots.ja).toContain('遡及期間');
  });
});

describe('the searches a sync sends', () => {
  it('re-reads the 15 order days of the look-back in one search, 1,000 orders a page, on every sync', async () => {
    shop = openShop({ count: 30 });
    const first = await sync();
    shop.sandbox.clock.advance(5 * MINUTE);
    shop.sandbox.kit.reset();
    await sync({ cursor: first.cursor });
    // NOW is 2026-11-22 10:00 JST: the look-back starts on 11-08, a whole order day, and ends today.
    expect(searches()).toEqual(['&startDate=20261108&endDate=20261122&dateType=0&totalCount=1000&startCount=1']);
  });

  it('pages a busy look-back with startCount and stops at the total au PAY gives', async () => {
    shop = openShop({ count: 120, connector: { pageSize: 50 } });
    const first = await sync();
    shop.sandbox.kit.reset();
    await sync({ cursor: first.cursor });
    const pages = searches().map((query) => new URLSearchParams(query).get('startCount'));
    // 120 orders over 30 days: about half of them within the look-back, so two pages of 50.
    expect(pages).toEqual(['1', '51']);
  });

  it('cuts a look-back longer than 30 days into searches of 31 order days that never overlap', async () => {
    shop = openShop({ count: 0 });
    await sync({ lookbackDays: 45 });
    const days = searches().map((query) => new URLSearchParams(query)).map((q) => `${q.get('startDate')}-${q.get('endDate')}`);
    expect(days).toEqual(['20261008-20261107', '20261108-20261122']);
  });
});

describe('what a sync delivers', () => {
  it('delivers a new order and every change to orders inside the look-back once, and nothing the next time', async () => {
    shop = openShop({ count: 0 });
    const { simulator } = shop.sandbox;
    const [shipped, paid, cancelled, moved] = simulator.place([
      freshSeed(1, 3, 'confirmed', 'credit_card'),
      freshSeed(2, 2, 'awaiting_payment', 'bank_transfer'),
      freshSeed(3, 1, 'pending_confirmation', 'credit_card'),
      freshSeed(4, 5, 'pending_confirmation', 'cash_on_delivery'),
    ]).map((order) => order.id);
    const first = await sync();
    expect(described(first.events).map((line) => line.split(' ')[0])).toEqual(['new', 'new', 'new', 'new']);

    shop.sandbox.clock.advance(5 * MINUTE);
    for (const [id, change] of [[shipped, 'ship'], [paid, 'pay'], [cancelled, 'cancel'], [moved, 'address']] as const) expect(simulator.change(id ?? '', change)).toBe(true);
    const [arrived] = simulator.place([freshSeed(5, 0.001, 'pending_confirmation', 'credit_card')]);
    shop.sandbox.clock.advance(MINUTE);
    const second = await sync({ cursor: first.cursor });
    expect(described(second.events).sort()).toEqual(
      [
        `changed ${shipped} 完了 status,deliveries`,
        `changed ${paid} 発送前入金待ち payment`,
        `cancelled ${cancelled} キャンセル status`,
        `changed ${moved} 新規受付 deliveries`,
        `new ${arrived?.id} 新規受付 -`,
      ].sort(),
    );

    shop.sandbox.clock.advance(5 * MINUTE);
    expect((await sync({ cursor: second.cursor })).events).toEqual([]);
  });

  it('does not see a change to an order placed before the look-back — the blind spot the README names — until lookbackDays reaches it', async () => {
    shop = openShop({ count: 0 });
    const { simulator } = shop.sandbox;
    const [old] = simulator.place([freshSeed(6, 20, 'confirmed', 'credit_card')]).map((order) => order.id);
    const first = await sync({ start: '2026-10-30T00:00:00+09:00' });
    expect(described(first.events)).toEqual([`new ${old} 発送待ち -`]);

    // The buyer cancels 20 days after ordering; au PAY shows it, but nothing in the order says when.
    shop.sandbox.clock.advance(5 * MINUTE);
    expect(simulator.change(old ?? '', 'cancel')).toBe(true);
    expect((await shop.connector.getOrders([old ?? '']))[0]?.status.code).toBe('cancelled');
    const second = await sync({ cursor: first.cursor });
    expect(second.events).toEqual([]);

    // Reaching further back finds it (an OMS applies it as an upsert, like every event).
    const wider = await sync({ cursor: second.cursor, lookbackDays: 30 });
    expect(wider.events.map((event) => ('order' in event ? `${event.order.id} ${event.order.status.code}` : event.type))).toEqual([`${old} cancelled`]);
  });
});

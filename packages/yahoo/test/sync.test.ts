import { formatJst, parseJst, syncOrders, ValidationError, type SyncEvent } from '@mallkit/core';
import { generateSeedOrders } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { changedOrdersPage, type SearchPage } from '../src/api/order-search.js';
import type { YahooOrderListEntry } from '../src/api/order-list.js';
import { createYahooConnector, YAHOO_CAPABILITIES, type YahooConnector } from '../src/index.js';
import { collect, failure, seeds, setup, type Setup } from './harness.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A sync as an OMS runs it, on the sandbox's clock; returns the events and the checkpoint. */
async function sync(env: Setup, cursor: string | null, start = '2026-11-01T00:00:00+09:00', connector: YahooConnector = env.connector) {
  const events = await collect(syncOrders(connector, { cursor, start, clock: env.sandbox.clock }));
  const checkpoint = events.at(-1);
  if (checkpoint?.type !== 'checkpoint') throw new Error('no checkpoint');
  return { events: events.slice(0, -1), checkpoint };
}

const idsOf = (events: readonly SyncEvent[]): string[] => events.flatMap((event) => ('order' in event ? [event.order.id] : []));
const condition = (body: string, key: string): string | undefined => new RegExp(`<${key}>(\\d+)</${key}>`).exec(body)?.[1];
/** The orderList request bodies sent since the log was cleared. */
const listBodies = (env: Setup): string[] => env.sandbox.kit.log.filter({ operation: 'orderList' }).map((entry) => entry.bodyText);

describe('what Yahoo lets a sync see', () => {
  it('declares one search by update time, no lag, a 30-day look-back and its blind spots in both languages', () => {
    expect(YAHOO_CAPABILITIES.changes).toMatchObject({ searches: [{ dateType: 'updated', mode: 'since' }], visibilityLagMs: 0, lookbackDays: 30 });
    expect(YAHOO_CAPABILITIES.listOrders.dateTypes).toEqual(['ordered', 'updated', 'released']);
    expect(YAHOO_CAPABILITIES.changes?.blindSpots.ja).toContain('30日');
    expect(YAHOO_CAPABILITIES.changes?.blindSpots.en).toContain('placed earlier');
  });
});

describe('incremental sync on Yahoo: LastUpdateTime read from the order list, within the look-back', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('sends two orderList searches — OrderTime over the look-back before the window, PublicationTime over the window — and orderInfo only for the changed orders', async () => {
    env = setup('2026-11-22T10:00:00+09:00');
    const placed = env.sandbox.seed(seeds(6, 21));
    const first = await sync(env, null);
    expect(first.events.map((event) => event.type)).toEqual(Array(6).fill('new'));

    env.sandbox.clock.advance(5 * MINUTE);
    env.sandbox.kit.log.clear();
    const cancelled = placed.find((order) => env.sandbox.simulator.change(order.id, 'cancel'))?.id;
    const moved = placed.find((order) => order.id !== cancelled && env.sandbox.simulator.change(order.id, 'address'))?.id;
    env.sandbox.clock.advance(MINUTE);
    const second = await sync(env, first.checkpoint.cursor);

    // The window starts at the last sync's end minus the sync's overlap (10 minutes; Yahoo has no lag).
    const from = first.checkpoint.syncedUntil - 10 * MINUTE;
    const [byOrderTime, byPublication, ...more] = listBodies(env);
    expect(more).toEqual([]);
    expect(condition(byOrderTime ?? '', 'OrderTimeFrom')).toBe(formatJst(from - 30 * DAY, 'compact'));
    expect(condition(byPublication ?? '', 'PublicationTimeFrom')).toBe(formatJst(from, 'compact'));
    for (const [body, key] of [[byOrderTime, 'OrderTimeTo'], [byPublication, 'PublicationTimeTo']] as const) {
      expect(Math.abs(parseJst(condition(body ?? '', key) ?? '').getTime() - env.sandbox.clock.now())).toBeLessThan(5_000);
    }
    expect(byOrderTime).toContain('<Field>OrderId,OrderTime,PublicationTime,FraudHoldStatus,OrderStatus,LastUpdateTime</Field>');
    expect(byOrderTime).toContain('<FraudHoldDisplayType>1</FraudHoldDisplayType><ReadOnlyMode>2</ReadOnlyMode>');

    const details = env.sandbox.kit.log.filter({ operation: 'orderInfo' }).map((entry) => /<OrderId>([^<]+)<\/OrderId>/.exec(entry.bodyText)?.[1]);
    expect(details.sort()).toEqual([cancelled, moved].sort());
    expect(second.events.map((event) => [event.type, 'order' in event ? event.order.id : null])).toEqual(
      expect.arrayContaining([
        ['cancelled', cancelled],
        ['changed', moved],
      ]),
    );
    // Searched by update time, the cursor keeps only orders changed within the last window: which fields changed is unknown.
    expect(second.events.find((event) => event.type === 'changed')).toMatchObject({ changedFields: null });
    expect(second.checkpoint.counts).toMatchObject({ new: 0, changed: 1, cancelled: 1, unchanged: 0 });
  });

  it('blind spot: a change to an order placed before the look-back is not seen; a longer changeLookbackDays sees it', async () => {
    env = setup('2026-11-22T10:00:00+09:00');
    const [old] = env.sandbox.seed(generateSeedOrders({ count: 1, seed: 5, from: '2026-10-01T00:00:00+09:00', to: '2026-10-02T00:00:00+09:00' }).map((s) => ({ ...s, status: 'confirmed' as const, flags: { ...s.flags, fraudReview: false } })));
    const [recent] = env.sandbox.seed(seeds(20, 8, (s) => s.status === 'confirmed').slice(0, 1));
    const first = await sync(env, null, '2026-09-01T00:00:00+09:00');
    expect(idsOf(first.events).sort()).toEqual([old?.id, recent?.id].sort());

    env.sandbox.clock.advance(10 * MINUTE);
    expect(env.sandbox.simulator.change(old?.id ?? '', 'cancel')).toBe(true);
    expect(env.sandbox.simulator.change(recent?.id ?? '', 'cancel')).toBe(true);
    env.sandbox.clock.advance(MINUTE);
    const second = await sync(env, first.checkpoint.cursor);
    // The order of 1 October is 52 days old: Yahoo shows it cancelled, the sync (30 days) does not.
    expect(idsOf(second.events)).toEqual([recent?.id]);
    expect((await env.connector.getOrders([old?.id ?? '']))[0]?.status.code).toBe('cancelled');
    expect(YAHOO_CAPABILITIES.changes?.blindSpots.en).toMatch(/Changes to orders placed earlier .* are not seen/);

    // With a 60-day look-back (one more orderList page per 2,000 orders placed in the extra days) it arrives.
    const wider = createYahooConnector({ ...env.sandbox.connectorOptions(), clock: env.sandbox.clock, changeLookbackDays: 60 });
    expect(wider.capabilities.changes?.lookbackDays).toBe(60);
    const third = await sync(env, first.checkpoint.cursor, undefined, wider);
    expect(third.events.map((event) => [event.type, 'order' in event ? event.order.id : null])).toEqual(
      expect.arrayContaining([
        ['cancelled', old?.id],
        ['cancelled', recent?.id],
      ]),
    );
  });

  it('an order released from fraud review is seen by PublicationTime, however old (held orders hidden)', async () => {
    env = setup('2026-11-22T10:00:00+09:00', { includeFraudHeld: false });
    const [old] = env.sandbox.seed(generateSeedOrders({ count: 1, seed: 9, from: '2026-10-01T00:00:00+09:00', to: '2026-10-02T00:00:00+09:00' }).map((s) => ({ ...s, status: 'confirmed' as const })));
    env.sandbox.holdForFraudReview(old?.id ?? '');
    env.sandbox.seed(seeds(2, 4));
    const first = await sync(env, null);
    expect(idsOf(first.events)).not.toContain(old?.id);

    env.sandbox.clock.advance(3 * MINUTE);
    env.sandbox.releaseFraudHold(old?.id ?? '');
    env.sandbox.clock.advance(MINUTE);
    const second = await sync(env, first.checkpoint.cursor);
    expect(idsOf(second.events)).toEqual([old?.id]);
    // Its updatedAt is the release (PublicationTime), so the cursor keeps it over the next overlap: not delivered twice.
    const third = await sync(env, second.checkpoint.cursor);
    expect(third.events).toEqual([]);
  });

  it('pages of unchanged orders are read through, never taken for the end of the search', async () => {
    env = setup('2026-11-22T10:00:00+09:00');
    const many = env.sandbox.seed(generateSeedOrders({ count: 2050, seed: 3, from: '2026-11-01T00:00:00+09:00', to: '2026-11-20T00:00:00+09:00' }));
    const first = await sync(env, null, '2026-11-22T10:00:00+09:00');
    expect(first.events).toEqual([]);
    env.sandbox.clock.advance(MINUTE);
    // The newest order is the last of 2,050 by OrderTime: on the second page.
    const newest = [...many].sort((a, b) => a.orderedAt.localeCompare(b.orderedAt)).reverse().find((order) => env.sandbox.simulator.change(order.id, 'cancel'));
    env.sandbox.kit.log.clear();
    const second = await sync(env, first.checkpoint.cursor);
    expect(idsOf(second.events)).toEqual([newest?.id]);
    expect(listBodies(env).map((body) => condition(body, 'Start'))).toEqual(['1', '2001', '1']);
    expect(env.sandbox.kit.log.count({ operation: 'orderInfo' })).toBe(1);
  });

  it('the sandbox simulator changes orders by Yahoo\'s rules and stamps LastUpdateTime as Yahoo writes it', async () => {
    env = setup('2026-11-22T10:00:00+09:00');
    const [unpaid, held] = env.sandbox.seed(seeds(80, 12, (s) => s.status === 'confirmed').slice(0, 2)).map((order) => order.id);
    env.sandbox.orders.update(unpaid ?? '', (record) => {
      Object.assign(record.Pay, { PayStatus: '0', PayType: '1', PayMethod: 'payment_a7', PayDate: '' });
      record.Ship.ShipStatus = '0';
    });
    const { simulator } = env.sandbox;
    // 出荷不可 until paid; a konbini payment is recorded by Yahoo, which makes the order shippable.
    expect(simulator.change(unpaid ?? '', 'ship')).toBe(false);
    env.sandbox.clock.advance(MINUTE);
    expect(simulator.change(unpaid ?? '', 'pay')).toBe(true);
    const paid = env.sandbox.orders.get(unpaid ?? '');
    expect([paid?.Pay.PayStatus, paid?.Ship.ShipStatus]).toEqual(['1', '1']);
    expect(paid?.order.LastUpdateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(Math.abs(parseJst(paid?.order.LastUpdateTime ?? '').getTime() - env.sandbox.clock.now())).toBeLessThan(2_000);
    expect(simulator.change(unpaid ?? '', 'pay')).toBe(false);
    expect(simulator.change(unpaid ?? '', 'ship')).toBe(true);
    expect(env.sandbox.orders.get(unpaid ?? '')?.Ship).toMatchObject({ ShipStatus: '3', ShipCompanyCode: '1001', ShipInvoiceNumber1: expect.stringMatching(/^\d{12}$/) });
    // Under fraud review only a cancellation goes through.
    env.sandbox.holdForFraudReview(held ?? '');
    expect(simulator.change(held ?? '', 'address')).toBe(false);
    expect(simulator.change(held ?? '', 'cancel')).toBe(true);
    expect(simulator.change(held ?? '', 'cancel')).toBe(false);
  });

  it('changeLookbackDays is checked at construction', async () => {
    env = setup();
    const error = await failure(Promise.resolve().then(() => createYahooConnector({ ...env.sandbox.connectorOptions(), changeLookbackDays: 0 })));
    expect(ValidationError.isInstance(error) && error.issues.map((issue) => issue.field)).toEqual(['options.changeLookbackDays']);
  });
});

describe('changedOrdersPage: one page of an update-time search', () => {
  const window = { from: new Date('2026-11-22T09:50:00+09:00'), to: new Date('2026-11-22T10:00:00+09:00') };
  const entry = (id: string, lastUpdate: string): YahooOrderListEntry => ({ OrderId: id, LastUpdateTime: lastUpdate, PublicationTime: '2026-11-01T00:00:00' });
  const stale = (id: string) => entry(id, '2026-11-02T10:00:00+09:00');

  it('reads on past pages without a change and hands on the first page that has one, with its next Start', async () => {
    const pages: Record<number, SearchPage> = {
      1: { entries: [stale('a'), stale('b')], total: 7, next: 3 },
      3: { entries: [stale('c'), stale('d')], total: 7, next: 5 },
      5: { entries: [stale('e'), entry('f', '2026-11-22T09:55:00+09:00')], total: 7, next: 7 },
      7: { entries: [entry('g', '2026-11-22T10:00:00+09:00')], total: 7, next: undefined },
    };
    const read: number[] = [];
    const readPage = async (start: number | undefined) => {
      read.push(start ?? 1);
      return pages[start ?? 1] ?? { entries: [], total: 7, next: undefined };
    };
    const page = await changedOrdersPage(readPage, window, undefined);
    expect(page.entries.map((e) => e.OrderId)).toEqual(['f']);
    expect(page.next).toBe(7);
    expect(read).toEqual([1, 3, 5]);
    expect((await changedOrdersPage(readPage, window, 7)).entries.map((e) => e.OrderId)).toEqual(['g']);
  });

  it('falls back on PublicationTime, keeps an entry with no readable time (read in detail rather than dropped), and stops on a page that repeats the previous one', async () => {
    expect((await changedOrdersPage(async () => ({ entries: [entry('x', '')], total: 1, next: undefined }), { ...window, from: new Date('2026-11-22T09:59:00+09:00') }, undefined)).entries).toHaveLength(0);
    expect((await changedOrdersPage(async () => ({ entries: [{ OrderId: 'y' }], total: 1, next: undefined }), window, undefined)).entries).toHaveLength(1);
    let reads = 0;
    const repeating = await changedOrdersPage(
      async () => {
        reads += 1;
        return { entries: [stale('a')], total: 1_000_000, next: 2 + reads };
      },
      window,
      undefined,
    );
    expect(repeating.entries).toEqual([]);
    expect(reads).toBe(2);
  });
});

import { syncOrders, type SyncEvent, type SyncOptions } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RakutenOrderModel } from '../src/index.js';
import { bodyOf, collect, orderSeed } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

/*
 * Incremental sync on Rakuten: searchOrder has no update time, so every sync re-reads the orders
 * placed within the look-back (注文日), and searches 発送完了報告日 and 決済確定日 since the last sync
 * for the shipments and settlements of older orders.
 */

const MINUTE = 60_000;

interface SearchBody {
  readonly dateType: number;
  readonly startDatetime: string;
  readonly endDatetime: string;
  readonly PaginationRequestModel: { readonly requestPage: number };
}

let rig: TestRig;
afterEach(() => rig.close());

/** One sync on the sandbox clock: its events before the checkpoint, and the checkpoint's cursor. */
async function sync(options: SyncOptions = {}): Promise<{ events: Array<SyncEvent<RakutenOrderModel>>; cursor: string }> {
  const events = await collect(syncOrders(rig.connector, { clock: rig.sandbox.clock, ...options }));
  const last = events.at(-1);
  if (last?.type !== 'checkpoint') throw new Error('the sync ended without a checkpoint');
  return { events: events.slice(0, -1), cursor: last.cursor };
}

/** The searchOrder requests since the log was cleared, as `dateType start → end`. */
function searches(): string[] {
  return rig.sandbox.kit.log.forOperation('searchOrder').map((entry) => {
    const body = bodyOf(entry) as SearchBody;
    return `${body.dateType} ${body.startDatetime} → ${body.endDatetime}`;
  });
}

/** The orders of the events, as `id orderProgress`. */
function delivered(events: ReadonlyArray<SyncEvent<RakutenOrderModel>>): string[] {
  return events.flatMap((event) => ('order' in event ? [`${event.order.id} ${event.order.status.raw}`] : []));
}

/** The order numbers the sandbox gave the seeds, oldest first. */
function numbers(): string[] {
  return rig.sandbox.orders().map((order) => order.orderNumber);
}

describe('capabilities.changes: what a Rakuten sync can see', () => {
  it('declares a 14-day look-back by order date plus 発送完了報告日 and 決済確定日 since the last sync, with no lag', () => {
    rig = startRig([]);
    const changes = rig.connector.capabilities.changes;
    expect(changes).toMatchObject({
      searches: [
        { dateType: 'ordered', mode: 'lookback' },
        { dateType: 'shipped', mode: 'since' },
        { dateType: 'paid', mode: 'since' },
      ],
      visibilityLagMs: 0,
      lookbackDays: 14,
    });
    expect(changes?.blindSpots.ja).toContain('キャンセル');
    expect(changes?.blindSpots.en).toContain('cancellations');
  });
});

describe('the searches a sync sends', () => {
  it('after the first sync: 注文日 over the last 14 days, then 発送完了報告日 (dateType 5) and 決済確定日 (6) from 10 minutes before the last sync', async () => {
    rig = startRig([orderSeed(1, 3, 'pending_confirmation')]);
    const first = await sync();
    rig.sandbox.clock.advance(5 * MINUTE);
    rig.sandbox.kit.reset();
    await sync({ cursor: first.cursor });
    // NOW is 2026-11-22 10:00 JST; the second sync runs at 10:05.
    expect(searches()).toEqual([
      '1 2026-11-08T10:05:00+0900 → 2026-11-22T10:05:00+0900',
      '5 2026-11-22T09:50:00+0900 → 2026-11-22T10:05:00+0900',
      '6 2026-11-22T09:50:00+0900 → 2026-11-22T10:05:00+0900',
    ]);
    // The one order of the look-back, read in one getOrder; the date searches found nothing to read.
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
  });

  it('a look-back longer than 63 days is cut into searchOrder windows of at most 63 days', async () => {
    rig = startRig([]);
    const first = await sync();
    rig.sandbox.kit.reset();
    await sync({ cursor: first.cursor, lookbackDays: 70 });
    const [older, recent, ...dates] = searches();
    expect(older).toBe('1 2026-09-13T10:00:00+0900 → 2026-11-15T09:59:59+0900');
    expect(recent).toBe('1 2026-11-15T10:00:00+0900 → 2026-11-22T10:00:00+0900');
    expect(dates.map((search) => search.slice(0, 2))).toEqual(['5 ', '6 ']);
  });
});

describe('what a sync delivers', () => {
  it('delivers changes to orders inside the look-back once — a cancellation, a new address, a prepaid payment — and nothing the next time', async () => {
    rig = startRig([orderSeed(1, 3, 'pending_confirmation'), orderSeed(2, 5, 'ready_to_ship'), orderSeed(3, 2, 'awaiting_payment', 'bank_transfer')]);
    const [moved, cancelled, paid] = numbers() as [string, string, string];
    const first = await sync();
    expect(first.events.map((event) => event.type)).toEqual(['new', 'new', 'new']);
    rig.sandbox.clock.advance(5 * MINUTE);
    const { simulator } = rig.sandbox;
    expect([simulator.change(cancelled, 'cancel'), simulator.change(moved, 'address'), simulator.change(paid, 'pay')]).toEqual([true, true, true]);
    rig.sandbox.clock.advance(MINUTE);
    const second = await sync({ cursor: first.cursor });
    const byId = new Map(second.events.flatMap((event) => ('order' in event ? [[event.order.id, event] as const] : [])));
    expect(byId.get(cancelled)).toMatchObject({ type: 'changed', order: { status: { code: 'cancel_requested', raw: '800' } }, changedFields: ['status'] });
    expect(byId.get(moved)).toMatchObject({ type: 'changed', changedFields: ['deliveries'] });
    expect(byId.get(moved)?.type === 'changed' && byId.get(moved)?.order.deliveries[0]?.recipient.prefecture).toBe('埼玉県');
    expect(byId.get(paid)).toMatchObject({ type: 'changed', order: { status: { code: 'ready_to_ship', raw: '300' }, flags: { provisional: false } } });
    expect(second.events).toHaveLength(3);
    rig.sandbox.clock.advance(5 * MINUTE);
    expect((await sync({ cursor: second.cursor })).events).toEqual([]);
  });

  it('finds the shipment of an order placed 40 days ago, reported today with yesterday as its 発送日, by 発送完了報告日', async () => {
    rig = startRig([orderSeed(1, 40, 'ready_to_ship')]);
    const [old] = numbers() as [string];
    const first = await sync();
    expect(first.events).toEqual([]);
    rig.sandbox.clock.advance(5 * MINUTE);
    // The shop reports in the morning the parcel it sent yesterday evening.
    const deliveryId = String(rig.sandbox.order(old)?.PackageModelList[0]?.basketId);
    const result = await rig.connector.exportShipments([{ orderId: old, deliveryId, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(result.results[0]?.ok, JSON.stringify(result.results[0])).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    rig.sandbox.kit.reset();
    const second = await sync({ cursor: first.cursor });
    expect(delivered(second.events)).toEqual([`${old} 500`]);
    const [event] = second.events;
    expect(event && 'order' in event ? event.order.deliveries[0]?.shipments : null).toEqual([expect.objectContaining({ trackingNumber: '491234567890', shippedOn: '2026-11-21' })]);
    // Found by 発送完了報告日, not by the look-back (40 days is outside it).
    expect(searches()[1]).toMatch(/^5 /);
  });

  it('finds the settlement of an order shipped long ago (500 発送済 → 700 支払手続き済) by 決済確定日', async () => {
    rig = startRig([orderSeed(1, 60, 'shipped')]);
    const [old] = numbers() as [string];
    const first = await sync();
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change(old, 'pay')).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    const second = await sync({ cursor: first.cursor });
    expect(delivered(second.events)).toEqual([`${old} 700`]);
    expect(second.events[0]).toMatchObject({ order: { status: { code: 'completed' } } });
  });

  it('blind spot (documented): the cancellation of an order placed before the look-back is never delivered; a longer look-back sees it', async () => {
    rig = startRig([orderSeed(1, 20, 'ready_to_ship')]);
    const [old] = numbers() as [string];
    const first = await sync();
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change(old, 'cancel')).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    const second = await sync({ cursor: first.cursor });
    // Nothing on the order's dates moved: 注文日 is 20 days ago, outside the 14-day look-back.
    expect(second.events).toEqual([]);
    expect(rig.connector.capabilities.changes?.blindSpots.en).toMatch(/cancellations.*before the look-back/);
    rig.sandbox.clock.advance(5 * MINUTE);
    const longer = await sync({ cursor: second.cursor, lookbackDays: 30 });
    expect(delivered(longer.events)).toEqual([`${old} 800`]);
  });

  it('a crash between applying an event and storing its cursor: the next sync re-delivers that event alone, with the same key', async () => {
    rig = startRig([orderSeed(1, 3, 'pending_confirmation'), orderSeed(2, 4, 'ready_to_ship')]);
    const first = await sync();
    rig.sandbox.clock.advance(5 * MINUTE);
    for (const id of numbers()) expect(rig.sandbox.simulator.change(id, 'cancel')).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    const interrupted = syncOrders(rig.connector, { clock: rig.sandbox.clock, cursor: first.cursor });
    const stored = (await interrupted.next()).value as SyncEvent<RakutenOrderModel>;
    // The second event is applied, then the process dies before storing its cursor.
    const lost = (await interrupted.next()).value as SyncEvent<RakutenOrderModel>;
    await interrupted.return(undefined);
    const resumed = await sync({ cursor: stored.cursor });
    expect(resumed.events.map((event) => ('key' in event ? event.key : event.type))).toEqual(['key' in lost ? lost.key : 'none']);
  });
});

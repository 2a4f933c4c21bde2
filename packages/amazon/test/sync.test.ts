import { formatJst, parseJst, silentLogger, syncOrders, systemClock, type SyncCheckpoint, type SyncEvent, type SyncOptions } from '@mallkit/core';
import { connectSandbox, generateSeedOrders, type SandboxClock, type SeedOrder } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonConnector, type AmazonConnector } from '../src/connector.js';
import type { AmazonConnectorOptions, OrdersApiVersion } from '../src/options.js';
import { createAmazonSandbox, type AmazonSandbox } from '../src/testing/index.js';
import { NOW, RATE_SCALE } from './helpers.js';

/*
 * Incremental sync (core's syncOrders) on Amazon, as an OMS polling every few minutes sees it: the
 * searches it sends, what arrives, and when. The clock stands still between moves, so that every
 * date a sync sends can be written out to the second.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const LAG_MS = 2 * MINUTE + 5_000;

/** A sandbox clock that moves only when told: the instants a sync sends are exact. */
function standingClock(start: string): SandboxClock {
  let at = parseJst(start).getTime();
  return {
    now: () => at,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    advance(ms) {
      at += ms;
    },
    set(instant) {
      at = typeof instant === 'string' ? parseJst(instant).getTime() : instant.getTime();
    },
    iso: () => formatJst(at, 'iso'),
  };
}

interface SyncRig {
  readonly sandbox: AmazonSandbox;
  readonly connector: AmazonConnector;
  readonly clock: SandboxClock;
  close(): void;
}

let rig: SyncRig | undefined;
afterEach(() => rig?.close());

function createSyncRig(ordersApi: OrdersApiVersion, extra: Partial<AmazonConnectorOptions> = {}): SyncRig {
  const clock = standingClock(NOW);
  const sandbox = createAmazonSandbox({ clock, rateScale: RATE_SCALE });
  const { connector, close } = connectSandbox(sandbox, createAmazonConnector, { ordersApi, retry: { minDelayMs: 20, maxDelayMs: 200, jitter: false }, ...extra });
  return { sandbox, connector, clock, close };
}

/** One order placed `ago` ms before now, as it arrives (unshipped, nothing shipped yet). */
function placeOrder(target: SyncRig, ago: number, status: SeedOrder['status'] = 'ready_to_ship', id = `503-${ago}`): string {
  const at = target.clock.now() - ago;
  const [seed] = generateSeedOrders({ count: 1, seed: ago % 9973, from: new Date(at - 1000), to: new Date(at) });
  if (!seed) throw new Error('no seed');
  const arriving: SeedOrder = { ...seed, id, status, paidAt: status === 'awaiting_payment' ? null : seed.orderedAt, deliveries: seed.deliveries.map((d) => ({ ...d, shipments: [] })) };
  return target.sandbox.simulator.place([arriving])[0]?.id ?? id;
}

/** Runs one sync to its checkpoint, as an OMS does; returns what it delivered and the checkpoint. */
async function runSync(target: SyncRig, options: SyncOptions = {}): Promise<{ events: Array<Exclude<SyncEvent, SyncCheckpoint>>; checkpoint: SyncCheckpoint }> {
  const events: Array<Exclude<SyncEvent, SyncCheckpoint>> = [];
  for await (const event of syncOrders(target.connector, { clock: target.clock, ...options })) {
    if (event.type === 'checkpoint') return { events, checkpoint: event };
    events.push(event);
  }
  throw new Error('the sync ended without a checkpoint');
}

const utc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// v0 reads have no packages: a shipment changes the status there, not the deliveries' tracking numbers.
describe.each<[string, OrdersApiVersion, 'searchOrders' | 'getOrdersV0', string, string, readonly string[]]>([
  ['v2026-01-01', '2026-01-01', 'searchOrders', 'lastUpdatedAfter', 'lastUpdatedBefore', ['status', 'deliveries']],
  ['v0 path', 'v0', 'getOrdersV0', 'LastUpdatedAfter', 'LastUpdatedBefore', ['status']],
])('incremental sync on Amazon (%s)', (_name, ordersApi, operation, afterParam, beforeParam, shipmentFields) => {
  it('sends one search by update time per sync: the first from 14 days back, each next from where the last ended less the overlap, all ending 2 min 5 s ago', async () => {
    rig = createSyncRig(ordersApi);
    placeOrder(rig, 3 * 3_600_000);
    const first = await runSync(rig);
    rig.clock.advance(5 * MINUTE);
    const second = await runSync(rig, { cursor: first.checkpoint.cursor });

    const searches = rig.sandbox.kit.log.forOperation(operation);
    expect(searches).toHaveLength(2);
    const sent = searches.map((search) => [search.query.get(afterParam), search.query.get(beforeParam), search.query.get(ordersApi === 'v0' ? 'CreatedAfter' : 'createdAfter')]);
    expect(sent).toEqual([
      // NOW is 2026-11-22T10:00:00+09:00 = 01:00:00Z; the first sync starts 14 days back.
      ['2026-11-08T01:00:00Z', '2026-11-22T00:57:55Z', null],
      // From the first sync's end (00:57:55) less the overlap: 10 minutes + twice Amazon's 2 min 5 s.
      ['2026-11-22T00:43:45Z', '2026-11-22T01:02:55Z', null],
    ]);
    expect(first.checkpoint.syncedUntil).toBe(parseJst(NOW).getTime() - LAG_MS);
    expect(second.checkpoint.syncedUntil).toBe(parseJst(NOW).getTime() + 5 * MINUTE - LAG_MS);
    expect(first.events.map((event) => event.type)).toEqual(['new']);
    expect(second.events).toEqual([]);
  });

  it('lookbackDays and start move where the first sync begins; later syncs ignore them and follow the cursor', async () => {
    rig = createSyncRig(ordersApi);
    const widened = await runSync(rig, { lookbackDays: 45 });
    await runSync(rig, { start: '2026-11-01T00:00:00+09:00' });
    await runSync(rig, { cursor: widened.checkpoint.cursor, lookbackDays: 3 });
    const afters = rig.sandbox.kit.log.forOperation(operation).map((search) => search.query.get(afterParam));
    expect(afters).toEqual([utc(parseJst(NOW).getTime() - 45 * DAY), '2026-10-31T15:00:00Z', '2026-11-22T00:43:45Z']);
  });

  it('an order placed 90 days ago and cancelled today arrives as cancelled: searches by update time reach orders of any age', async () => {
    rig = createSyncRig(ordersApi);
    const old = placeOrder(rig, 90 * DAY);
    const first = await runSync(rig);
    expect(first.events).toEqual([]);
    rig.clock.advance(10 * MINUTE);
    expect(rig.sandbox.simulator.change(old, 'cancel')).toBe(true);
    rig.clock.advance(5 * MINUTE);
    const { events } = await runSync(rig, { cursor: first.checkpoint.cursor });
    expect(events.map((event) => [event.type, 'order' in event ? event.order.id : null, 'order' in event ? event.order.status.code : null])).toEqual([['cancelled', old, 'cancelled']]);
  });

  it('a shipment and a new address arrive as changed; the fields are named for an order the cursor still holds (delivered within the last quarter hour), else null', async () => {
    rig = createSyncRig(ordersApi);
    const shipped = placeOrder(rig, 5 * MINUTE);
    const moved = placeOrder(rig, 3 * 3_600_000);
    const first = await runSync(rig);
    expect(first.events.map((event) => event.type)).toEqual(['new', 'new']);
    rig.clock.advance(3 * MINUTE);
    expect(rig.sandbox.simulator.change(shipped, 'ship')).toBe(true);
    expect(rig.sandbox.simulator.change(moved, 'address')).toBe(true);
    rig.clock.advance(3 * MINUTE);
    const { events } = await runSync(rig, { cursor: first.checkpoint.cursor });
    const changed = Object.fromEntries(events.map((event) => ['order' in event ? event.order.id : '', [event.type, 'changedFields' in event ? event.changedFields : null]]));
    // A cursor of an update-time search keeps only the orders of its overlap: the order placed three
    // hours ago is known to have changed, not what changed — an OMS applies it as an upsert all the same.
    expect(changed).toEqual({ [shipped]: ['changed', shipmentFields], [moved]: ['changed', null] });
    const [reread] = await rig.connector.getOrders([moved]);
    expect(reread?.deliveries[0]?.recipient?.addressLines.join(' ')).toContain('（転居先）');
  });

  it('a change made within the two minutes before a sync is not in it; the next sync brings it, once', async () => {
    rig = createSyncRig(ordersApi);
    const id = placeOrder(rig, 3_600_000);
    const first = await runSync(rig);
    rig.clock.advance(6 * MINUTE);
    expect(rig.sandbox.simulator.change(id, 'ship')).toBe(true);
    rig.clock.advance(30_000);
    const tooSoon = await runSync(rig, { cursor: first.checkpoint.cursor });
    // Amazon refuses to search the last two minutes: the sync covers changes up to 2 min 5 s ago, not this one.
    expect(tooSoon.events).toEqual([]);
    expect(tooSoon.checkpoint.syncedUntil).toBeLessThan(rig.clock.now() - 30_000);
    rig.clock.advance(3 * MINUTE);
    const next = await runSync(rig, { cursor: tooSoon.checkpoint.cursor });
    expect(next.events.map((event) => [event.type, 'order' in event ? event.order.status.code : null])).toEqual([['changed', 'shipped']]);
    rig.clock.advance(5 * MINUTE);
    expect((await runSync(rig, { cursor: next.checkpoint.cursor })).events).toEqual([]);
  });

  it('blind spot, as documented: an FBA order is not synced with the default fulfilledBy (MERCHANT), and is with AMAZON included', async () => {
    rig = createSyncRig(ordersApi);
    const fba = placeOrder(rig, 3_600_000);
    rig.sandbox.orders.update(fba, (order) => ({ ...order, fulfillment: { ...order.fulfillment, fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' } }));
    expect((await runSync(rig)).events).toEqual([]);
    expect(rig.connector.capabilities.changes?.blindSpots.en).toContain('FBA orders are synced only when fulfilledBy includes AMAZON');
    rig.close();
    rig = createSyncRig(ordersApi, { fulfilledBy: ['MERCHANT', 'AMAZON'] });
    const again = placeOrder(rig, 3_600_000);
    rig.sandbox.orders.update(again, (order) => ({ ...order, fulfillment: { ...order.fulfillment, fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' } }));
    expect((await runSync(rig)).events.map((event) => ('order' in event ? event.order.id : null))).toEqual([again]);
  });
});

describe('what Amazon declares', () => {
  it('one since-search by update time, the 2-minute lag, a 14-day first reach; the v0 path adds its narrower definition of an update', () => {
    const modern = createAmazonConnector({ clientId: 'amzn1.application-oa2-client.x', clientSecret: 'secret', refreshToken: 'Atzr|x' }).capabilities.changes;
    const legacy = createAmazonConnector({ clientId: 'amzn1.application-oa2-client.x', clientSecret: 'secret', refreshToken: 'Atzr|x', ordersApi: 'v0', logger: silentLogger }).capabilities.changes;
    expect(modern).toMatchObject({ searches: [{ dateType: 'updated', mode: 'since' }], visibilityLagMs: LAG_MS, lookbackDays: 14 });
    expect(legacy).toMatchObject({ searches: [{ dateType: 'updated', mode: 'since' }], visibilityLagMs: LAG_MS, lookbackDays: 14 });
    expect(modern?.blindSpots.ja).toContain('返品・返金');
    expect(legacy?.blindSpots.en).toContain("v0's model defines an update as a change in order status");
    expect(modern?.blindSpots.en).not.toContain('v0');
  });
});

/**
 * Benchmark rows of incremental sync (core's syncOrders) on Shopserve: a shop of 10,000 orders
 * over 90 days, an OMS that has been polling, then 100 changes made in the 受注台帳 since its last
 * cursor; how many requests the next sync sends, against the fewest the mall allows.
 */
import { silentLogger, syncOrders, type SyncEvent } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type OrderChange } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import type { ShopserveWireOverrides } from '../src/api/wire-profile.js';
import { createShopserveConnector } from '../src/connector.js';
import { createShopserveSandbox, type ShopserveSandbox } from '../src/testing/index.js';
import { atMost } from '../../../bench/lib/goals.js';

const ORDER_COUNT = 10_000;
const SPAN_DAYS = 90;
const CHANGES = 100;
const NOW = '2026-11-19T10:00:00+09:00';
const DAY = 86_400_000;
const MINUTE = 60_000;
const KINDS: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

type Checkpoint = Extract<SyncEvent, { type: 'checkpoint' }>;

/** What one measured sync cost and delivered. */
interface Measured {
  readonly requests: number;
  readonly delivered: number;
  readonly pageSize: number;
}

/**
 * Makes CHANGES changes, five seconds apart, spread evenly over `candidates` (every n-th order, the
 * kind of change rotating; an order in which no change applies is passed over). Returns the orders changed.
 */
function changeSpread(sandbox: ShopserveSandbox, candidates: readonly string[]): Set<string> {
  const changed = new Set<string>();
  const stride = Math.max(1, Math.floor(candidates.length / CHANGES));
  for (let offset = 0; offset < stride && changed.size < CHANGES; offset += 1) {
    for (let index = offset; index < candidates.length && changed.size < CHANGES; index += stride) {
      const id = candidates[index] as string;
      const first = changed.size + offset;
      if (changed.has(id) || !KINDS.some((_, k) => sandbox.simulator.change(id, KINDS[(first + k) % KINDS.length] as OrderChange))) continue;
      changed.add(id);
      sandbox.clock.advance(5_000);
    }
  }
  return changed;
}

/** One shop, one OMS that has been polling, 100 changes, and the sync after them, measured. */
async function measure(wire: ShopserveWireOverrides | undefined, visible: (orderedAt: number, now: number) => boolean): Promise<Measured> {
  const clock = createSandboxClock(NOW);
  const sandbox = createShopserveSandbox({ clock, rateScale: 50, ...(wire ? { wire } : {}) });
  const now = clock.now();
  const seeds = sandbox.seed(generateSeedOrders({ count: ORDER_COUNT, seed: 42, from: new Date(now - SPAN_DAYS * DAY), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createShopserveConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    const poll = async (cursor: string | null): Promise<{ checkpoint: Checkpoint; delivered: number }> => {
      let delivered = 0;
      for await (const event of syncOrders(connector, { cursor, clock })) {
        if (event.type === 'checkpoint') return { checkpoint: event, delivered };
        delivered += 1;
      }
      throw new Error('the sync ended without a checkpoint');
    };
    // The OMS's first sync, then a quiet poll an hour later: the measured sync is an ordinary one.
    const first = await poll(null);
    clock.advance(60 * MINUTE);
    const quiet = await poll(first.checkpoint.cursor);
    clock.advance(MINUTE);
    const candidates = seeds.filter((seed) => visible(Date.parse(seed.orderedAt), clock.now())).map((seed) => seed.id);
    const changed = changeSpread(sandbox, candidates);
    clock.advance(MINUTE);
    sandbox.kit.reset();
    const measured = await poll(quiet.checkpoint.cursor);
    if (measured.delivered < changed.size) throw new Error(`the sync delivered ${measured.delivered} of ${changed.size} changed orders`);
    return { requests: sandbox.kit.log.count(), delivered: measured.delivered, pageSize: sandbox.wire.pageSize };
  } finally {
    server.close();
  }
}

/** The incremental-sync rows of the Shopserve benchmark. */
export async function incrementalSyncRows(): Promise<BenchRow[]> {
  // By 受注更新日時 a change to an order of any age shows: spread the changes over the whole shop.
  const byUpdate = await measure(undefined, () => true);
  // Without that search only orders placed within the look-back (14 days) show a change: those still
  // inside it when the sync runs, a quarter of an hour after the changes began.
  const byLookback = await measure({ updatedSearch: false }, (orderedAt, now) => orderedAt >= now - 14 * DAY + 60 * MINUTE);
  // Any client needs one search by 受注更新日時 from the last sync, one page per pageSize orders changed since,
  // with the orders inline (blocks basic;detail): no detail requests.
  const minimum = Math.max(1, Math.ceil(CHANGES / byUpdate.pageSize));
  const name = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;
  return [
    {
      name: `${name}: requests used`,
      value: byUpdate.requests,
      unit: 'req',
      detail:
        `one search by 受注更新日時 from the last sync's end minus the 10-minute overlap, ${byUpdate.delivered} orders delivered; ` +
        `the changes spread over all ${ORDER_COUNT.toLocaleString('en')} orders (90 days). Without that search (wire.updatedSearch: false) ` +
        `the same sync re-reads the 14-day look-back by order date: ${byLookback.requests} requests, changes spread over the orders placed within it`,
      goal: atMost(minimum + 1),
    },
    {
      name: `${name}: requests used / minimum the mall allows`,
      value: Number((byUpdate.requests / minimum).toFixed(3)),
      unit: 'ratio',
      detail: `minimum ${minimum}: any client must search by 受注更新日時 at least once, and one page holds ${byUpdate.pageSize} orders with their details, so ${CHANGES} changed orders fit ${minimum} request${minimum === 1 ? '' : 's'}`,
      goal: atMost(1.05),
    },
  ];
}

/**
 * Benchmark rows of incremental sync (core's syncOrders) on Yahoo: a shop of 10,000 orders over 90
 * days, a sync that stores its cursor, 100 changes played by the sandbox's simulator on orders the
 * sync can see (placed within the look-back), then the sync from the stored cursor — measured by
 * the order-API requests the sandbox saw.
 */
import { parseJst, silentLogger, syncOrders, type MallConnector } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type OrderChange } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import { ORDER_LIST_MAX_RESULTS } from '../src/api/order-list.js';
import { createYahooConnector } from '../src/index.js';
import { YAHOO_CHANGE_LOOKBACK_DAYS } from '../src/options.js';
import { createYahooSandbox, type YahooSandbox } from '../src/testing/index.js';
import { atMost } from '../../../bench/lib/goals.js';

const ORDER_COUNT = 10_000;
const CHANGES = 100;
const SPAN_DAYS = 90;
/** Yahoo's 1 request/s per API path, this many times faster (sandbox and connector alike). */
const RATE = 200;
const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** The sync's own overlap of successive windows (syncOrders' default; Yahoo adds no lag). */
const OVERLAP_MS = 10 * MINUTE;
const KINDS: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

/** One sync to its checkpoint: the cursor, and how many orders it delivered. */
async function runSync(connector: MallConnector, sandbox: YahooSandbox, cursor: string | null, start: number): Promise<{ cursor: string; delivered: number; syncedUntil: number }> {
  for await (const event of syncOrders(connector, { cursor, start: new Date(start), clock: sandbox.clock })) {
    if (event.type === 'checkpoint') return { cursor: event.cursor, delivered: event.counts.new + event.counts.changed + event.counts.cancelled, syncedUntil: event.syncedUntil };
  }
  throw new Error('the sync ended without a checkpoint');
}

const orderedAt = (sandbox: YahooSandbox, id: string): number => parseJst(sandbox.orders.get(id)?.order.OrderTime ?? '').getTime();

/**
 * `CHANGES` changes spread evenly over the orders placed within the look-back the next sync uses
 * (an hour inside its edge), each order taking the next kind of change its state allows; returns
 * how many orders changed.
 */
function playChanges(sandbox: YahooSandbox, edge: number): number {
  const visible = sandbox.orders.values().filter((record) => orderedAt(sandbox, record.order.OrderId ?? '') >= edge + 60 * MINUTE);
  const ids = visible.map((record) => record.order.OrderId ?? '');
  const step = Math.max(1, Math.floor(ids.length / CHANGES));
  const changed = new Set<string>();
  const tryChange = (id: string): void => {
    if (!changed.has(id) && KINDS.some((_, k) => sandbox.simulator.change(id, KINDS[(changed.size + k) % KINDS.length] ?? 'cancel'))) changed.add(id);
  };
  for (let i = 0; i < ids.length && changed.size < CHANGES; i += step) tryChange(ids[i] ?? '');
  // Orders of a finished state (cancelled) take no change: fill up from the rest of the look-back.
  for (const id of ids) if (changed.size < CHANGES) tryChange(id);
  return changed.size;
}

/** The incremental-sync rows of the Yahoo benchmark. */
export async function incrementalSyncRows(): Promise<BenchRow[]> {
  const now = Date.parse(NOW);
  const clock = createSandboxClock(NOW);
  const sandbox = createYahooSandbox({ clock, rateScale: RATE });
  sandbox.seed(
    generateSeedOrders({ count: ORDER_COUNT, seed: 42, from: new Date(now - SPAN_DAYS * DAY), to: new Date(now - 3_600_000) }).map((s) => ({
      ...s,
      flags: { ...s.flags, fraudReview: false },
    })),
  );
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createYahooConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    // The stored cursor: a sync from now. (A first sync from an earlier start would read each of its orders
    // with orderInfo first; the sync measured below sends the same requests whatever the cursor holds.)
    const first = await runSync(connector, sandbox, null, clock.now());
    // The OMS polls again a few minutes later; the changes happen in between.
    clock.advance(5 * MINUTE);
    const windowFrom = first.syncedUntil - OVERLAP_MS;
    const lookbackFrom = windowFrom - YAHOO_CHANGE_LOOKBACK_DAYS * DAY;
    const changed = playChanges(sandbox, lookbackFrom);
    clock.advance(MINUTE);
    sandbox.kit.reset();
    const started = performance.now();
    const second = await runSync(connector, sandbox, first.cursor, clock.now());
    const wallMs = performance.now() - started;
    const orderApi = (operation: string): number => sandbox.kit.log.count({ operation });
    const lists = orderApi('orderList');
    const details = orderApi('orderInfo');
    const requests = lists + details;
    const inLookback = sandbox.orders.values().filter((record) => orderedAt(sandbox, record.order.OrderId ?? '') >= lookbackFrom).length;
    const pages = Math.max(1, Math.ceil(inLookback / ORDER_LIST_MAX_RESULTS));
    const minimum = pages + changed;
    const name = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;
    return [
      {
        name: `${name}: requests used`,
        value: requests,
        unit: 'req',
        detail:
          `${lists} orderList (${pages} page${pages === 1 ? '' : 's'} by OrderTime over the ${YAHOO_CHANGE_LOOKBACK_DAYS}-day look-back — ${inLookback} orders, each one's LastUpdateTime read from the list — ` +
          `and 1 by PublicationTime) + ${details} orderInfo, one per changed order; ${second.delivered} orders delivered for ${changed} changed; ` +
          `${(wallMs / 1000).toFixed(1)} s wall at ${RATE}× Yahoo's 1 request/s per API (≈ ${details} s at the real rate: one orderInfo a second). ` +
          `Re-reading the look-back instead would take ${pages + 1} orderList + ${inLookback} orderInfo`,
        goal: atMost(minimum + 1),
      },
      {
        name: `${name}: requests used / minimum the mall allows`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail:
          `minimum ${minimum}: Yahoo cannot search by update time (LastUpdateTime is an orderList Field, not a Condition), so any client must list ` +
          `every order placed within the look-back to read its LastUpdateTime — ${pages} page${pages === 1 ? '' : 's'} of ${ORDER_LIST_MAX_RESULTS.toLocaleString('en')} — ` +
          `and read each changed order with orderInfo (orderList has no address or items), one per request. The one request over it is the ` +
          `PublicationTime search, which sees a release from fraud review of an order placed before the look-back`,
        goal: atMost(1.01),
      },
    ];
  } finally {
    server.close();
  }
}

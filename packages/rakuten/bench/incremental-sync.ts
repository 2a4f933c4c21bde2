/**
 * Benchmark rows of incremental sync (core's syncOrders) on Rakuten: a shop of 10,000 orders over
 * 90 days, a first sync, then 100 changes played by the sandbox's simulator on orders the sync can
 * see — any change to orders placed within the 14-day look-back, shipments and settlements to older
 * ones (found by 発送完了報告日 and 決済確定日) — then the sync from the stored cursor, measured by
 * the requests the sandbox saw.
 */
import { silentLogger, splitWindow, syncOrders, type MallConnector } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type OrderChange } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import { RAKUTEN_LIMITS } from '../src/api/constants.js';
import { RAKUTEN_LOOKBACK_DAYS } from '../src/change-visibility.js';
import { createRakutenConnector } from '../src/connector.js';
import { createRakutenSandbox, type RakutenSandbox } from '../src/testing/index.js';
import { dateOf } from '../src/testing/search-filter.js';

const ORDER_COUNT = 10_000;
const CHANGES = 100;
const SPAN_DAYS = 90;
/** Requests per second, connector and sandbox alike (Rakuten's own pace is 1). */
const Q = 10;
const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** What the look-back sees of orders placed within it. */
const ANY_CHANGE: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];
/** What the 発送完了報告日 and 決済確定日 searches see of older orders. */
const DATED_CHANGE: readonly OrderChange[] = ['ship', 'pay'];
/** searchOrder's dateTypes of the since-searches: 5 発送完了報告日, 6 決済確定日. */
const SINCE_DATE_TYPES = [5, 6] as const;

/** One sync to its checkpoint: the cursor, and how many orders it delivered. */
async function runSync(connector: MallConnector, sandbox: RakutenSandbox, cursor: string | null): Promise<{ cursor: string; delivered: number }> {
  for await (const event of syncOrders(connector, { cursor, clock: sandbox.clock })) {
    if (event.type === 'checkpoint') return { cursor: event.cursor, delivered: event.counts.new + event.counts.changed + event.counts.cancelled };
  }
  throw new Error('the sync ended without a checkpoint');
}

/**
 * `CHANGES` changes spread evenly over every order that can take a change the sync sees: those
 * placed within the look-back (an hour inside its edge) take any change their state allows, older
 * ones a shipment or a settlement. Returns how many orders changed.
 */
function playChanges(sandbox: RakutenSandbox, lookbackEdge: number): number {
  const kindsOf = (orderedAtMs: number): readonly OrderChange[] => (orderedAtMs >= lookbackEdge + 60 * MINUTE ? ANY_CHANGE : DATED_CHANGE);
  const records = sandbox.store.orders.values();
  const step = Math.max(1, Math.floor(records.length / CHANGES));
  const changed = new Set<string>();
  const tryOne = (index: number): void => {
    const record = records[index];
    if (!record || changed.has(record.order.orderNumber)) return;
    const kinds = kindsOf(record.orderedAtMs);
    if (kinds.some((_, k) => sandbox.simulator.change(record.order.orderNumber, kinds[(changed.size + k) % kinds.length] ?? 'ship'))) changed.add(record.order.orderNumber);
  };
  for (let i = 0; i < records.length && changed.size < CHANGES; i += step) tryOne(i);
  // Orders in a finished state take no change: fill up from the rest.
  for (let i = 0; i < records.length && changed.size < CHANGES; i += 1) tryOne(i);
  return changed.size;
}

/**
 * The fewest requests any client needs to see every change Rakuten shows since `since`: every
 * order placed in the look-back must be read in full (no field says which of them changed), a
 * searchOrder page per 1,000 of them in each window of ≤ 63 days; one search each for 発送完了報告日
 * and 決済確定日; and one getOrder per 100 of all the orders found, sharing batches.
 */
function minimumRequests(sandbox: RakutenSandbox, lookbackFrom: number, since: number, now: number): { minimum: number; lookbackOrders: number; olderDated: number } {
  const records = sandbox.store.orders.values();
  let searches = 0;
  let lookbackOrders = 0;
  for (const window of splitWindow(new Date(lookbackFrom), new Date(now), RAKUTEN_LIMITS.searchWindowDays)) {
    const count = records.filter((r) => r.orderedAtMs >= window.from.getTime() && r.orderedAtMs <= window.to.getTime()).length;
    lookbackOrders += count;
    searches += Math.max(1, Math.ceil(count / RAKUTEN_LIMITS.pageSize));
  }
  const dated = (dateType: number): typeof records =>
    records.filter((r) => {
      const at = dateOf(r, dateType);
      return at !== null && at >= since && at <= now;
    });
  searches += SINCE_DATE_TYPES.reduce((n, dateType) => n + Math.max(1, Math.ceil(dated(dateType).length / RAKUTEN_LIMITS.pageSize)), 0);
  const olderDated = new Set(SINCE_DATE_TYPES.flatMap((dateType) => dated(dateType)).filter((r) => r.orderedAtMs < lookbackFrom).map((r) => r.order.orderNumber)).size;
  return { minimum: searches + Math.ceil((lookbackOrders + olderDated) / RAKUTEN_LIMITS.batchSize), lookbackOrders, olderDated };
}

/** The incremental-sync rows of the Rakuten benchmark. */
export async function incrementalSyncRows(): Promise<BenchRow[]> {
  const now = Date.parse(NOW);
  const clock = createSandboxClock(NOW);
  const sandbox = createRakutenSandbox({ clock, rateScale: Q });
  sandbox.seed(generateSeedOrders({ count: ORDER_COUNT, seed: 42, from: new Date(now - SPAN_DAYS * DAY), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createRakutenConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    const first = await runSync(connector, sandbox, null);
    const lastSyncAt = clock.now();
    // The OMS polls again a few minutes later; the changes happen in between.
    clock.advance(5 * MINUTE);
    const syncAt = clock.now() + MINUTE;
    const changed = playChanges(sandbox, syncAt - RAKUTEN_LOOKBACK_DAYS * DAY);
    clock.advance(MINUTE);
    sandbox.kit.reset();
    const second = await runSync(connector, sandbox, first.cursor);
    const requests = sandbox.kit.log.count();
    const searches = sandbox.kit.log.count({ operation: 'searchOrder' });
    const { minimum, lookbackOrders, olderDated } = minimumRequests(sandbox, syncAt - RAKUTEN_LOOKBACK_DAYS * DAY, lastSyncAt, syncAt);
    const name = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;
    return [
      {
        name: `${name}: requests used`,
        value: requests,
        unit: 'req',
        detail:
          `${searches} searchOrder (注文日 over the ${RAKUTEN_LOOKBACK_DAYS}-day look-back, ${lookbackOrders} orders; 発送完了報告日 and 決済確定日 since the last sync) + ` +
          `${requests - searches} getOrder; ${second.delivered} orders delivered for ${changed} changed (${olderDated} of them placed before the look-back); the first sync before it delivered ${first.delivered}. ` +
          `Goal: the minimum plus one getOrder per date search, since syncOrders reads each search's hits on their own, even those the look-back already read`,
        goal: `≤ ${minimum + SINCE_DATE_TYPES.length}`,
      },
      {
        name: `${name}: requests used / minimum the mall allows`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail:
          `minimum ${minimum}: Rakuten orders carry no update time, so any client that must see every change within the look-back re-reads every order placed in it ` +
          `(${lookbackOrders} orders: a searchOrder page per 1,000, a getOrder per 100), plus one search each by 発送完了報告日 and 決済確定日 for older orders, ` +
          `their ${olderDated} hits read in the same getOrder batches`,
        goal: '≤ 1.15',
      },
    ];
  } finally {
    server.close();
  }
}

/**
 * Benchmark rows of incremental sync (core's syncOrders) on au PAY: a shop of 10,000 orders over
 * 90 days, a first sync, then 100 changes played by the sandbox's simulator on orders the sync can
 * see (placed within the look-back: au PAY has no update time, so a change to an older order is
 * invisible), then the sync from the stored cursor — measured by the requests the sandbox saw.
 */
import { silentLogger, syncOrders, type MallConnector } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type OrderChange } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import { AUPAY_PAGE_SIZE, AUPAY_SEARCH_WINDOW_DAYS } from '../src/api/limits.js';
import { AUPAY_LOOKBACK_DAYS } from '../src/change-visibility.js';
import { createAupayConnector } from '../src/connector.js';
import { createAupaySandbox, type AupaySandbox } from '../src/testing/index.js';
import { minimumRequests } from './minimum.js';
import { atMost } from '../../../bench/lib/goals.js';

const ORDER_COUNT = 10_000;
const CHANGES = 100;
const SPAN_DAYS = 90;
/** Requests per second, connector and sandbox alike (au PAY's own pace is 1). */
const Q = 10;
const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;
const MINUTE = 60_000;
const KINDS: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

/** One sync to its checkpoint: the cursor, and how many orders it delivered. */
async function runSync(connector: MallConnector, sandbox: AupaySandbox, cursor: string | null): Promise<{ cursor: string; delivered: number }> {
  for await (const event of syncOrders(connector, { cursor, clock: sandbox.clock })) {
    if (event.type === 'checkpoint') return { cursor: event.cursor, delivered: event.counts.new + event.counts.changed + event.counts.cancelled };
  }
  throw new Error('the sync ended without a checkpoint');
}

/**
 * `CHANGES` changes spread evenly over the orders placed within the look-back as the next sync
 * will see it (an hour inside its edge), each order taking the next kind of change that its state
 * allows; returns how many orders changed.
 */
function playChanges(sandbox: AupaySandbox, nextSyncAt: number): number {
  const edge = nextSyncAt - AUPAY_LOOKBACK_DAYS * DAY + 60 * MINUTE;
  const visible = sandbox.orders.values().filter((record) => record.orderedAt >= edge);
  const step = Math.max(1, Math.floor(visible.length / CHANGES));
  let changed = 0;
  for (let i = 0; i < visible.length && changed < CHANGES; i += step) {
    const id = visible[i]?.orderId ?? '';
    if (KINDS.some((_, k) => sandbox.simulator.change(id, KINDS[(changed + k) % KINDS.length] ?? 'cancel'))) changed += 1;
  }
  // Orders of a finished state take no change: fill up from the rest of the look-back.
  for (const record of visible) {
    if (changed >= CHANGES) break;
    if (KINDS.some((kind) => sandbox.simulator.change(record.orderId, kind))) changed += 1;
  }
  return changed;
}

/** The incremental-sync rows of the au PAY benchmark. */
export async function incrementalSyncRows(): Promise<BenchRow[]> {
  const now = Date.parse(NOW);
  const clock = createSandboxClock(NOW);
  const sandbox = createAupaySandbox({ clock, rateScale: Q });
  sandbox.seed(generateSeedOrders({ count: ORDER_COUNT, seed: 42, from: new Date(now - SPAN_DAYS * DAY), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createAupayConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    const first = await runSync(connector, sandbox, null);
    // The OMS polls again a few minutes later; the changes happen in between.
    clock.advance(5 * MINUTE);
    const changed = playChanges(sandbox, clock.now() + MINUTE);
    clock.advance(MINUTE);
    sandbox.kit.reset();
    const syncAt = clock.now();
    const started = performance.now();
    const second = await runSync(connector, sandbox, first.cursor);
    const wallMs = performance.now() - started;
    const requests = sandbox.kit.log.count();
    const lookbackFrom = new Date(syncAt - AUPAY_LOOKBACK_DAYS * DAY);
    const { minimum, windows, orders } = minimumRequests(sandbox.orders.values().map((record) => record.orderedAt), lookbackFrom, new Date(syncAt));
    const name = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;
    return [
      {
        name: `${name}: requests used`,
        value: requests,
        unit: 'req',
        detail:
          `${requests} searchTradeInfoListProc pages of one search by order date over the ${AUPAY_LOOKBACK_DAYS}-day look-back (${orders} orders placed in its ${AUPAY_LOOKBACK_DAYS + 1} order days, whole orders inline, ` +
          `${(wallMs / 1000).toFixed(1)} s wall, mostly reading their XML); ${second.delivered} orders delivered for ${changed} changed, the rest recognised unchanged by their signatures. ` +
          `The first sync before it delivered ${first.delivered}`,
        goal: atMost(minimum),
      },
      {
        name: `${name}: requests used / minimum the mall allows`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail:
          `minimum ${minimum}: au PAY orders carry no update time and searches take only whole order days, so any client that must see every change ` +
          `within the look-back re-reads every order placed in its order days — ${orders} orders in ${windows} window${windows === 1 ? '' : 's'} of ≤ ${AUPAY_SEARCH_WINDOW_DAYS} days, ` +
          `${AUPAY_PAGE_SIZE.toLocaleString('en')} a page. Fewer requests would mean knowing which orders changed, which au PAY does not tell`,
        goal: atMost(1.05),
      },
    ];
  } finally {
    server.close();
  }
}

/**
 * Benchmark rows of incremental sync (core's syncOrders) on Amazon: a seller of 10,000 orders over
 * 90 days, an OMS that has been polling, then 100 changes (cancellations, payments, shipments, new
 * addresses, made with the sandbox's simulator) since its last cursor; how many SP-API requests the
 * next sync sends, against the fewest Amazon allows — on the v2026 path and on the v0 path.
 */
import { silentLogger, syncOrders, type SyncCheckpoint } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type OrderChange } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import { createAmazonConnector } from '../src/connector.js';
import type { OrdersApiVersion } from '../src/options.js';
import { createAmazonSandbox, type AmazonSandbox } from '../src/testing/index.js';
import { exactly } from '../../../bench/lib/goals.js';

const ORDER_COUNT = 10_000;
const SPAN_DAYS = 90;
const CHANGES = 100;
/** searchOrders and v0 getOrders pages hold at most 100 orders (maxResultsPerPage / MaxResultsPerPage). */
const PAGE_SIZE = 100;
/** Usage plans × this: Amazon's proportions, in seconds instead of hours. The rows count requests, not time. */
const RATE_SCALE = 200;
const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;
const MINUTE = 60_000;
const KINDS: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

/** What one measured sync cost and delivered. */
interface Measured {
  readonly requests: number;
  readonly changed: number;
  /** Orders whose lastUpdatedTime is after the last sync's end: what any client must read. */
  readonly updatedSince: number;
  readonly delivered: number;
  readonly missed: number;
}

/**
 * Makes CHANGES changes, five seconds apart, spread evenly over the seller's orders of every age
 * (a search by update time sees them all): every n-th order, the kind of change rotating; an order
 * to which no change applies (shipped, cancelled) is passed over. Returns the orders changed.
 */
function changeSpread(sandbox: AmazonSandbox, candidates: readonly string[]): Set<string> {
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

/** One seller, one OMS that has been polling, 100 changes, and the sync after them, measured. */
async function measure(ordersApi: OrdersApiVersion): Promise<Measured> {
  const clock = createSandboxClock(NOW);
  const sandbox = createAmazonSandbox({ clock, rateScale: RATE_SCALE });
  const now = clock.now();
  const seeds = sandbox.seed(generateSeedOrders({ count: ORDER_COUNT, seed: 42, from: new Date(now - SPAN_DAYS * DAY), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createAmazonConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger, ordersApi });
    const poll = async (cursor: string | null, start?: number): Promise<{ checkpoint: SyncCheckpoint; delivered: Set<string> }> => {
      const delivered = new Set<string>();
      for await (const event of syncOrders(connector, { cursor, clock, ...(start === undefined ? {} : { start: new Date(start) }) })) {
        if (event.type === 'checkpoint') return { checkpoint: event, delivered };
        if ('order' in event) delivered.add(event.order.id);
      }
      throw new Error('the sync ended without a checkpoint');
    };
    // The OMS's earlier polls (the first import is not what is measured, so it starts a day back),
    // then a quiet poll an hour later: the measured sync is an ordinary one.
    const first = await poll(null, now - DAY);
    clock.advance(60 * MINUTE);
    const quiet = await poll(first.checkpoint.cursor);
    clock.advance(MINUTE);
    const changed = changeSpread(sandbox, seeds.map((seed) => seed.id));
    // Past Amazon's two minutes after the last change, as the next poll of an OMS would be.
    clock.advance(3 * MINUTE);
    const updatedSince = sandbox.orders.values().filter((order) => Date.parse(order.lastUpdatedTime) > quiet.checkpoint.syncedUntil).length;
    sandbox.kit.reset();
    const measured = await poll(quiet.checkpoint.cursor);
    return {
      requests: sandbox.kit.log.count((entry) => entry.operation !== 'lwaToken'),
      changed: changed.size,
      updatedSince,
      delivered: measured.delivered.size,
      missed: [...changed].filter((id) => !measured.delivered.has(id)).length,
    };
  } finally {
    server.close();
  }
}

const NAME = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;

function rows(path: string, result: Measured, minimum: number, why: string): BenchRow[] {
  return [
    {
      name: `${NAME}: requests used${path}`,
      value: result.requests,
      unit: 'req',
      detail:
        `SP-API requests of one sync by lastUpdatedAfter from the last sync's end minus the overlap (10 min + 2 × 2 min 5 s); ` +
        `${result.delivered} orders delivered, ${result.missed} of the ${result.changed} changed missed; the changes spread over all ` +
        `${ORDER_COUNT.toLocaleString('en')} orders (${SPAN_DAYS} days): a search by update time reaches orders of any age`,
      goal: exactly(minimum, 'the minimum, next row; 0 missed'),
    },
    {
      name: `${NAME}: requests used / minimum the mall allows${path}`,
      value: Number((result.requests / minimum).toFixed(3)),
      unit: 'ratio',
      detail: `minimum ${minimum}: ${why}`,
      goal: exactly(1),
    },
  ];
}

/** The incremental-sync rows of the Amazon benchmark: the v2026 path, then the v0 path. */
export async function incrementalSyncRows(): Promise<BenchRow[]> {
  const modern = await measure('2026-01-01');
  const legacy = await measure('v0');
  // Any client must ask for the orders updated since the last sync (one search by update time, a page
  // per 100), and on v2026 a page carries items, buyer and recipient inline.
  const modernMinimum = Math.max(1, Math.ceil(modern.updatedSince / PAGE_SIZE));
  // v0 pages carry order summaries only: each order needs getOrderItems, getOrderAddress and getOrderBuyerInfo.
  const legacyMinimum = Math.max(1, Math.ceil(legacy.updatedSince / PAGE_SIZE)) + 3 * legacy.updatedSince;
  return [
    ...rows('', modern, modernMinimum, `the ${modern.updatedSince} orders updated since the last sync, ${PAGE_SIZE} a searchOrders page with their items, buyer and recipient inline`),
    ...rows(
      ' (v0 path)',
      legacy,
      legacyMinimum,
      `the ${legacy.updatedSince} orders updated since the last sync: getOrders pages of ${PAGE_SIZE}, then getOrderItems, getOrderAddress and getOrderBuyerInfo for each order`,
    ),
  ];
}

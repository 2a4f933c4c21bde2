/**
 * Amazon's benchmark: mallkit against the npm package amazon-sp-api on one sandbox seller, with
 * Amazon's per-operation usage plans scaled ×BENCH_SCALE (same proportions, a fraction of the
 * time) and amazon-sp-api's own restore waits scaled alike (decision 0341) — in one burst (v2026
 * searchOrders, 1,000 orders) and rate-bound (the v0 fan-out). Each sync runs on the same sandbox
 * after a reset (buckets full, log empty), side by side in alternating order, and is measured by
 * what the sandbox saw: requests, 429 answers, wall time. Another SP-API client plugs in as a
 * `BenchClient`. And the requests of an incremental sync (core's syncOrders) of a 10,000-order
 * seller after 100 changes, against the fewest Amazon allows (incremental-sync.ts).
 */
import { createSandboxClock, generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { carrierMapper, createOrderReader, silentLogger, timeSlotMapper } from '@mallkit/core';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench } from '../../../bench/lib/mall.js';
import { recordAnswers } from '../../../bench/lib/record-answers.js';
import { order2026Schema } from '../src/api/orders-2026.js';
import { normalizeAmazonOrder, type AmazonRawOrder } from '../src/mapping/order.js';
import { amazonPaymentMapper } from '../src/mapping/payment.js';
import type { BenchReport, BenchRow } from '../../../bench/report.js';
import type { AmazonOperation, UsagePlan } from '../src/api/usage-plans.js';
import { createAmazonConnector } from '../src/connector.js';
import type { OrdersApiVersion } from '../src/options.js';
import { createAmazonSandbox, type AmazonSandbox, type AmazonSandboxConnection, type AmazonSandboxCredentials } from '../src/testing/index.js';
import { incrementalSyncRows } from './incremental-sync.js';
import { atMost, exactly } from '../../../bench/lib/goals.js';
import { bySize } from '../../../bench/lib/mode.js';
import { sideBySideAsync } from '../../../bench/lib/side-by-side.js';
import { fixed } from '../../../bench/lib/stats.js';

const ORDER_COUNT = 1000;
/** The v0 comparison's seller: 3 per-order calls each, far past every bucket's burst of 30. */
const RATE_BOUND_ORDERS = bySize(300, 100);
const BENCH_SCALE = 200;
const NOW = '2026-11-22T10:00:00+09:00';
const FROM = '2026-10-01T00:00:00+09:00';
const TO = '2026-11-22T09:00:00+09:00';

/** What every client gets: the sandbox seller's credentials, the window, the scaled plans. */
export interface BenchEnvironment {
  readonly credentials: AmazonSandboxCredentials;
  /** What a mallkit connector needs to reach the sandbox (credentials, URLs, the scaled plans). */
  readonly connection: AmazonSandboxConnection;
  readonly from: string;
  readonly to: string;
  readonly plans: Readonly<Record<AmazonOperation, UsagePlan>>;
  /** The factor of the sandbox's usage plans: another client's own waits are divided by it. */
  readonly rateScale: number;
  readonly clock: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> };
}

/** A client under test: syncs every order of the window (with items, buyer and address) and returns how many it got. */
export interface BenchClient {
  readonly name: string;
  sync(env: BenchEnvironment): Promise<number>;
}

/** What the sandbox saw while one client synced. */
export interface SyncMeasure {
  readonly name: string;
  readonly orders: number;
  readonly wallMs: number;
  /** SP-API requests (LWA token calls excluded). */
  readonly requests: number;
  readonly throttled: number;
}

/** A mallkit connector on the v2026 or the v0 path, as a BenchClient. */
export function mallkitClient(ordersApi: OrdersApiVersion): BenchClient {
  return {
    name: `mallkit ${ordersApi === 'v0' ? 'v0 path' : 'v2026-01-01'}`,
    async sync(env) {
      const connector = createAmazonConnector({ ...env.connection, clock: env.clock, logger: silentLogger, ordersApi });
      let count = 0;
      for await (const order of connector.listOrders({ from: env.from, to: env.to })) if (order.deliveries.length > 0) count += 1;
      return count;
    },
  };
}

/** Runs one client against the (reset) sandbox and reads what it did from the sandbox's log. */
export async function syncWith(client: BenchClient, sandbox: AmazonSandbox, env: BenchEnvironment): Promise<SyncMeasure> {
  sandbox.reset();
  const started = performance.now();
  const orders = await client.sync(env);
  const wallMs = performance.now() - started;
  const log = sandbox.kit.log;
  return {
    name: client.name,
    orders,
    wallMs,
    requests: log.count((entry) => entry.operation !== 'lwaToken'),
    throttled: log.count({ status: 429 }),
  };
}

/** The sandbox, seeds and environment every client shares. */
export function createBenchSetup(count = ORDER_COUNT): { sandbox: AmazonSandbox; env: BenchEnvironment; close(): void } {
  const clock = createSandboxClock(NOW);
  const sandbox = createAmazonSandbox({ clock, rateScale: BENCH_SCALE });
  const now = Date.parse(NOW);
  sandbox.seed(generateSeedOrders({ count, seed: 5, from: new Date(Date.parse(FROM) + 3_600_000), to: new Date(now - 7_200_000) }));
  const server = startSandboxServer(sandbox.handlers);
  const connection = sandbox.connectorOptions();
  return {
    sandbox,
    env: { credentials: sandbox.credentials, connection, from: FROM, to: TO, plans: connection.usagePlans, rateScale: BENCH_SCALE, clock },
    close: () => server.close(),
  };
}

/** One regime of the comparison: the clients, the seller's size, and what the regime shows. */
interface Regime {
  readonly label: string;
  readonly orders: number;
  readonly mallkit: BenchClient;
  readonly other: BenchClient;
  readonly why: string;
}

/** Warm-up runs and alternating rounds of each regime (decision 0341). */
const WARMUP = 1;
const ROUNDS = bySize(5, 2);

/**
 * mallkit and amazon-sp-api side by side on one sandbox (reset before each sync: buckets full, log
 * empty), warm-up first, then rounds in alternating order; the wall ratio is the median of each
 * round's own ratio. Rows: mallkit ÷ amazon-sp-api (goal ≤ 1.0, issue 15), mallkit's 429 answers
 * (goal 0) and amazon-sp-api's (its N: it throttles reactively).
 */
async function compare(regime: Regime): Promise<BenchRow[]> {
  const { sandbox, env, close } = createBenchSetup(regime.orders);
  try {
    const last = new Map<string, SyncMeasure>();
    const timed = await sideBySideAsync(
      {
        other: async () => last.set('other', await syncWith(regime.other, sandbox, env)),
        mallkit: async () => last.set('mallkit', await syncWith(regime.mallkit, sandbox, env)),
      },
      { warmup: WARMUP, rounds: ROUNDS },
    );
    const mine = last.get('mallkit') as SyncMeasure;
    const theirs = last.get('other') as SyncMeasure;
    const ms = (value: number): string => `${Math.round(value)} ms`;
    return [
      {
        name: `${regime.label}: mallkit ÷ amazon-sp-api wall time`,
        value: fixed(timed.ratio.mallkit, 3),
        unit: 'ratio',
        detail:
          `${regime.why}; ${regime.orders.toLocaleString('en-US')} orders, usage plans ×${BENCH_SCALE} and amazon-sp-api's restore periods ÷${BENCH_SCALE}; ` +
          `median ${ms(timed.medianMs.mallkit)} (${mine.requests} requests) vs ${ms(timed.medianMs.other)} (${theirs.requests} requests); ` +
          `median of ${timed.rounds} rounds' own ratios in alternating order after ${WARMUP} warm-up run each`,
        goal: atMost(1, 'issue 15'),
      },
      { name: `${regime.label}: mallkit's 429 QuotaExceeded answers`, value: mine.throttled, unit: 'count', detail: `answers the sandbox's token buckets refused mallkit (${mine.orders} orders synced)`, goal: exactly(0) },
      {
        name: `${regime.label}: amazon-sp-api's 429 QuotaExceeded answers`,
        value: theirs.throttled,
        unit: 'count',
        detail: `amazon-sp-api does not pace itself: it sends, takes the 429 and waits its (scaled) restore period (${theirs.orders} orders synced)`,
      },
    ];
  } finally {
    close();
  }
}

/** searchOrders pages hold at most 100 orders (maxResultsPerPage). */
const SEARCH_PAGE_SIZE = 100;

/** The connector's own reader of a v2026 order: the order schema, then normalizeAmazonOrder. */
const reader = createOrderReader<AmazonRawOrder>({
  mall: 'amazon',
  operation: 'searchOrders',
  orderSchema: order2026Schema,
  idOf: (wire) => (wire as { orderId: string }).orderId,
  normalize: (raw, notes) =>
    normalizeAmazonOrder(raw, notes, { shopId: 'bench', mappers: { paymentMethod: amazonPaymentMapper(), carrier: carrierMapper, timeSlot: timeSlotMapper } }),
  batchSize: 1,
  fetch: async () => ({ orders: [] }),
  redact: (text) => text,
  logger: silentLogger,
});

/**
 * Amazon as the standard rows see it (scale, normalize): the v2026 path. No real-rate rows: a
 * short sync is all burst (buckets of 20–30), so the rate-bound comparison with amazon-sp-api
 * stands in (decision 0340).
 */
export const bench: MallBench<AmazonSandbox> = {
  mall: 'amazon',
  suite: 'amazon',
  createSandbox: (init) => createAmazonSandbox(init),
  connect: (sandbox, extras) => createAmazonConnector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox) {
    const orders = sandbox.orders.size;
    const pages = Math.max(1, Math.ceil(orders / SEARCH_PAGE_SIZE));
    return { requests: pages, how: `${pages} searchOrders (pages of ${SEARCH_PAGE_SIZE}, items, buyer and recipient inline)` };
  },
  unbudgeted: ['lwaToken'],
  normalize: {
    baseline: 'JSON.parse',
    path: "JSON.parse + the connector's order reader (per-order zod schema + normalizeAmazonOrder)",
    answers: () => ({ bodies: searchAnswers, orders: searchAnswers.reduce((n, body) => n + ((JSON.parse(body) as { orders?: unknown[] }).orders?.length ?? 0), 0), what: `${searchAnswers.length} searchOrders answers of up to ${SEARCH_PAGE_SIZE} orders` }),
    read(body) {
      const parsed = JSON.parse(body) as { orders?: unknown[] };
      for (const order of parsed.orders ?? []) reader.toOrder(order);
    },
  },
};

// Top-level: NormalizeSpec.answers is synchronous, recording is not.
const searchAnswers = await recordAnswers(bench, { orders: 1_000, spanDays: 30, seed: 7 }, (url) => url.includes('/orders/2026-01-01/orders'));

/** The benchmark's entry point: the standard rows, mallkit against amazon-sp-api in one burst and rate-bound, and the incremental-sync rows. */
export default async function run(): Promise<BenchReport> {
  const standard = await mallBench(bench, import.meta.url)();
  // First, before the comparison starts its msw server: with two servers listening, the sandbox counted one request twice.
  const incremental = await incrementalSyncRows();
  const { amazonSpApi2026, amazonSpApiV0 } = await import('./amazon-sp-api-client.js');
  const burst = await compare({
    label: 'in one burst (v2026-01-01)',
    orders: ORDER_COUNT,
    mallkit: mallkitClient('2026-01-01'),
    other: amazonSpApi2026,
    why: 'searchOrders pages of 100, all within the bucket’s burst of 20: no waiting, so this is each client’s own cost per request and order',
  });
  const rateBound = await compare({
    label: 'rate-bound (v0 path)',
    orders: RATE_BOUND_ORDERS,
    mallkit: mallkitClient('v0'),
    other: amazonSpApiV0,
    why: 'getOrders, then getOrderItems, getOrderAddress and getOrderBuyerInfo per order, 4 orders at a time for both: far past the burst, so the buckets’ refill sets the pace',
  });
  return { suite: 'amazon', rows: [...standard.rows, ...burst, ...rateBound, ...incremental] };
}

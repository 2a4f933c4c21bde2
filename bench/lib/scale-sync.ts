/**
 * One scale measurement, run inside a fresh worker process (scale-worker.ts): a shop of N orders
 * in the mall's sandbox, a full listOrders sync at rates scaled out of the way, and the heap at
 * each step — the store after seeding, the connector while it streams, the sandbox after the sync
 * and what stays reachable after it is closed.
 */
import { countingFetch } from './counting-fetch.js';
import type { MallBench, MinimumRequests } from './mall.js';
import { reachableBytes } from './memory.js';
import { createSandboxClock, silentLogger, startSandboxServer, type MallConnector, type MallSandbox, type SandboxClock } from './runtime.js';
import { BENCH_NOW, shopSeeds, shopWindow } from './shop.js';

/** Days a scale shop's orders are spread over (the sync's span). */
export const SCALE_SPAN_DAYS = 90;
/** Every rate of the sandbox and connector × this: the rate never binds, the CPU does. */
export const SCALE_RATE = 1_000_000;
/** Heap samples taken while the connector streams, evenly over the orders. */
const SAMPLES = 5;

/** What one scale sync measured (bytes are reachable heap plus off-heap buffers, after full collections). */
export interface ScaleResult {
  readonly count: number;
  /** Orders the sync delivered. */
  readonly orders: number;
  /** Requests the sandbox received, token refreshes left out. */
  readonly requests: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly minimum: MinimumRequests;
  readonly qpsErrors: number;
  /** Sync wall time, heap sampling left out. */
  readonly wallMs: number;
  /** Answer body bytes the connector read. */
  readonly wireBytes: number;
  /** The sandbox's store right after seeding. */
  readonly storeBytes: number;
  /** The sandbox after the sync: its store and whatever else it kept, the request log included. */
  readonly sandboxBytes: number;
  /** What the sandbox's request log held over the sync (summed between heap samples). */
  readonly logBytes: number;
  /** Heap above the seeded sandbox at each sample while the connector streamed (log excluded). */
  readonly connectorBytes: readonly number[];
  /** Reachable bytes above the starting point once the sandbox is closed and dropped. */
  readonly retainedBytes: number;
  /** Time to generate and seed the shop. */
  readonly seedMs: number;
}

/** Counts the log's entries by operation into `tally` (leaving out `unbudgeted`), then clears it. */
function drainLog(sandbox: MallSandbox, tally: Map<string, number>, unbudgeted: readonly string[]): void {
  for (const entry of sandbox.kit.log.entries) {
    if (!unbudgeted.includes(entry.operation)) tally.set(entry.operation, (tally.get(entry.operation) ?? 0) + 1);
  }
  sandbox.kit.log.clear();
}

/**
 * A sandbox holding a shop of `count` orders. A function of its own, so that the seed orders are
 * unreachable once it returns (no stack slot of the caller keeps them) when the store is weighed.
 */
function seededSandbox(bench: MallBench, count: number, clock: SandboxClock): MallSandbox {
  const sandbox = bench.createSandbox({ clock, rateScale: SCALE_RATE });
  sandbox.seed(shopSeeds(bench, { orders: count, spanDays: SCALE_SPAN_DAYS }));
  return sandbox;
}

/** Orders of the warm-up sync that precedes every measurement. */
const WARMUP_ORDERS = 20;

/** One small sync, sandbox and connector dropped after. */
async function warmUp(bench: MallBench): Promise<void> {
  const clock = createSandboxClock(BENCH_NOW);
  const sandbox = seededSandbox(bench, WARMUP_ORDERS, clock);
  const server = startSandboxServer(sandbox.handlers);
  try {
    const window = shopWindow({ spanDays: SCALE_SPAN_DAYS });
    for await (const order of bench.connect(sandbox, { clock, logger: silentLogger }).listOrders({ from: window.from, to: window.to })) void order;
  } finally {
    server.close();
  }
}

/** Runs one scale measurement of `bench` with a shop of `count` orders. */
export async function measureScale(bench: MallBench, count: number): Promise<ScaleResult> {
  const unbudgeted = bench.unbudgeted ?? [];
  // A small sync first: what the first sandbox and connector of a process set up for good (msw's
  // interceptors, lazily built tables, compiled code) is then in the starting point, not "held".
  await warmUp(bench);
  const start = reachableBytes();
  const seedStarted = performance.now();
  const clock = createSandboxClock(BENCH_NOW);
  let sandbox: MallSandbox | null = seededSandbox(bench, count, clock);
  const seedMs = performance.now() - seedStarted;
  const seeded = reachableBytes();
  let server: ReturnType<typeof startSandboxServer> | null = startSandboxServer(sandbox.handlers);
  const wire = countingFetch();
  let connector: MallConnector | null = bench.connect(sandbox, { clock, logger: silentLogger, fetch: wire.fetch });
  const window = shopWindow({ spanDays: SCALE_SPAN_DAYS });
  const tally = new Map<string, number>();
  const connectorBytes: number[] = [];
  let logBytes = 0;
  let pausedMs = 0;
  const sample = (live: MallSandbox): void => {
    const paused = performance.now();
    const withLog = reachableBytes();
    drainLog(live, tally, unbudgeted);
    const withoutLog = reachableBytes();
    logBytes += Math.max(0, withLog - withoutLog);
    connectorBytes.push(withoutLog - seeded);
    pausedMs += performance.now() - paused;
  };

  let orders = 0;
  let nextSample = 1;
  const started = performance.now();
  for await (const order of connector.listOrders({ from: window.from, to: window.to })) {
    if (order.id) orders += 1;
    if (orders >= (nextSample * count) / SAMPLES && nextSample < SAMPLES) {
      nextSample += 1;
      sample(sandbox);
    }
  }
  const wallMs = performance.now() - started - pausedMs;
  sample(sandbox);
  const minimum = bench.minimum(sandbox, window);
  const qpsErrors = sandbox.qpsViolations();
  connector = null;
  const sandboxBytes = reachableBytes() - start + logBytes;
  server.close();
  // Dropped as a user's test drops them when it ends: whatever stays reachable now is held by modules.
  server = null;
  sandbox = null;
  const retainedBytes = reachableBytes() - start;
  const requests = [...tally.values()].reduce((a, b) => a + b, 0);
  return {
    count,
    orders,
    requests,
    byOperation: Object.fromEntries(tally),
    minimum,
    qpsErrors,
    wallMs,
    wireBytes: wire.bytes(),
    storeBytes: seeded - start,
    sandboxBytes,
    logBytes,
    connectorBytes,
    retainedBytes,
    seedMs,
  };
}

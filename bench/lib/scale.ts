/**
 * The scale rows of a mall: shops of 1,000, 10,000 and 100,000 orders, each synced in a fresh
 * worker process (scale-worker.ts) at rates scaled out of the way. They show requests ÷ minimum at
 * 10,000 orders, whether the cost per order stays flat (linear), whether the connector streams in
 * flat memory, and what the sandbox holds against the bytes it serves — and after it is closed.
 */
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../report.js';
import { forkForMessage } from './child.js';
import { atMost, exactly } from './goals.js';
import type { MallBench } from './mall.js';
import type { ScaleResult } from './scale-sync.js';
import { SCALE_RATE, SCALE_SPAN_DAYS } from './scale-sync.js';
import { describeRequests } from './real-rate.js';
import { bySize, isQuick } from './mode.js';
import { fixed, megabytes } from './stats.js';

/** Shop sizes of the scale rows unless a mall says otherwise (a quick run: two small shops). */
export const DEFAULT_SCALE_COUNTS: readonly number[] = bySize([1_000, 10_000, 100_000], [300, 2_000]);
/** The shop size of requests ÷ minimum (issue 15's goal is stated for 10,000 orders; a quick run uses its largest shop). */
const MINIMUM_AT = bySize(10_000, 2_000);
/** Connector heap growth over a sync that still counts as flat: far below what holding the orders would take. */
const FLAT_MB = 20;
/** What may stay reachable after a sandbox is closed (module-level tables, msw's own state). */
const HELD_AFTER_CLOSE_MB = 5;
/** Cost per order of the largest shop ÷ of the 10,000-order shop that still counts as linear (noise allowance). */
const LINEAR = 1.25;

const WORKER = fileURLToPath(new URL('./scale-worker.ts', import.meta.url));

const thousands = (n: number): string => n.toLocaleString('en-US');

/** Runs each scale sync in its own worker, one after another (they would share two cores otherwise). */
export async function measureScales(benchFile: string, counts: readonly number[]): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const count of counts) results.push(await forkForMessage<ScaleResult>(WORKER, [benchFile, String(count)]));
  return results;
}

/** Milliseconds per delivered order. */
const msPerOrder = (result: ScaleResult): number => result.wallMs / Math.max(1, result.orders);

/** One row per shop size: cost per order, with the sync's requests, wire size and seeding time. */
function perSizeRows(results: readonly ScaleResult[]): BenchRow[] {
  return results.map((result) => ({
    name: `sync ${thousands(result.count)} orders (rates scaled): ms per order`,
    value: fixed(msPerOrder(result), 4),
    unit: 'ms',
    detail:
      `${thousands(result.orders)} orders over ${SCALE_SPAN_DAYS} days in ${(result.wallMs / 1000).toFixed(1)} s, ${describeRequests(new Map(Object.entries(result.byOperation)))}, ` +
      `${megabytes(result.wireBytes)} MB of answers; rates × ${thousands(SCALE_RATE)} so that the CPU, not the rate, sets the pace (connector and in-process sandbox together); ` +
      `seeding took ${(result.seedMs / 1000).toFixed(1)} s, a fresh process per size`,
  }));
}

/** requests ÷ minimum at 10,000 orders (goal 1.000 unless the mall states its own). */
function minimumRow(bench: MallBench, results: readonly ScaleResult[]): BenchRow[] {
  const result = results.find((candidate) => candidate.count === MINIMUM_AT);
  if (result === undefined) return [];
  return [
    {
      name: `sync ${thousands(MINIMUM_AT)} orders: requests ÷ minimum`,
      value: fixed(result.requests / result.minimum.requests, 3),
      unit: 'ratio',
      detail: `${describeRequests(new Map(Object.entries(result.byOperation)))} for ${thousands(result.orders)} orders; minimum ${thousands(result.minimum.requests)}: ${result.minimum.how}`,
      goal: bench.minimumGoal ?? exactly(1, 'issue 15'),
    },
  ];
}

/** Linear cost, flat connector memory, sandbox size, nothing held after close, 0 QPS errors. */
function scaleGoalRows(results: readonly ScaleResult[]): BenchRow[] {
  const largest = results.at(-1);
  if (largest === undefined) return [];
  const reference = results.find((result) => result.count === MINIMUM_AT && result !== largest) ?? results.at(-2);
  const rows: BenchRow[] = [];
  if (reference !== undefined && reference !== largest) {
    rows.push({
      name: `cost per order: ${thousands(largest.count)} ÷ ${thousands(reference.count)} orders`,
      value: fixed(msPerOrder(largest) / msPerOrder(reference), 3),
      unit: 'ratio',
      detail: `${fixed(msPerOrder(largest), 4)} vs ${fixed(msPerOrder(reference), 4)} ms per order (sync wall, rates scaled): 1.0 is linear; a handler that re-reads the store per page grows with the shop`,
      goal: atMost(LINEAR, 'linear'),
    });
  }
  const samples = largest.connectorBytes;
  const growth = (samples.at(-1) ?? 0) - (samples[0] ?? 0);
  rows.push(
    {
      name: `connector heap growth during the ${thousands(largest.count)}-order sync`,
      value: megabytes(growth),
      unit: 'MB',
      detail:
        `reachable heap above the seeded sandbox from the first to the last of ${samples.length} samples evenly over the sync ` +
        `(${samples.map((bytes) => megabytes(bytes)).join(' → ')} MB), the sandbox's request log cleared at each: flat means the connector streams; ` +
        `holding the orders would take hundreds of MB`,
      goal: atMost(FLAT_MB, 'flat'),
    },
    {
      name: `sandbox memory with ${thousands(largest.count)} orders ÷ their wire size`,
      value: fixed(largest.sandboxBytes / Math.max(1, largest.wireBytes), 2),
      unit: 'ratio',
      detail:
        `${megabytes(largest.sandboxBytes)} MB reachable for the sandbox after the sync (store ${megabytes(largest.storeBytes)} MB after seeding, request log ${megabytes(largest.logBytes)} MB over the sync) ` +
        `vs ${megabytes(largest.wireBytes)} MB of answers the sync read`,
      goal: atMost(2, 'issue 15'),
    },
    {
      name: `held after the ${thousands(largest.count)}-order sandbox is closed`,
      value: megabytes(largest.retainedBytes),
      unit: 'MB',
      detail: `reachable bytes above the worker's starting point once the server is closed and the sandbox and connector dropped (two full collections)`,
      goal: atMost(HELD_AFTER_CLOSE_MB, 'nothing held'),
    },
    {
      name: 'QPS errors in the scale syncs',
      value: results.reduce((n, result) => n + result.qpsErrors, 0),
      unit: 'count',
      detail: `over ${results.map((result) => thousands(result.count)).join(', ')} orders; the connector paces itself to the sandbox's scaled rate`,
      goal: exactly(0),
    },
  );
  return rows;
}

/** Every scale row of a mall. `benchFile` is the bench module the workers load the declaration from. */
export async function scaleRows(bench: MallBench, benchFile: string): Promise<BenchRow[]> {
  const counts = isQuick() ? DEFAULT_SCALE_COUNTS : (bench.scaleCounts ?? DEFAULT_SCALE_COUNTS);
  const results = await measureScales(benchFile, counts);
  return [...minimumRow(bench, results), ...perSizeRows(results), ...scaleGoalRows(results)];
}

/**
 * The pieces every mall's incremental-sync rows share: a sync run to its checkpoint, changes
 * spread evenly over the orders a sync can see, and the two rows (requests used, and used ÷ the
 * fewest the mall allows). What is the mall's own — which orders a change can reach, and the
 * minimum — stays in its bench/incremental-sync.ts.
 */
import type { BenchRow, Goal } from '../report.js';
import { atMost } from './goals.js';
import { syncOrders, type MallConnector, type OrderChange, type SandboxClock, type SyncCheckpoint } from './runtime.js';
import { fixed } from './stats.js';

/** Shop size and changes of every mall's incremental-sync rows. */
export const INCREMENTAL_ORDERS = 10_000;
export const INCREMENTAL_CHANGES = 100;
/** Every kind of change, in the order a change rotates through them. */
export const ALL_CHANGES: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

/** A sync run to its checkpoint: the checkpoint and the ids it delivered (orders and removals). */
export interface SyncedRun {
  readonly checkpoint: SyncCheckpoint;
  readonly delivered: ReadonlySet<string>;
}

/** Runs core's syncOrders from `cursor` (null: a first sync from `start`, or the sync's default) to its checkpoint. */
export async function syncToCheckpoint(connector: MallConnector, clock: SandboxClock, cursor: string | null, start?: number): Promise<SyncedRun> {
  const delivered = new Set<string>();
  for await (const event of syncOrders(connector, { cursor, clock, ...(start === undefined ? {} : { start: new Date(start) }) })) {
    if (event.type === 'checkpoint') return { checkpoint: event, delivered };
    if ('order' in event) delivered.add(event.order.id);
    else if (event.type === 'removed') delivered.add(event.orderId);
  }
  throw new Error('the sync ended without a checkpoint');
}

/** Orders delivered by a sync's checkpoint counts: new, changed and cancelled. */
export function deliveredCount(run: SyncedRun): number {
  const counts = run.checkpoint.counts;
  return counts.new + counts.changed + counts.cancelled;
}

/** How {@link spreadChanges} changes orders. */
export interface ChangePlan {
  /** Order ids that may take a change, in the order to spread over. */
  readonly candidates: readonly string[];
  /** Orders to change (default {@link INCREMENTAL_CHANGES}). */
  readonly count?: number;
  /** The kinds of change an order may take (default all); the first tried rotates from order to order. */
  kindsOf?(id: string): readonly OrderChange[];
  /** Makes one change; false when it does not apply to the order's state (the sandbox simulator's `change`). */
  change(id: string, kind: OrderChange): boolean;
  /** Called after each order changed (e.g. to move the clock a few seconds). */
  afterEach?(): void;
}

/**
 * Changes `count` orders spread evenly over the candidates: every n-th first, then the ones between,
 * so that orders of every age change. An order to which no kind applies (a cancelled one) is passed
 * over. Returns the ids changed.
 */
export function spreadChanges(plan: ChangePlan): Set<string> {
  const count = plan.count ?? INCREMENTAL_CHANGES;
  const { candidates } = plan;
  const changed = new Set<string>();
  const stride = Math.max(1, Math.floor(candidates.length / count));
  for (let offset = 0; offset < stride && changed.size < count; offset += 1) {
    for (let index = offset; index < candidates.length && changed.size < count; index += stride) {
      const id = candidates[index] as string;
      if (changed.has(id)) continue;
      const kinds = plan.kindsOf?.(id) ?? ALL_CHANGES;
      const first = changed.size + offset;
      if (!kinds.some((_, k) => plan.change(id, kinds[(first + k) % kinds.length] as OrderChange))) continue;
      changed.add(id);
      plan.afterEach?.();
    }
  }
  return changed;
}

/** What one incremental-sync measurement found, for {@link incrementalRows}. */
export interface IncrementalFigures {
  /** Requests of the measured sync. */
  readonly requests: number;
  /** The fewest the mall allows for the same changes. */
  readonly minimum: number;
  /** Where the requests went and what the sync delivered. */
  readonly used: string;
  /** Why the minimum is what it is. */
  readonly why: string;
  /** Goal of the requests used (default ≤ the minimum). */
  readonly usedGoal?: Goal;
  /** Goal of used ÷ minimum (default ≤ 1.05). */
  readonly ratioGoal?: Goal;
  /** Appended to both row names, e.g. ` (v0 path)`. */
  readonly variant?: string;
}

/** The two incremental-sync rows: requests used, and used ÷ the minimum the mall allows. */
export function incrementalRows(figures: IncrementalFigures): BenchRow[] {
  const name = `incremental sync of ${INCREMENTAL_ORDERS.toLocaleString('en-US')} orders with ${INCREMENTAL_CHANGES} changes since the last cursor`;
  const variant = figures.variant ?? '';
  return [
    { name: `${name}: requests used${variant}`, value: figures.requests, unit: 'req', detail: figures.used, goal: figures.usedGoal ?? atMost(figures.minimum) },
    {
      name: `${name}: requests used / minimum the mall allows${variant}`,
      value: fixed(figures.requests / figures.minimum, 3),
      unit: 'ratio',
      detail: `minimum ${figures.minimum}: ${figures.why}`,
      goal: figures.ratioGoal ?? atMost(1.05),
    },
  ];
}

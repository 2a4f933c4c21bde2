/**
 * Where the wall time of a multi-worker sync goes, from each worker's acquisitions: the part the
 * rate allows, the slots that went by with nobody asking (the workload could not fill the rate),
 * the slots that were longer than the limiter's spacing while someone waited (the limiter), and the
 * ends of the run.
 */
import type { GrantEvent } from './sync-worker.js';

/** The wall time of a run, taken apart (ms). */
export interface SyncTimeline {
  /** From the start to the first grant. */
  readonly firstGrantMs: number;
  /** Grants − 1 slots of the limiter's spacing (margin included). */
  readonly spacedMs: number;
  /** Beyond the spacing while no acquisition was pending: every worker was busy elsewhere (HTTP, parsing, its queue). */
  readonly idleMs: number;
  /** Beyond the spacing while an acquisition was pending: the limiter's own delay (wake-up, lateness allowance). */
  readonly stretchedMs: number;
  /** From the last grant to the last worker's end (the last request and its answer). */
  readonly tailMs: number;
  /** Median gap between two consecutive grants. */
  readonly medianGapMs: number;
  /** Between the first and the last worker to finish. */
  readonly finishSpreadMs: number;
}

/** Takes a run apart; `slotMs` is the limiter's spacing, margin included. */
export function syncTimeline(workers: readonly { readonly grants: readonly GrantEvent[]; readonly finishedAt: number }[], startAt: number, slotMs: number): SyncTimeline {
  const grants = workers.flatMap((w) => w.grants).sort((a, b) => a.grantedAt - b.grantedAt);
  const gaps: number[] = [];
  let idleMs = 0;
  let stretchedMs = 0;
  for (let i = 1; i < grants.length; i += 1) {
    const previous = grants[i - 1]!.grantedAt;
    const gap = grants[i]!.grantedAt - previous;
    gaps.push(gap);
    if (gap <= slotMs) continue;
    // Was anyone waiting when this slot came due? Then the gap past it is the limiter's.
    const due = previous + slotMs;
    const waiting = grants.some((g) => g.calledAt <= due && g.grantedAt > due);
    if (waiting) stretchedMs += gap - slotMs;
    else idleMs += gap - slotMs;
  }
  gaps.sort((a, b) => a - b);
  const finishes = workers.map((w) => w.finishedAt);
  return {
    firstGrantMs: (grants[0]?.grantedAt ?? startAt) - startAt,
    spacedMs: Math.max(0, grants.length - 1) * slotMs,
    idleMs,
    stretchedMs,
    tailMs: Math.max(...finishes) - (grants.at(-1)?.grantedAt ?? startAt),
    medianGapMs: gaps[Math.floor(gaps.length / 2)] ?? 0,
    finishSpreadMs: Math.max(...finishes) - Math.min(...finishes),
  };
}

/** One sentence of the figures, for a bench row's detail. */
export function describeTimeline(t: SyncTimeline, slotMs: number): string {
  const f = (ms: number): string => String(Math.round(ms));
  return (
    `wall = first grant ${f(t.firstGrantMs)} + spacing ${f(t.spacedMs)} (${slotMs.toFixed(1)} ms a slot) + idle slots ${f(t.idleMs)} ` +
    `+ limiter delay ${f(t.stretchedMs)} + last answer ${f(t.tailMs)} ms; median grant gap ${t.medianGapMs.toFixed(1)} ms; workers finished within ${f(t.finishSpreadMs)} ms`
  );
}

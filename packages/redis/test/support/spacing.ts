/**
 * What the limiter granted in a run, and what the workers noticed of it.
 *
 * The gaps are measured between the slots the limiter granted, on Redis's clock: that is its
 * guarantee. When a worker process notices its grant (the timestamp it takes after `acquire`
 * resolves) is up to the machine's scheduler: on 2 busy cores a process is often run a few ms late,
 * which shrinks the gap to the next worker's grant although the limiter spaced the slots correctly
 * (observed gaps of 0.82–0.91 × interval in runs whose slots were never closer than the limiter's spacing). An early grant still fails: either
 * its slot was too close to the previous one (`minGapRatio`), or it was entered before its slot
 * started (`earlyMs`).
 */
export interface SpacingFigures {
  /** Grants the workers noticed within the measured span. */
  readonly granted: number;
  /** Most grants a rule of `1 per interval` allows in the measured span: ⌊span / interval⌋ + 1. */
  readonly ideal: number;
  /** Smallest gap between two granted slots (of any workers), on Redis's clock, as a fraction of the interval. */
  readonly minGapRatio: number;
  /** Smallest gap between two grants as the workers noticed them, for the log only: it includes the machine's scheduling. */
  readonly observedMinGapRatio: number;
  /**
   * How long before its slot started a grant was noticed at most, in ms (≤ 0 when none was).
   * Grants and slots are matched in time order: if every grant comes after its own slot, the i-th
   * grant comes after the i-th slot. Both clocks are the machine's wall clock.
   */
  readonly earlyMs: number;
  /** Each worker's grants over the fair share (granted ÷ workers). */
  readonly shares: readonly number[];
}

/** What one worker reports (see the limiter scenario): epoch ms. */
export interface WorkerGrants {
  /** Grants noticed within the span (sub-ms clock). */
  readonly grants: readonly number[];
  /** Every grant noticed, on the wall clock (`Date.now()`). */
  readonly grantClock: readonly number[];
  /** Every slot entered, on Redis's clock. */
  readonly slots: readonly number[];
}

function minGap(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i += 1) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}

/** Figures of the grants of several workers over `spanMs` at one grant per `intervalMs`. */
export function spacingFigures(workers: readonly WorkerGrants[], intervalMs: number, spanMs: number): SpacingFigures {
  const granted = workers.reduce((sum, w) => sum + w.grants.length, 0);
  const slots = workers.flatMap((w) => w.slots).sort((a, b) => a - b);
  const noticed = workers.flatMap((w) => w.grantClock).sort((a, b) => a - b);
  let earlyMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < noticed.length; i += 1) earlyMs = Math.max(earlyMs, (slots[i] ?? Number.POSITIVE_INFINITY) - noticed[i]!);
  const fair = granted / workers.length;
  return {
    granted,
    ideal: Math.floor(spanMs / intervalMs) + 1,
    minGapRatio: minGap(slots) / intervalMs,
    observedMinGapRatio: minGap(workers.flatMap((w) => w.grants)) / intervalMs,
    earlyMs,
    shares: workers.map((w) => w.grants.length / fair),
  };
}

/**
 * The most a grant may be noticed before its slot on clocks that agree, in ms: `Date.now()` truncates
 * to the ms, and a timer due in `n` ms counts from the event loop's cached ms clock.
 */
export const CLOCK_TOLERANCE_MS = 2;

/** One line of figures for the test log. */
export function describeFigures(label: string, figures: SpacingFigures): string {
  const shares = figures.shares.map((s) => s.toFixed(2)).join(' ');
  return (
    `${label}: ${figures.granted} granted (ideal ${figures.ideal}), smallest gap between slots ${figures.minGapRatio.toFixed(3)} × interval ` +
    `(as the workers noticed them ${figures.observedMinGapRatio.toFixed(3)}), earliest grant ${figures.earlyMs.toFixed(1)} ms before its slot, shares ${shares}\n`
  );
}

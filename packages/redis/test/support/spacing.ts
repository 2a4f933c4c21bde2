/** What the mall would see of a run: how many grants, how close, and who got them. */
export interface SpacingFigures {
  readonly granted: number;
  /** Most grants a rule of `1 per interval` allows in the measured span: ⌊span / interval⌋ + 1. */
  readonly ideal: number;
  /** Smallest gap between two grants of any workers, as a fraction of the interval. */
  readonly minGapRatio: number;
  /** Each worker's grants over the fair share (granted ÷ workers). */
  readonly shares: readonly number[];
}

/** Figures of the grants of several workers (epoch ms each) over `spanMs` at one grant per `intervalMs`. */
export function spacingFigures(perWorker: ReadonlyArray<readonly number[]>, intervalMs: number, spanMs: number): SpacingFigures {
  const all = perWorker.flat().sort((a, b) => a - b);
  let minGap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < all.length; i += 1) minGap = Math.min(minGap, all[i]! - all[i - 1]!);
  const fair = all.length / perWorker.length;
  return {
    granted: all.length,
    ideal: Math.floor(spanMs / intervalMs) + 1,
    minGapRatio: minGap / intervalMs,
    shares: perWorker.map((grants) => grants.length / fair),
  };
}

/** One line of figures for the test log. */
export function describeFigures(label: string, figures: SpacingFigures): string {
  const shares = figures.shares.map((s) => s.toFixed(2)).join(' ');
  return `${label}: ${figures.granted} granted (ideal ${figures.ideal}), smallest gap ${figures.minGapRatio.toFixed(3)} × interval, shares ${shares}\n`;
}

/**
 * How late this process usually enters its slots, in µs: the longest recent lateness, decaying by a
 * fifth at every grant. A busy process (a loaded CPU, long synchronous work in the OMS) reserves
 * each slot this much longer, so that its late entry does not crowd the next holder's slot, and only
 * lateness beyond the usual counts as a stall.
 */
export interface LatenessAllowance {
  /** The extra length of the next slot: the allowance, at most one interval. */
  extraFor(intervalUs: number): number;
  /** Records how late a slot was entered. */
  observe(lateUs: number): void;
}

/** Creates the allowance of one limiter (one per process, usually). */
export function createLatenessAllowance(): LatenessAllowance {
  let allowanceUs = 0;
  return {
    extraFor: (intervalUs) => Math.min(Math.round(allowanceUs), intervalUs),
    observe(lateUs) {
      allowanceUs = Math.max(lateUs, allowanceUs * 0.8);
    },
  };
}

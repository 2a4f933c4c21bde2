/*
 * The malls search orders between two inclusive bounds given to the second, and cap the span
 * (Rakuten: 63 days) and the results per search (Rakuten: 15,000). A long query is therefore cut
 * into windows that touch without overlapping: the next window starts one second after the
 * previous one ends, so no order is fetched twice and none falls between two windows.
 */

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** A span of time with inclusive, whole-second bounds, as a mall's order search takes it. */
export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

/** Epoch milliseconds floored to the whole second: the malls' bounds have no sub-second part. */
function toSecond(date: Date, what: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: invalid date`);
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/**
 * Cuts `[from, to]` into contiguous windows of at most `maxDays` days each. A window of `maxDays`
 * days spans `maxDays × 86,400 − 1` seconds from its first to its last second, both inclusive, and
 * the next one starts one second later. The first window starts at `from` and the last ends at
 * `to`; sub-second parts of both are dropped since the malls take whole seconds. Returns `[]` when
 * `from` is after `to`. Throws a RangeError for an invalid date or a `maxDays` shorter than a second.
 */
export function splitWindow(from: Date, to: Date, maxDays: number): TimeWindow[] {
  const start = toSecond(from, 'splitWindow');
  const end = toSecond(to, 'splitWindow');
  // Counted in whole seconds so that a fractional maxDays still yields second-aligned bounds.
  const spanMs = Math.floor((maxDays * DAY_MS) / SECOND_MS) * SECOND_MS - SECOND_MS;
  if (!Number.isFinite(spanMs) || spanMs < 0) {
    throw new RangeError(`splitWindow: maxDays must be at least one second long, got ${maxDays}`);
  }
  const windows: TimeWindow[] = [];
  for (let cursor = start; cursor <= end; ) {
    const stop = Math.min(cursor + spanMs, end);
    windows.push({ from: new Date(cursor), to: new Date(stop) });
    cursor = stop + SECOND_MS;
  }
  return windows;
}

/**
 * Splits a window in two at its middle second, for a search that hit the mall's cap on results:
 * the first half gets the extra second when the count is odd, and the second half starts one
 * second after the first ends. Returns `null` when the window holds a single second (or less) and
 * cannot be split any further; the caller must then report the cap instead of looping.
 */
export function halveWindow(window: TimeWindow): [TimeWindow, TimeWindow] | null {
  const start = toSecond(window.from, 'halveWindow');
  const end = toSecond(window.to, 'halveWindow');
  // Bounds are inclusive: [10:00:00, 10:00:01] holds two seconds and can still be halved.
  const seconds = (end - start) / SECOND_MS + 1;
  if (seconds < 2) return null;
  const firstEnd = start + (Math.ceil(seconds / 2) - 1) * SECOND_MS;
  return [
    { from: new Date(start), to: new Date(firstEnd) },
    { from: new Date(firstEnd + SECOND_MS), to: new Date(end) },
  ];
}

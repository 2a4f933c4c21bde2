/**
 * Goal constructors: a bench row's goal is a predicate plus the text a reader sees, so that the
 * runner (not a test) checks it and the results say met or unmet.
 */
import type { Goal } from '../report.js';

/** How a goal's bound is written: whole numbers with separators, fractions as given. */
function show(bound: number): string {
  return Number.isInteger(bound) ? bound.toLocaleString('en-US') : String(bound);
}

/** Appends a note (where the goal comes from) to a goal's text. */
function noted(text: string, note: string | undefined): string {
  return note === undefined ? text : `${text} (${note})`;
}

/** The value may not exceed `bound`. */
export function atMost(bound: number, note?: string): Goal {
  return { text: noted(`≤ ${show(bound)}`, note), met: (value) => value <= bound };
}

/** The value must reach at least `bound`. */
export function atLeast(bound: number, note?: string): Goal {
  return { text: noted(`≥ ${show(bound)}`, note), met: (value) => value >= bound };
}

/** The value must be `expected`, to within `tolerance` (default exact: counts and ratios of counts). */
export function exactly(expected: number, note?: string, tolerance = 0): Goal {
  return { text: noted(tolerance === 0 ? show(expected) : `${show(expected)} ± ${show(tolerance)}`, note), met: (value) => Math.abs(value - expected) <= tolerance };
}

/** The value must lie in `[low, high]`. */
export function between(low: number, high: number, note?: string): Goal {
  return { text: noted(`${show(low)}–${show(high)}`, note), met: (value) => value >= low && value <= high };
}

/** The value must stay under `bound` (strictly). */
export function below(bound: number, note?: string): Goal {
  return { text: noted(`< ${show(bound)}`, note), met: (value) => value < bound };
}

/** The value must exceed `bound` (strictly). */
export function above(bound: number, note?: string): Goal {
  return { text: noted(`> ${show(bound)}`, note), met: (value) => value > bound };
}

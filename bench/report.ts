/**
 * The contract between `pnpm bench` and each package's benchmark file
 * (`packages/<name>/bench/*.bench.ts`, default export `run`). A benchmark returns rows; the runner
 * checks each row's goal, prints one table with value, goal and ✔/✖ side by side, and writes
 * bench/results/latest.{json,md}. Quote ratios, not single times: single times depend on the
 * machine, ratios much less.
 */

/**
 * A goal as data: a predicate the runner applies to the row's value, and the text a reader sees.
 * Build them with the constructors of bench/lib/goals.ts (`atMost(1.05)`, `exactly(0)`…).
 */
export interface Goal {
  /** What the goal says, e.g. `≤ 1.05` or `0 (issue 15)`. */
  readonly text: string;
  /** True when `value` reaches the goal. */
  readonly met: (value: number) => boolean;
}

/** One measured figure. */
export interface BenchRow {
  /** What was measured, e.g. `throttle accuracy (achieved / configured rate)`. */
  readonly name: string;
  /** The headline number, usually a ratio. */
  readonly value: number;
  /** Unit of value: `ratio`, `req`, `orders/s`, `count`, `kB`, `ms`… */
  readonly unit: string;
  /** What the number means, how it was measured and what it was compared with. */
  readonly detail: string;
  /** The goal, when there is one; the runner checks it (never a test). */
  readonly goal?: Goal;
}

/** What a benchmark file's default export resolves with. */
export interface BenchReport {
  readonly suite: string;
  readonly rows: readonly BenchRow[];
}

/** The signature of a benchmark file's default export. */
export type BenchRun = () => Promise<BenchReport>;

/**
 * The contract between `pnpm bench` and each package's benchmark file
 * (`packages/<name>/bench/*.bench.ts`, default export `run`). A benchmark returns rows; the runner
 * prints them as one table and writes them to bench/results/. Quote ratios, not single times:
 * single times depend on the machine, ratios much less.
 */
export interface BenchRow {
  /** What was measured, e.g. `throttle accuracy (achieved / configured rate)`. */
  readonly name: string;
  /** The headline number, usually a ratio. */
  readonly value: number;
  /** Unit of value: `ratio`, `req`, `orders/s`, `count`… */
  readonly unit: string;
  /** What the number means and what it was compared with. */
  readonly detail: string;
  /** The goal, when there is one (e.g. `0 QPS errors`, `≥ 0.9`). */
  readonly goal?: string;
}

/** What a benchmark file's default export resolves with. */
export interface BenchReport {
  readonly suite: string;
  readonly rows: readonly BenchRow[];
}

/** The signature of a benchmark file's default export. */
export type BenchRun = () => Promise<BenchReport>;

/**
 * The bench's two modes. The full run (`pnpm bench`) is what the results file is for. The quick
 * run (`pnpm bench --quick`, or `BENCH_QUICK=1`) checks that every suite still runs end to end in
 * a fraction of the time — small shops instead of 100,000 orders, fewer rounds — and its figures
 * are not to be quoted: a quick run never writes the results files.
 */

/** The environment variable that selects the quick mode; the runner sets it for `--quick`, so worker processes inherit it. */
export const QUICK_ENV = 'BENCH_QUICK';

/** True in a quick run. */
export function isQuick(): boolean {
  return process.env[QUICK_ENV] === '1';
}

/** `full` in a full run, `quick` in a quick one: the one place a suite chooses its sizes. */
export function bySize<T>(full: T, quick: T): T {
  return isQuick() ? quick : full;
}

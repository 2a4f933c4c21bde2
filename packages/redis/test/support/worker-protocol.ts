/*
 * The messages between a multi-process test and its worker processes. A worker is booted once and
 * runs several scenarios: `prepare` (connect, warm up, answer `ready`), `start` (all workers begin
 * at the same epoch ms), `result`; `exit` ends it.
 */

/** The scenarios a worker can run, by name. */
export type ScenarioName = 'limiter' | 'token';

/** Parent → worker. */
export type ToWorker =
  | { readonly type: 'prepare'; readonly scenario: ScenarioName; readonly config: unknown }
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'exit' };

/** Worker → parent. */
export type FromWorker = { readonly type: 'ready' } | { readonly type: 'result'; readonly result: unknown } | { readonly type: 'failed'; readonly error: string };

/** Epoch ms with sub-ms precision, comparable across the processes of one machine. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

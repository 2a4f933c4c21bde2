/*
 * The messages between a multi-process test and its worker processes. A worker is booted once and
 * runs several scenarios: `prepare` (connect, warm up, answer `ready`), `start` (all workers begin
 * at the same epoch ms), `result`; `exit` ends it.
 */

/** The scenarios a worker can run, by name. */
export type ScenarioName = 'limiter' | 'token';

/** Parent → worker. `run` numbers the scenario, so that a late answer to an earlier (failed) one is never taken for this one's. */
export type ToWorker =
  | { readonly type: 'prepare'; readonly run: number; readonly scenario: ScenarioName; readonly config: unknown }
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'exit' };

/** Worker → parent. `run` is absent on the ready of a freshly booted worker. */
export type FromWorker =
  | { readonly type: 'ready'; readonly run?: number }
  | { readonly type: 'result'; readonly run: number; readonly result: unknown }
  | { readonly type: 'failed'; readonly run?: number; readonly error: string };

/** Epoch ms with sub-ms precision, comparable across the processes of one machine. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

import pThrottle from 'p-throttle';

/**
 * Holds requests back so that a connector never exceeds the mall's rate. The default is an
 * in-process p-throttle per key; a limiter shared by workers on several machines (Redis…) can
 * replace it by implementing this one method.
 */
export interface Limiter {
  /** Resolves when a request under `key` may start; returns how long it waited, in ms. */
  acquire(key: string, signal?: AbortSignal): Promise<number>;
}

/** `limit` requests per `intervalMs`: `{ limit: 1, intervalMs: 1000 }` is 1 request per second. */
export interface RateLimit {
  readonly limit: number;
  readonly intervalMs: number;
}

/** Options of createThrottleLimiter. */
export interface ThrottleLimiterOptions {
  /**
   * Extra spacing as a fraction of the interval (default 0.05): requests reach the mall a few ms
   * apart from when they left, so spacing them exactly at the limit would sometimes break it.
   */
  readonly margin?: number;
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A proactive limiter: one strict p-throttle per key, created on first use (no timers at
 * construction). `rate` may depend on the key, e.g. Amazon's per-operation usage plans.
 */
export function createThrottleLimiter(
  rate: RateLimit | ((key: string) => RateLimit),
  options: ThrottleLimiterOptions = {},
): Limiter {
  const margin = options.margin ?? 0.05;
  const gates = new Map<string, () => Promise<void>>();

  const gateFor = (key: string): (() => Promise<void>) => {
    let gate = gates.get(key);
    if (!gate) {
      const { limit, intervalMs } = typeof rate === 'function' ? rate(key) : rate;
      if (!(limit >= 1) || !(intervalMs > 0)) {
        throw new RangeError(`rate limit for ${key} must have limit >= 1 and intervalMs > 0`);
      }
      gate = pThrottle({ limit, interval: Math.ceil(intervalMs * (1 + margin)), strict: true })(async () => {});
      gates.set(key, gate);
    }
    return gate;
  };

  return {
    async acquire(key, signal) {
      const started = performance.now();
      await raceAbort(gateFor(key)(), signal);
      return Math.round(performance.now() - started);
    },
  };
}

/** A limiter that never waits: for a connector whose rate is handled elsewhere. */
export const unlimited: Limiter = { acquire: async () => 0 };

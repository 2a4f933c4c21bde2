/**
 * Where mallkit reads "now" and waits. Connectors take one in their options so that calendar
 * rules (date windows up to now, credential days left, "ship date in the future") and retry waits
 * follow the sandbox's clock in tests.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Sleeps on a real timer, and clears it when the signal aborts. The wait is rounded up to a whole
 * millisecond: timers count whole ms, and a limiter's slot must never be entered early.
 */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, Math.ceil(ms)));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: realSleep,
};

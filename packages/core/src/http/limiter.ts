import { realSleep } from '../time/clock.js';
import { checkMilliseconds, isColdGrant, raceAbort } from './limiter-timing.js';

/**
 * Holds requests back so that a connector never exceeds the mall's rate. The default is an
 * in-process sliding window per key; a limiter shared by workers on several machines (Redis…) can
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

/**
 * How much later than its grant a request may reach the mall, compared with the requests after it,
 * in ms: the p99 spread of grant-to-arrival delays measured through the whole pipeline (decision
 * 0310). Every limiter in core keeps this much time in hand; at 1 request per second it is 2.5%.
 */
export const DEFAULT_LIMITER_MARGIN_MS = 25;

/**
 * How much later the first request of a run (or the first after 4 s idle) may arrive, in ms: it opens
 * a connection (TCP and TLS set-up, or an OAuth token) before it is sent. Paid once per run, not per
 * request (decision 0310).
 */
export const DEFAULT_COLD_START_MARGIN_MS = 250;

/** Options of createThrottleLimiter. */
export interface ThrottleLimiterOptions {
  /**
   * Extra time each request holds its place in the mall's window, in ms (default
   * {@link DEFAULT_LIMITER_MARGIN_MS}): requests reach the mall a few ms apart from when they left,
   * so spacing them exactly at the limit would sometimes break it.
   */
  readonly marginMs?: number;
  /** Extra time for the first request of a run, on top of `marginMs` (default {@link DEFAULT_COLD_START_MARGIN_MS}). */
  readonly coldStartMs?: number;
}

/** One key's window: when each of its recent grants stops counting against the rate. */
interface Window {
  readonly limit: number;
  readonly intervalMs: number;
  /** Release times (grant + interval + margins), ascending; only those still ahead matter. */
  readonly releases: number[];
  lastGrantAt: number | null;
  /** The previous waiter's turn: waiters are served in arrival order. */
  queue: Promise<void>;
}

/** Inserts `value` into the ascending `values` (a cold grant's release may be later than the next ones'). */
function insertSorted(values: number[], value: number): void {
  let index = values.length;
  while (index > 0 && (values[index - 1] ?? 0) > value) index -= 1;
  values.splice(index, 0, value);
}

/**
 * A proactive limiter: a sliding window per key, created on first use (no timers at construction),
 * that never lets more than `limit` requests start within `intervalMs` plus the margin — the rule the
 * malls' gateways count by. A full window after a pause lets `limit` requests go at once. `rate`
 * may depend on the key, e.g. Amazon's per-operation usage plans. Time is the machine's monotonic
 * clock, not the connector's: a sandbox clock moved by hand must not bend a real-time rule.
 */
export function createThrottleLimiter(rate: RateLimit | ((key: string) => RateLimit), options: ThrottleLimiterOptions = {}): Limiter {
  const marginMs = checkMilliseconds(options.marginMs ?? DEFAULT_LIMITER_MARGIN_MS, 'marginMs');
  const coldStartMs = checkMilliseconds(options.coldStartMs ?? DEFAULT_COLD_START_MARGIN_MS, 'coldStartMs');
  const windows = new Map<string, Window>();

  const windowFor = (key: string): Window => {
    let window = windows.get(key);
    if (!window) {
      const { limit, intervalMs } = typeof rate === 'function' ? rate(key) : rate;
      if (!(limit >= 1) || !(intervalMs > 0)) {
        throw new RangeError(`rate limit for ${key} must have limit >= 1 and intervalMs > 0`);
      }
      window = { limit: Math.floor(limit), intervalMs, releases: [], lastGrantAt: null, queue: Promise.resolve() };
      windows.set(key, window);
    }
    return window;
  };

  /** Waits for a free place in the window and takes it, unless the caller gave up meanwhile. */
  const takePlace = async (window: Window, signal?: AbortSignal): Promise<void> => {
    for (;;) {
      const now = performance.now();
      while ((window.releases[0] ?? Number.POSITIVE_INFINITY) <= now) window.releases.shift();
      if (window.releases.length < window.limit) break;
      await realSleep((window.releases[window.releases.length - window.limit] ?? now) - now);
    }
    // An abandoned wait leaves the place to the next waiter.
    if (signal?.aborted) return;
    const grantedAt = performance.now();
    const late = isColdGrant(window.lastGrantAt, grantedAt) ? coldStartMs : 0;
    insertSorted(window.releases, grantedAt + window.intervalMs + marginMs + late);
    window.lastGrantAt = grantedAt;
  };

  return {
    async acquire(key, signal) {
      const started = performance.now();
      const window = windowFor(key);
      const turn = window.queue.then(() => takePlace(window, signal));
      window.queue = turn.catch(() => undefined);
      await raceAbort(turn, signal);
      return Math.round(performance.now() - started);
    },
  };
}

/** A limiter that never waits: for a connector whose rate is handled elsewhere. */
export const unlimited: Limiter = { acquire: async () => 0 };

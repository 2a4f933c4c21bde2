import { systemClock, type Clock } from '../time/clock.js';
import type { Limiter } from './limiter.js';

/** A token bucket: `burst` requests at once, refilled at `ratePerSecond` (Amazon's usage plans). */
export interface TokenBucketRate {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Options of createTokenBucketLimiter. */
export interface TokenBucketLimiterOptions {
  /** Where time is read and waited (default the machine's clock). */
  readonly clock?: Clock;
  /** Refill this fraction slower than the mall's rate (default 0.05), for the same reason as the throttle's margin. */
  readonly margin?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  queue: Promise<void>;
}

function raceAbort(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A proactive limiter that mirrors a mall's token bucket per key: a full bucket lets `burst`
 * requests go at once, then requests are paced at the refill rate, so the mall's bucket is never
 * overdrawn. `rate` is read on every acquisition, so a rate learned from the mall's answers (Amazon's
 * x-amzn-RateLimit-Limit) applies at once to the same bucket. Waiters are served in arrival order.
 */
export function createTokenBucketLimiter(
  rate: TokenBucketRate | ((key: string) => TokenBucketRate),
  options: TokenBucketLimiterOptions = {},
): Limiter {
  const clock = options.clock ?? systemClock;
  const margin = options.margin ?? 0.05;
  const buckets = new Map<string, Bucket>();

  return {
    acquire(key, signal) {
      const { ratePerSecond, burst } = typeof rate === 'function' ? rate(key) : rate;
      if (!(ratePerSecond > 0) || !(burst >= 1)) {
        return Promise.reject(new RangeError(`token bucket for ${key} needs ratePerSecond > 0 and burst >= 1`));
      }
      const perMs = (ratePerSecond * (1 - margin)) / 1000;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: burst, at: clock.now(), queue: Promise.resolve() };
        buckets.set(key, bucket);
      }
      const own = bucket;
      const started = clock.now();
      const refill = (): void => {
        const now = clock.now();
        own.tokens = Math.min(burst, own.tokens + (now - own.at) * perMs);
        own.at = now;
      };
      const turn = own.queue.then(async () => {
        refill();
        if (own.tokens < 1) {
          await clock.sleep(Math.ceil((1 - own.tokens) / perMs));
          refill();
        }
        own.tokens -= 1;
      });
      own.queue = turn.catch(() => undefined);
      return raceAbort(turn, signal).then(() => clock.now() - started);
    },
  };
}

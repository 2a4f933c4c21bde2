import { systemClock, type Clock } from '../time/clock.js';
import { DEFAULT_COLD_START_MARGIN_MS, DEFAULT_LIMITER_MARGIN_MS, type Limiter } from './limiter.js';
import { checkMilliseconds, isColdGrant, raceAbort } from './limiter-timing.js';

/** A token bucket: `burst` requests at once, refilled at `ratePerSecond` (Amazon's usage plans). */
export interface TokenBucketRate {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Options of createTokenBucketLimiter. */
export interface TokenBucketLimiterOptions {
  /** Where time is read and waited (default the machine's clock). */
  readonly clock?: Clock;
  /**
   * Time kept in hand, in ms (default {@link DEFAULT_LIMITER_MARGIN_MS}), for the same reason as
   * the throttle's: the bucket refills at the mall's own rate, and only its burst is smaller by what
   * refills in that time.
   */
  readonly marginMs?: number;
  /** Extra time for the first request of a run, on top of `marginMs` (default {@link DEFAULT_COLD_START_MARGIN_MS}). */
  readonly coldStartMs?: number;
}

/**
 * One key's bucket in GCRA form: `fullAt` is when it would be full again (−∞ while full), in
 * `intervalMs` steps of one token. A request may go at `t` when `t ≥ fullAt − (burst − 1) × interval
 * + margin`, i.e. when the bucket holds a token plus what refills in the margin.
 */
interface Bucket {
  fullAt: number;
  /** The interval `fullAt` was counted in: a learned rate rescales what is still owed. */
  intervalMs: number;
  lastGrantAt: number | null;
  /**
   * When a cold request granted earlier reaches the mall at the latest, until then: its token is
   * taken from the mall's bucket only on arrival, so `fullAt` counts it then, not at its grant.
   */
  coldArrival: number | null;
  /** The previous waiter's turn: waiters are served in arrival order. */
  queue: Promise<void>;
}

/**
 * A proactive limiter that mirrors a mall's token bucket per key: a full bucket lets `burst`
 * requests go at once, then requests are paced at the refill rate, so the mall's bucket is never
 * overdrawn. `rate` is read on every acquisition, so a rate learned from the mall's answers (Amazon's
 * x-amzn-RateLimit-Limit) applies at once to the same bucket. Waiters are served in arrival order.
 */
export function createTokenBucketLimiter(rate: TokenBucketRate | ((key: string) => TokenBucketRate), options: TokenBucketLimiterOptions = {}): Limiter {
  const clock = options.clock ?? systemClock;
  const marginMs = checkMilliseconds(options.marginMs ?? DEFAULT_LIMITER_MARGIN_MS, 'marginMs');
  const coldStartMs = checkMilliseconds(options.coldStartMs ?? DEFAULT_COLD_START_MARGIN_MS, 'coldStartMs');
  const buckets = new Map<string, Bucket>();

  /**
   * When the bucket would be full again, as the mall counts it at `now`: a cold request that has
   * arrived by now is counted from its arrival (and from then on in `fullAt`); one still on its way
   * keeps its token reserved.
   */
  const owedAt = (bucket: Bucket, now: number): number => {
    if (bucket.coldArrival === null) return bucket.fullAt;
    if (now >= bucket.coldArrival) {
      bucket.fullAt = Math.max(bucket.fullAt, bucket.coldArrival) + bucket.intervalMs;
      bucket.coldArrival = null;
      return bucket.fullAt;
    }
    return Math.max(bucket.fullAt, now) + bucket.intervalMs;
  };

  /** Waits until the bucket can spare a token and takes it, unless the caller gave up meanwhile. */
  const takeToken = async (bucket: Bucket, { ratePerSecond, burst }: TokenBucketRate, signal?: AbortSignal): Promise<void> => {
    const intervalMs = 1000 / ratePerSecond;
    let now = clock.now();
    if (bucket.intervalMs !== intervalMs) {
      // What is still owed at the old rate is owed in tokens, not in time.
      if (bucket.fullAt > now) bucket.fullAt = now + ((bucket.fullAt - now) * intervalMs) / bucket.intervalMs;
      bucket.intervalMs = intervalMs;
    }
    let due = owedAt(bucket, now) - (burst - 1) * intervalMs + marginMs;
    while (now < due) {
      await clock.sleep(Math.ceil(due - now));
      now = clock.now();
      due = owedAt(bucket, now) - (burst - 1) * intervalMs + marginMs;
    }
    // An abandoned wait leaves the token to the next waiter.
    if (signal?.aborted) return;
    if (isColdGrant(bucket.lastGrantAt, now) && coldStartMs > 0 && bucket.coldArrival === null) {
      // A cold request may reach the mall up to coldStartMs late. Its token is counted when it
      // arrives: the requests sent meanwhile may use the rest of the burst (the mall's bucket does
      // not refill while it is full), and the mall's refill resumes from that later moment.
      bucket.coldArrival = now + coldStartMs;
    } else {
      bucket.fullAt = Math.max(bucket.fullAt, now) + intervalMs;
    }
    bucket.lastGrantAt = now;
  };

  return {
    acquire(key, signal) {
      const current = typeof rate === 'function' ? rate(key) : rate;
      if (!(current.ratePerSecond > 0) || !(current.burst >= 1)) {
        return Promise.reject(new RangeError(`token bucket for ${key} needs ratePerSecond > 0 and burst >= 1`));
      }
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { fullAt: Number.NEGATIVE_INFINITY, intervalMs: 1000 / current.ratePerSecond, lastGrantAt: null, coldArrival: null, queue: Promise.resolve() };
        buckets.set(key, bucket);
      }
      const own = bucket;
      const started = clock.now();
      const turn = own.queue.then(() => takeToken(own, current, signal));
      own.queue = turn.catch(() => undefined);
      return raceAbort(turn, signal).then(() => clock.now() - started);
    },
  };
}

import type { UsagePlan } from '../rate-limits.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * SP-API's throttle as the sandbox enforces it: one token bucket per (seller + app, operation),
 * refilled at the plan's rate up to its burst, one token per request, HTTP 429 when empty
 * (developer-docs "Usage plans and rate limits"). Real time, not the sandbox calendar: moving the
 * calendar forward must not hand out tokens.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  #refused = 0;

  /** Creates the buckets; `now` is monotonic milliseconds (default performance.now). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Takes one token of `key` under `plan`; false (and counted) when the bucket is empty. */
  take(key: string, plan: UsagePlan): boolean {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: plan.burst, at: now };
    bucket.tokens = Math.min(plan.burst, bucket.tokens + ((now - bucket.at) / 1000) * plan.rate);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    // A hair of tolerance: float refill arithmetic must not refuse a request that waited exactly long enough.
    if (bucket.tokens >= 1 - 1e-6) {
      bucket.tokens -= 1;
      return true;
    }
    this.#refused += 1;
    return false;
  }

  /** Requests refused with 429 so far. */
  get refused(): number {
    return this.#refused;
  }

  /** Refills every bucket and forgets the count. */
  reset(): void {
    this.#buckets.clear();
    this.#refused = 0;
  }
}

import type { RateLimit, TokenBucketRate } from '@mallkit/core';

/**
 * A rate the shared limiter keeps: a plain `{ limit, intervalMs }` (core's RateLimit, spaced evenly)
 * or a token bucket `{ ratePerSecond, burst }` (Amazon's usage plans).
 */
export type SharedRate = RateLimit | TokenBucketRate;

/** A rate as the reservation script uses it: the spacing of slots and the burst tolerance, in µs. */
export interface SlotSchedule {
  /** Time between two slots at the sustained rate, margin included. */
  readonly intervalUs: number;
  /** How far ahead of the steady schedule a request may go: `(burst - 1) × interval`. */
  readonly toleranceUs: number;
  /**
   * How late a slot may be entered: the interval with margin minus `(1 - margin)` of the mall's own.
   * A slot entered later would leave the next one closer than that, so it is reserved again instead.
   */
  readonly slackUs: number;
}

/**
 * Turns a rate into slot spacing with the safety margin, the same way core's limiters apply it:
 * a RateLimit's interval is stretched by `margin` (createThrottleLimiter), a bucket's refill is
 * slowed by `margin` (createTokenBucketLimiter). A RateLimit is spaced evenly, one request per
 * `intervalMs / limit`: a burst of `limit` followed by even spacing would put `limit + 1` requests
 * in one sliding interval, which is what malls count.
 */
export function slotSchedule(rate: SharedRate, margin: number, key: string): SlotSchedule {
  if ('ratePerSecond' in rate) {
    const { ratePerSecond, burst } = rate;
    if (!(ratePerSecond > 0) || !(burst >= 1) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError(`token bucket for ${key} needs ratePerSecond > 0 and burst >= 1`);
    }
    const intervalUs = Math.ceil(1_000_000 / (ratePerSecond * (1 - margin)));
    return { intervalUs, toleranceUs: (Math.floor(burst) - 1) * intervalUs, slackUs: intervalUs - (1 - margin) * (1_000_000 / ratePerSecond) };
  }
  const { limit, intervalMs } = rate;
  if (!(limit >= 1) || !(intervalMs > 0) || !Number.isFinite(intervalMs)) {
    throw new RangeError(`rate limit for ${key} must have limit >= 1 and intervalMs > 0`);
  }
  const intervalUs = Math.ceil((intervalMs * 1000 * (1 + margin)) / limit);
  return { intervalUs, toleranceUs: 0, slackUs: intervalUs - (1 - margin) * ((intervalMs * 1000) / limit) };
}

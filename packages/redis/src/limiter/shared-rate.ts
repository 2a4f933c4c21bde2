import type { RateLimit, TokenBucketRate } from '@mallkit/core';

/**
 * A rate the shared limiter keeps: a plain `{ limit, intervalMs }` (core's RateLimit, spaced evenly)
 * or a token bucket `{ ratePerSecond, burst }` (Amazon's usage plans).
 */
export type SharedRate = RateLimit | TokenBucketRate;

/**
 * The default safety margin, in ms per interval of the rate (per second for a token bucket): the
 * value of core's `DEFAULT_LIMITER_MARGIN_MS`, the p99 spread of grant-to-arrival delays measured
 * through the whole pipeline (core's decision 0310): 2.5% of a one-second interval, at 1/s as at 20/s.
 */
export const DEFAULT_MARGIN_MS = 25;

/** A rate as the reservation script uses it: the spacing of slots and the burst tolerance, in µs. */
export interface SlotSchedule {
  /** Time between two slots at the sustained rate, margin included. */
  readonly intervalUs: number;
  /** How far ahead of the steady schedule a request may go: `(burst - 1) × interval`. */
  readonly toleranceUs: number;
  /**
   * How late a slot may be entered: the interval with the margin minus the mall's own less the
   * margin. A slot entered later would leave the next one closer than that, so it is reserved again.
   */
  readonly slackUs: number;
}

/**
 * Turns a rate into slot spacing with the safety margin `marginMs`, kept per interval of the rate as
 * core's limiters keep it: a RateLimit's `limit` requests take `intervalMs + marginMs`, spaced
 * evenly, one per `(intervalMs + marginMs) / limit` (a burst of `limit` followed by even spacing
 * would put `limit + 1` requests in one sliding interval, which is what malls count); a bucket's
 * refill is slowed so that one second's worth takes `1000 + marginMs` ms.
 */
export function slotSchedule(rate: SharedRate, marginMs: number, key: string): SlotSchedule {
  if (!(marginMs >= 0 && marginMs < 1000)) throw new RangeError(`marginMs must be in [0, 1000), got ${marginMs}`);
  if ('ratePerSecond' in rate) {
    const { ratePerSecond, burst } = rate;
    if (!(ratePerSecond > 0) || !(burst >= 1) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError(`token bucket for ${key} needs ratePerSecond > 0 and burst >= 1`);
    }
    const mallUs = 1_000_000 / ratePerSecond;
    const intervalUs = Math.ceil(mallUs * (1 + marginMs / 1000));
    return { intervalUs, toleranceUs: (Math.floor(burst) - 1) * intervalUs, slackUs: intervalUs - mallUs * (1 - marginMs / 1000) };
  }
  const { limit, intervalMs } = rate;
  if (!(limit >= 1) || !(intervalMs > 0) || !Number.isFinite(intervalMs)) {
    throw new RangeError(`rate limit for ${key} must have limit >= 1 and intervalMs > 0`);
  }
  const intervalUs = Math.ceil(((intervalMs + marginMs) * 1000) / limit);
  return { intervalUs, toleranceUs: 0, slackUs: intervalUs - (Math.max(0, intervalMs - marginMs) * 1000) / limit };
}

import type { Hooks } from '../http/hooks.js';
import { createThrottleLimiter, type Limiter, type RateLimit, type ThrottleLimiterOptions } from '../http/limiter.js';
import type { RetryOptions } from '../http/retry.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time/clock.js';

/** Options every connector takes besides its mall's credentials. */
export interface ConnectorOptions {
  /** Your name for the shop; defaults to the mall's shop identifier. Appears in orders and reports. */
  readonly shopId?: string;
  /** A fetch implementation (tests, proxies, undici agents). Default: the global fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** The mall's API root, e.g. a sandbox. Default: the mall's production URL. */
  readonly baseUrl?: string;
  /** Per-request timeout in ms (default 30 s). */
  readonly timeoutMs?: number;
  /** Retry policy overrides. */
  readonly retry?: Partial<RetryOptions>;
  /** The request rate this connector allows itself per credential (default: the mall's documented limit), or a shared Limiter. */
  readonly rateLimit?: RateLimit | Limiter;
  /** Where "now" comes from (default: the machine's clock). */
  readonly clock?: Clock;
  /**
   * Where the connector writes what it does (pino, winston, console…); fields are redacted first.
   * Default: silent for debug and info, `console` for warnings and errors.
   */
  readonly logger?: Logger;
  /**
   * Observers of every HTTP attempt (request, response, retry, throttle wait), for metrics and
   * tracing. Payloads are redacted; a hook that throws is logged and ignored.
   */
  readonly hooks?: Hooks;
  /** A credential that expires within this many days is reported as `expiring` (default 14). */
  readonly expiryWarningDays?: number;
}

/**
 * Turns the rateLimit option into a Limiter: the user's own Limiter as is, the user's rate as a
 * throttle, else the mall's default — a rate (per key, when it is a function) or a ready Limiter
 * such as a token bucket. `throttle` tunes the throttles created here (e.g. a larger margin).
 */
export function resolveLimiter(
  option: RateLimit | Limiter | undefined,
  mallDefault: RateLimit | ((key: string) => RateLimit) | Limiter,
  throttle: ThrottleLimiterOptions = {},
): Limiter {
  if (option && 'acquire' in option) return option;
  if (option) return createThrottleLimiter(option, throttle);
  if (typeof mallDefault === 'object' && 'acquire' in mallDefault) return mallDefault;
  return createThrottleLimiter(mallDefault, throttle);
}

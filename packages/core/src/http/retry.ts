import pRetry from 'p-retry';
import { MaintenanceError, RateLimitError } from '../errors/classes.js';
import { MallkitError } from '../errors/mallkit-error.js';
import type { Clock } from '../time/clock.js';

/** How the pipeline retries. Every field has a default; connectors and calls override parts. */
export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  readonly retries: number;
  /** First backoff delay (default 500 ms); doubles each retry up to maxDelayMs. */
  readonly minDelayMs: number;
  /** Longest backoff delay (default 20 s). */
  readonly maxDelayMs: number;
  /** First delay after a rate-limit answer (default 1 s): throttling wants a longer pause than a blip. */
  readonly rateLimitMinDelayMs: number;
  /** Total time budget across attempts and waits (default 2 min): after it, the last error is thrown. */
  readonly maxElapsedMs: number;
  /** Longest Retry-After honoured (default 60 s); a longer one ends the retries instead of hanging. */
  readonly maxRetryAfterMs: number;
  /** Randomize each delay between half and all of it (default true) so that workers do not retry in step. */
  readonly jitter: boolean;
}

/** The defaults of RetryOptions. */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  minDelayMs: 500,
  maxDelayMs: 20_000,
  rateLimitMinDelayMs: 1_000,
  maxElapsedMs: 120_000,
  maxRetryAfterMs: 60_000,
  jitter: true,
};

/** The delay before retry number `retry` (1-based) after `error`, Retry-After included. */
export function retryDelay(retry: number, error: unknown, options: RetryOptions, random: () => number = Math.random): number {
  const throttled = RateLimitError.isInstance(error) || MaintenanceError.isInstance(error);
  const base = throttled ? Math.max(options.minDelayMs, options.rateLimitMinDelayMs) : options.minDelayMs;
  const backoff = Math.min(options.maxDelayMs, base * 2 ** (retry - 1));
  const jittered = options.jitter ? backoff / 2 + (random() * backoff) / 2 : backoff;
  const retryAfter = MallkitError.isInstance(error) ? error.retryAfterMs : null;
  return Math.round(retryAfter !== null ? Math.max(retryAfter, jittered) : jittered);
}

/** Options of withRetry. */
export interface WithRetryOptions {
  readonly options: RetryOptions;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Whether this error may be retried (the pipeline also refuses ambiguous writes). */
  readonly shouldRetry: (error: unknown) => boolean;
  /** Called before each wait. */
  readonly onRetry?: (error: unknown, retry: number, delayMs: number) => void;
}

/**
 * Runs `attempt` with p-retry: only errors `shouldRetry` accepts are retried, with exponential
 * backoff and jitter, honouring Retry-After, within the total time budget. Waits go through the
 * clock so that they follow a sandbox clock and stop at once on abort. The thrown error carries
 * the number of attempts made.
 */
export async function withRetry<T>(attempt: (attemptNumber: number) => Promise<T>, config: WithRetryOptions): Promise<T> {
  const { options, clock, signal } = config;
  const started = clock.now();
  let attempts = 0;
  try {
    return await pRetry(
      async (attemptNumber) => {
        attempts = attemptNumber;
        return attempt(attemptNumber);
      },
      {
        retries: options.retries,
        // p-retry counts attempts and stops on abort; the waiting itself is ours (clock, Retry-After).
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        ...(signal ? { signal } : {}),
        shouldRetry: async ({ error, attemptNumber }) => {
          if (!config.shouldRetry(error)) return false;
          const retryAfter = MallkitError.isInstance(error) ? error.retryAfterMs : null;
          if (retryAfter !== null && retryAfter > options.maxRetryAfterMs) return false;
          const delay = retryDelay(attemptNumber, error, options);
          if (clock.now() - started + delay > options.maxElapsedMs) return false;
          config.onRetry?.(error, attemptNumber, delay);
          await clock.sleep(delay, signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (MallkitError.isInstance(error)) error.attempts = Math.max(attempts, 1);
    throw error;
  }
}

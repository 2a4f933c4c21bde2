import { z } from 'zod';
import type { MallId } from '../model/mall-id.js';
import type { CallOptions } from './connector.js';
import { parseInput } from './parse-input.js';

/** The longest per-request timeout a call may ask for (10 minutes): longer is a unit mistake. */
export const CALL_TIMEOUT_MAX_MS = 600_000;
/** The most retries a call may ask for; each retry waits longer, so more only delays the failure. */
export const CALL_RETRIES_MAX = 10;

const signalSchema = z.custom<AbortSignal>(
  (value) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function',
  'must be an AbortSignal (from an AbortController or AbortSignal.timeout())',
);

const callOptionsSchema = z
  .object({
    signal: signalSchema.optional(),
    timeoutMs: z
      .number('must be a number of milliseconds')
      .finite('must be a finite number of milliseconds')
      .min(1, 'must be at least 1 ms')
      .max(CALL_TIMEOUT_MAX_MS, `must be at most ${CALL_TIMEOUT_MAX_MS} ms (10 minutes)`)
      .optional(),
    retries: z
      .number('must be a whole number')
      .int('must be a whole number')
      .min(0, 'must not be negative: 0 means no retry')
      .max(CALL_RETRIES_MAX, `must be at most ${CALL_RETRIES_MAX}`)
      .optional(),
    onOrderError: z.custom<NonNullable<CallOptions['onOrderError']>>((value) => typeof value === 'function', 'must be a function').optional(),
  })
  .loose();

/**
 * Checks the per-call options of a connector method before anything is sent: `signal` an
 * AbortSignal, `timeoutMs` 1 ms–10 min, `retries` 0–10, `onOrderError` a function. Throws
 * ValidationError naming the field (`options.retries`). Unknown keys are ignored, so that options
 * objects shared with other code pass.
 */
export function parseCallOptions(options: unknown, context: { mall?: MallId | null; operation?: string } = {}): CallOptions {
  if (options === undefined || options === null) return {};
  return parseInput(callOptionsSchema, options, 'options', context) as CallOptions;
}

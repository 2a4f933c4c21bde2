import { z } from 'zod';
import type { MallId } from '../model/mall-id.js';
import { CALL_RETRIES_MAX, CALL_TIMEOUT_MAX_MS } from './call-options.js';
import type { ConnectorOptions } from './connector-options.js';
import { parseInput } from './parse-input.js';
import { secureUrlSchema } from './secure-url.js';
import { controlCharacterIn } from './text-rules.js';

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', `must be ${what}`);
const object = (what: string, methods: readonly string[]) =>
  z.custom<object>(
    (value) => typeof value === 'object' && value !== null && methods.every((name) => typeof (value as Record<string, unknown>)[name] === 'function'),
    `must be ${what} (with ${methods.join(', ')})`,
  );

const delay = (what: string) => z.number(`must be a number of milliseconds`).finite().min(0, `${what} must not be negative`);

const connectorOptionsSchema = z
  .object({
    shopId: z
      .string()
      .trim()
      .min(1, 'must not be empty: leave it out to use the mall\'s own shop identifier')
      .max(100, 'must be at most 100 characters')
      .refine((value) => controlCharacterIn(value) === null, 'must not contain control characters')
      .optional(),
    fetch: fn('a fetch function').optional(),
    baseUrl: secureUrlSchema.optional(),
    timeoutMs: z.number('must be a number of milliseconds').finite().min(1, 'must be at least 1 ms').max(CALL_TIMEOUT_MAX_MS, 'must be at most 10 minutes').optional(),
    retry: z
      .object({
        retries: z.number().int('must be a whole number').min(0, 'must not be negative: 0 means no retry').max(CALL_RETRIES_MAX).optional(),
        minDelayMs: delay('minDelayMs').optional(),
        maxDelayMs: delay('maxDelayMs').optional(),
        rateLimitMinDelayMs: delay('rateLimitMinDelayMs').optional(),
        maxElapsedMs: z.number().finite().positive('must be more than 0').optional(),
        maxRetryAfterMs: delay('maxRetryAfterMs').optional(),
        jitter: z.boolean().optional(),
      })
      .loose()
      .refine((retry) => retry.minDelayMs === undefined || retry.maxDelayMs === undefined || retry.maxDelayMs >= retry.minDelayMs, {
        message: 'maxDelayMs must not be below minDelayMs',
        path: ['maxDelayMs'],
      })
      .optional(),
    rateLimit: z
      .union([
        object('a Limiter', ['acquire']),
        z.object({ limit: z.number().int('must be a whole number').min(1, 'must be at least 1'), intervalMs: z.number().finite().positive('must be more than 0') }).loose(),
      ])
      .optional(),
    clock: object('a Clock', ['now', 'sleep']).optional(),
    logger: object('a Logger', ['debug', 'info', 'warn', 'error']).optional(),
    hooks: z.record(z.string(), fn('a function')).optional(),
    expiryWarningDays: z.number().int('must be a whole number of days').min(0).max(365, 'must be at most 365 days').optional(),
  })
  .loose();

/**
 * Checks the options every connector shares before anything is built or sent: a timeout of 1 ms
 * to 10 minutes, retry settings that make sense, a rate of at least one request per positive
 * interval (or a Limiter), an absolute http(s) base URL, objects of the right shape for fetch,
 * clock, logger and hooks. Throws ValidationError naming `options.<field>`; the mall's own options
 * pass untouched.
 */
export function checkConnectorOptions(options: ConnectorOptions, mall: MallId): void {
  parseInput(connectorOptionsSchema, options, 'options', { mall, operation: `create${mall[0]?.toUpperCase() ?? ''}${mall.slice(1)}Connector` });
}

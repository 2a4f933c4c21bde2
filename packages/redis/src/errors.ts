import { RateLimitError, markerCheck, type Hint } from '@mallkit/core';

const REDIS_UNAVAILABLE = Symbol.for('mallkit.error.redis-unavailable');

/** What the shop's operator should do when Redis does not answer. */
export const REDIS_UNAVAILABLE_HINT: Hint = {
  ja: 'Redis に接続できないか、応答が遅すぎます。Redis の稼働状況とネットワークを確認してください。復旧するまでモールへのリクエストは送信されません。',
  en: 'Redis is unreachable or too slow. Check that Redis is running and reachable; no request is sent to the mall until it answers.',
};

/** Which part of @mallkit/redis could not reach Redis. */
export type RedisOperation = 'limiter' | 'tokenStore' | 'lock';

/**
 * Redis did not answer in time, refused the connection, or answered with an error, so the shared
 * rate budget (or token store) could not be consulted and nothing was sent to the mall.
 *
 * It is a core `RateLimitError` on purpose (decision 0102): like a mall's QPS refusal it means
 * "not sent, try again later", so the pipeline retries it with its rate-limit backoff, writes
 * included, and never mistakes it for a write whose outcome is unknown. `mall` is null: the mall
 * was never asked.
 */
export class RedisUnavailableError extends RateLimitError {
  readonly [REDIS_UNAVAILABLE] = true;
  /** The part of @mallkit/redis that failed. */
  readonly redisOperation: RedisOperation;

  /** Creates the error. `cause` is reduced by core to a redacted name, message and code. */
  constructor(message: string, options: { readonly redisOperation: RedisOperation; readonly cause?: unknown }) {
    super(message, { mall: null, retryable: true, hint: REDIS_UNAVAILABLE_HINT, operation: options.redisOperation, cause: options.cause });
    this.redisOperation = options.redisOperation;
  }

  /** True for a RedisUnavailableError from any copy of the package. */
  static override isInstance(error: unknown): error is RedisUnavailableError {
    return markerCheck(REDIS_UNAVAILABLE)(error);
  }
}

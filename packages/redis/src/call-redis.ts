import { RedisUnavailableError, type RedisOperation } from './errors.js';
import { whenReady, type RedisClient } from './redis-client.js';

/** Options of {@link callRedis}. */
export interface CallRedisOptions<T> {
  /** Longest wait for the connection and the answer together. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /**
   * Receives an answer that arrived after the caller stopped waiting (timeout or abort), so that
   * what the command reserved in Redis can be given back.
   */
  readonly onLateResult?: (value: T) => void;
}

/** A copy of a client error with its name and message only: ioredis errors hold the command's arguments. */
function reduced(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const copy = new Error(error.message);
  copy.name = error.name;
  return copy;
}

/**
 * Sends one Redis command (or script) for `operation` with a deadline and the caller's signal.
 * Any failure — refused connection, closed client, error reply, no answer in time — becomes a
 * {@link RedisUnavailableError}; an abort rejects with the signal's reason, as everywhere in mallkit.
 */
export function callRedis<T>(redis: RedisClient, operation: RedisOperation, command: () => Promise<T>, options: CallRedisOptions<T>): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => {
      if (finish()) reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      if (finish()) reject(new RedisUnavailableError(`Redis did not answer within ${timeoutMs} ms`, { redisOperation: operation }));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    whenReady(redis)
      .then(() => (settled ? undefined : command().then((value) => ({ value }))))
      .then(
        (answer) => {
          if (answer === undefined) return;
          if (finish()) resolve(answer.value);
          else options.onLateResult?.(answer.value);
        },
        (error: unknown) => {
          if (finish()) reject(new RedisUnavailableError(`Redis ${operation} command failed: ${reduced(error).message}`, { redisOperation: operation, cause: reduced(error) }));
        },
      );
  });
}

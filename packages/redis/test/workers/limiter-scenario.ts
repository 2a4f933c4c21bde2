import { Redis } from 'ioredis';
import { createRedisLimiter, RedisUnavailableError, type SharedRate } from '../../src/index.js';
import { epochNow } from '../support/worker-protocol.js';

/** What the parent passes to a limiter scenario. */
export interface LimiterScenarioConfig {
  readonly port: number;
  readonly prefix: string;
  readonly key: string;
  readonly rate: SharedRate;
  readonly durationMs: number;
  /** Acquisitions in flight per worker. */
  readonly concurrency: number;
  readonly maxQueueMs?: number;
  readonly commandTimeoutMs?: number;
}

/** What each worker reports: when each grant came (epoch ms), and the errors it met. */
export interface LimiterScenarioResult {
  readonly grants: number[];
  readonly errors: { readonly at: number; readonly typed: boolean }[];
}

/**
 * Takes grants from the shared limiter in a loop for a fixed time. `prepare` connects and warms up
 * (connection, script cache, JIT) outside the measurement, as a long-running worker is.
 */
export async function prepareLimiterScenario(config: LimiterScenarioConfig, index: number): Promise<(startAt: number) => Promise<LimiterScenarioResult>> {
  const redis = new Redis({ port: config.port, host: '127.0.0.1', maxRetriesPerRequest: null, retryStrategy: () => 50 });
  // Connection errors while Redis restarts are expected; the limiter reports them as RedisUnavailableError.
  redis.on('error', () => undefined);
  const limiter = createRedisLimiter({
    redis,
    prefix: config.prefix,
    rate: (key) => (key.startsWith('warm') ? { limit: 1000, intervalMs: 1000 } : config.rate),
    ...(config.maxQueueMs !== undefined ? { maxQueueMs: config.maxQueueMs } : {}),
    ...(config.commandTimeoutMs !== undefined ? { commandTimeoutMs: config.commandTimeoutMs } : {}),
  });
  for (let i = 0; i < 20; i += 1) await limiter.acquire(`warm-${index}`);

  return async (startAt) => {
    const end = startAt + config.durationMs;
    const result: LimiterScenarioResult = { grants: [], errors: [] };
    await Promise.all(
      Array.from({ length: config.concurrency }, async () => {
        while (epochNow() < end) {
          try {
            await limiter.acquire(config.key);
          } catch (error) {
            result.errors.push({ at: epochNow(), typed: RedisUnavailableError.isInstance(error) });
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          const at = epochNow();
          if (at <= end) result.grants.push(at);
        }
      }),
    );
    redis.disconnect();
    return result;
  };
}

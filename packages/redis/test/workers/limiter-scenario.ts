import { Redis } from 'ioredis';
import { RedisUnavailableError, type SharedRate } from '../../src/index.js';
import { createObservedRedisLimiter } from '../../src/limiter/redis-limiter.js';
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

/** What each worker reports: when each grant came, the slots it entered, and the errors it met. */
export interface LimiterScenarioResult {
  /** When the worker got each grant (epoch ms, sub-ms): after the fact, as late as its process is. */
  readonly grants: number[];
  /** The same moments on the wall clock (`Date.now()`), which Redis's `TIME` reads too. */
  readonly grantClock: number[];
  /** Where each entered slot is on the schedule, ms of Redis's clock: what the limiter granted. */
  readonly slots: number[];
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
  let slots: number[] = [];
  const limiter = createObservedRedisLimiter({
    redis,
    prefix: config.prefix,
    rate: (key) => (key.startsWith('warm') ? { limit: 1000, intervalMs: 1000 } : config.rate),
    ...(config.maxQueueMs !== undefined ? { maxQueueMs: config.maxQueueMs } : {}),
    ...(config.commandTimeoutMs !== undefined ? { commandTimeoutMs: config.commandTimeoutMs } : {}),
  }, (slot) => void slots.push(slot.slotUs / 1000));
  for (let i = 0; i < 20; i += 1) {
    // On a starved machine an answer can miss the deadline: that is the outage tests' subject, not the warm-up's.
    await limiter.acquire(`warm-${index}`).catch((error: unknown) => {
      if (!RedisUnavailableError.isInstance(error)) throw error;
    });
  }

  return async (startAt) => {
    const end = startAt + config.durationMs;
    const result: LimiterScenarioResult = { grants: [], grantClock: [], slots: [], errors: [] };
    // The run's slots only (the warm-up's went to the previous array), all of them, as grantClock
    // has every grant, past the end too: the two are matched one to one.
    slots = result.slots;
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
          result.grantClock.push(Date.now());
          if (at <= end) result.grants.push(at);
        }
      }),
    );
    redis.disconnect();
    return result;
  };
}

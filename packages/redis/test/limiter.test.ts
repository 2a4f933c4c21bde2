import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLimiter, slotSchedule, type RedisLimiterOptions } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';

let server: RedisServer;
let redis: Redis;
let prefixes = 0;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis({ port: server.port, host: '127.0.0.1' });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** A limiter on its own prefix whose epoch already exists, so that no test pays the cold start unless it means to. */
async function limiterOn(options: Omit<RedisLimiterOptions, 'redis'>): Promise<ReturnType<typeof createRedisLimiter>> {
  const prefix = options.prefix ?? `unit-${(prefixes += 1)}`;
  const warm = createRedisLimiter({ redis, prefix, rate: { limit: 1000, intervalMs: 1000 }, maxQueueMs: 20 });
  await warm.acquire('warm-up');
  return createRedisLimiter({ redis, ...options, prefix });
}

async function grantTimes(limiter: ReturnType<typeof createRedisLimiter>, key: string, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: count }, () => limiter.acquire(key).then(() => times.push(performance.now()))));
  return times.sort((a, b) => a - b);
}

const gapsOf = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

describe('createRedisLimiter', () => {
  it('spaces the grants of one key evenly at the rate with the margin', async () => {
    const limiter = await limiterOn({ rate: { limit: 40, intervalMs: 1000 } });
    const times = await grantTimes(limiter, 'rakuten:key', 12);
    expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(25 * 0.95);
    // 11 intervals of (1000 + 25 ms margin) / 40 = 25.6 ms: the margin makes it slower, never faster.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(11 * 25);
  });

  it('lets a token bucket burst, then paces at the refill rate', async () => {
    const limiter = await limiterOn({ rate: { ratePerSecond: 20, burst: 4 } });
    const times = await grantTimes(limiter, 'amazon:seller|getOrders', 7);
    // The burst: four grants together, well inside one interval.
    expect(times[3]! - times[0]!).toBeLessThan(50);
    // After it, one per 50 ms × (1 + 25 ms / 1 s) ≈ 51.3 ms.
    for (const gap of gapsOf(times).slice(3)) expect(gap).toBeGreaterThanOrEqual(50 * 0.95);
  });

  it('keeps one budget per key, and reads the rate of each key from the rate function', async () => {
    const seen: string[] = [];
    const limiter = await limiterOn({
      rate: (key) => {
        seen.push(key);
        return key.endsWith('|fast') ? { limit: 100, intervalMs: 1000 } : { limit: 5, intervalMs: 1000 };
      },
    });
    await limiter.acquire('seller|slow');
    // The fast key does not queue behind the slow one's 210 ms interval.
    expect(await limiter.acquire('seller|fast')).toBeLessThan(150);
    expect(await limiter.acquire('seller|slow')).toBeGreaterThanOrEqual(150);
    expect(seen).toContain('seller|slow');
    expect(seen).toContain('seller|fast');
  });

  it('returns how long it waited', async () => {
    const limiter = await limiterOn({ rate: { limit: 10, intervalMs: 1000 } });
    expect(await limiter.acquire('k')).toBeLessThan(100);
    expect(await limiter.acquire('k')).toBeGreaterThanOrEqual(100);
  });

  it('rejects with the signal reason when aborted while waiting, and gives the unused slot back', async () => {
    const limiter = await limiterOn({ rate: { limit: 5, intervalMs: 1000 } }); // 210 ms apart
    await limiter.acquire('k');
    const controller = new AbortController();
    const waiting = limiter.acquire('k', controller.signal);
    setTimeout(() => controller.abort(new Error('sync cancelled')), 50);
    await expect(waiting).rejects.toThrow('sync cancelled');
    // The aborted caller held the latest slot: the next caller gets it instead of the one after.
    const waited = await limiter.acquire('k');
    expect(waited).toBeLessThan(210);
  });

  it('does not release a bunch of requests after a stall: late slots are reserved again', async () => {
    const limiter = await limiterOn({ rate: { limit: 10, intervalMs: 1000 } }); // 105 ms apart
    const times: number[] = [];
    const all = Promise.all(Array.from({ length: 4 }, () => limiter.acquire('k').then(() => times.push(performance.now()))));
    // Let the reservations go out, then block the event loop past the first three slots, as long
    // synchronous work in an OMS process would: their timers all fire at once when it ends.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const blockedUntil = performance.now() + 300;
    while (performance.now() < blockedUntil) {
      // busy
    }
    await all;
    times.sort((a, b) => a - b);
    expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(100 * 0.95);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = await limiterOn({ rate: { limit: 5, intervalMs: 1000 } });
    await expect(limiter.acquire('k', AbortSignal.abort(new Error('stopped')))).rejects.toThrow('stopped');
  });

  it('serves callers beyond the longest queue by asking again, still spaced', async () => {
    const limiter = await limiterOn({ rate: { limit: 40, intervalMs: 1000 }, maxQueueMs: 60 });
    const times = await grantTimes(limiter, 'k', 10);
    expect(times).toHaveLength(10);
    expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(25 * 0.95);
  });

  it('after Redis lost its data (no epoch), holds the first grant back past every slot promised before', async () => {
    const limiter = createRedisLimiter({ redis, prefix: 'fresh-redis', rate: { limit: 20, intervalMs: 1000 }, maxQueueMs: 300 });
    const waited = await limiter.acquire('k');
    // maxQueueMs + one interval (51.25 ms): slots promised before the loss were at most maxQueueMs ahead.
    expect(waited).toBeGreaterThanOrEqual(300 + 50);
    // Once the epoch exists, a quiet key (expired bucket) starts at once.
    expect(await limiter.acquire('another-key')).toBeLessThan(300);
  });

  it('refuses impossible rates and options', async () => {
    const limiter = createRedisLimiter({ redis, rate: { limit: 0, intervalMs: 1000 } });
    await expect(limiter.acquire('k')).rejects.toThrow(RangeError);
    expect(() => createRedisLimiter({ redis, rate: { limit: 1, intervalMs: 1000 }, marginMs: 1000 })).toThrow(RangeError);
    expect(() => slotSchedule({ ratePerSecond: 1, burst: 0 }, 25, 'k')).toThrow(RangeError);
  });

  it('turns rates into slot spacing the way core applies its margin', () => {
    // limit requests take intervalMs + marginMs; a slot may be entered until the next one would
    // follow closer than the mall's interval less the margin.
    expect(slotSchedule({ limit: 1, intervalMs: 1000 }, 25, 'k')).toEqual({ intervalUs: 1_025_000, toleranceUs: 0, slackUs: 50_000 });
    expect(slotSchedule({ limit: 20, intervalMs: 1000 }, 25, 'k')).toEqual({ intervalUs: 51_250, toleranceUs: 0, slackUs: 2_500 });
    const bucket = slotSchedule({ ratePerSecond: 2, burst: 3 }, 25, 'k');
    expect(bucket.intervalUs).toBe(512_500);
    expect(bucket.toleranceUs).toBe(2 * bucket.intervalUs);
  });
});

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisTokenStore } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import { CLOCK_TOLERANCE_MS, describeFigures, spacingFigures } from './support/spacing.js';
import { startWorkerPool, type WorkerPool } from './support/worker-pool.js';
import { epochNow } from './support/worker-protocol.js';
import type { LimiterScenarioConfig, LimiterScenarioResult } from './workers/limiter-scenario.js';
import type { TokenScenarioConfig, TokenScenarioResult } from './workers/token-scenario.js';

// Real worker processes (booted once, under tsx) sharing one Redis, as an OMS's workers do. The
// limiter runs at 20 requests/s, the mall's interval being 50 ms. The figures the issue asks for:
// no more grants than the rate allows, no two grants (of any processes) closer than 95% of the
// interval, each worker within ±20% of a fair share; one token refresh for all processes; and after
// a Redis restart the documented behaviour (decision 0102) with no burst. The gaps are those between
// the slots the limiter granted, on Redis's clock, and no grant may come before its slot: what the
// limiter guarantees, not how promptly a busy machine runs the process that got it (support/spacing).
const RATE = { limit: 20, intervalMs: 1000 } as const;
const INTERVAL_MS = RATE.intervalMs / RATE.limit;

let redis: RedisServer;
let pool: WorkerPool;
// Booting 8 processes under tsx is no timing figure: on 2 busy cores it can take most of a minute.
beforeAll(async () => {
  redis = await startRedisServer();
  pool = await startWorkerPool(8, 90_000);
}, 120_000);
afterAll(async () => {
  pool?.close();
  await redis?.stop();
});

describe('one rate budget shared by worker processes', () => {
  it.each([
    [4, 3_000],
    [8, 8_000],
  ])('%i workers for %i ms: granted ≤ ideal, smallest gap ≥ 95%% of the interval, shares within ±20%%', async (workers, durationMs) => {
    const config: LimiterScenarioConfig = { port: redis.port, prefix: `budget-${workers}`, key: 'rakuten:shared-credential', rate: RATE, durationMs, concurrency: 2 };
    const run = await pool.prepare<LimiterScenarioResult>(workers, 'limiter', config);
    run.start();
    const results = await run.results;
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const figures = spacingFigures(results, INTERVAL_MS, durationMs);
    process.stdout.write(describeFigures(`${workers} workers, ${durationMs} ms`, figures));

    expect(figures.granted).toBeLessThanOrEqual(figures.ideal);
    // Not a speed check: a run that granted almost nothing would pass the others trivially. On 2
    // cores at load 20–30 the late-entry protection grants 0.29–0.57 of the ideal (README figures).
    expect(figures.granted).toBeGreaterThan(figures.ideal / 4);
    expect(figures.minGapRatio).toBeGreaterThanOrEqual(0.95);
    expect(figures.earlyMs).toBeLessThanOrEqual(CLOCK_TOLERANCE_MS);
    for (const share of figures.shares) {
      expect(share).toBeGreaterThanOrEqual(0.8);
      expect(share).toBeLessThanOrEqual(1.2);
    }
  });
});

describe('one token refresh for every process', () => {
  it('100 concurrent callers in 4 processes with an expired token: one refresh, one onRefresh, one token for all', async () => {
    const client = new Redis({ port: redis.port, host: '127.0.0.1' });
    try {
      const store = createRedisTokenStore({ redis: client, prefix: 'tokens' });
      await store.set('amazon:seller-1', { accessToken: 'Atza|expired', expiresAt: Date.now() - 1_000, refreshToken: 'Atzr|original' });
      const config: TokenScenarioConfig = { port: redis.port, prefix: 'tokens', key: 'amazon:seller-1', callers: 25, refreshDelayMs: 150 };
      const run = await pool.prepare<TokenScenarioResult>(4, 'token', config);
      run.start(200);
      const results = await run.results;

      expect(results.reduce((sum, r) => sum + r.refreshes, 0)).toBe(1);
      const refresher = results.find((r) => r.refreshes === 1)!;
      // The rotated refresh token reached onRefresh once, in the process that received it.
      expect(results.flatMap((r) => r.onRefresh)).toEqual([`rotated-by-${refresher.pid}`]);
      expect(refresher.onRefresh).toHaveLength(1);
      // All 100 callers use the one new token.
      expect(new Set(results.flatMap((r) => r.accessTokens))).toEqual(new Set([`access-from-${refresher.pid}`]));
      // A process started later finds it, with the rotated refresh token, in Redis.
      expect(await store.get('amazon:seller-1')).toMatchObject({ accessToken: `access-from-${refresher.pid}`, refreshToken: `rotated-by-${refresher.pid}` });
    } finally {
      client.disconnect();
    }
  });
});

describe('Redis restarted mid-run (a crash: no persistence, every key lost)', () => {
  const MAX_QUEUE_MS = 400;
  const DURATION_MS = 3_500;

  it('typed errors while it is away, no burst when it is back, then the normal pace', async () => {
    const restarting = await startRedisServer();
    try {
      const config: LimiterScenarioConfig = {
        port: restarting.port,
        prefix: 'restart',
        key: 'yahoo:shared-credential',
        rate: RATE,
        durationMs: DURATION_MS,
        concurrency: 2,
        maxQueueMs: MAX_QUEUE_MS,
        commandTimeoutMs: 200,
      };
      const run = await pool.prepare<LimiterScenarioResult>(4, 'limiter', config);
      const startedAt = run.start();
      await new Promise((resolve) => setTimeout(resolve, startedAt - epochNow() + 1_000));
      const stoppedAt = epochNow();
      await restarting.stop();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await restarting.restart();
      const restartedAt = epochNow();
      const results = await run.results;

      const errors = results.flatMap((r) => r.errors);
      const grants = results.flatMap((r) => r.grants).sort((a, b) => a - b);
      const figures = spacingFigures(results, INTERVAL_MS, DURATION_MS);
      const firstAfter = grants.find((t) => t > restartedAt);
      process.stdout.write(describeFigures(`restart: ${errors.length} RedisUnavailableError while away`, figures));
      process.stdout.write(`restart: first grant ${firstAfter === undefined ? '-' : Math.round(firstAfter - restartedAt)} ms after Redis was back\n`);

      // While Redis is away: the typed, retryable error, and nothing else.
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.typed)).toBe(true);
      expect(errors.every((e) => e.at >= stoppedAt && e.at <= restartedAt + 500)).toBe(true);
      // Never a burst: before, during and after.
      expect(figures.granted).toBeLessThanOrEqual(figures.ideal);
      expect(figures.minGapRatio).toBeGreaterThanOrEqual(0.95);
      expect(figures.earlyMs).toBeLessThanOrEqual(CLOCK_TOLERANCE_MS);
      // Back: first the hold-back past every slot promised before the loss, then the pace.
      expect(firstAfter).toBeDefined();
      expect(firstAfter! - restartedAt).toBeGreaterThanOrEqual(MAX_QUEUE_MS);
      expect(grants.filter((t) => t > restartedAt + MAX_QUEUE_MS + 2 * INTERVAL_MS).length).toBeGreaterThan(5);
    } finally {
      await restarting.stop();
    }
  });
});

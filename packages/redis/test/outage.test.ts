import { createHttpPipeline, createRedactor, MallkitError, RateLimitError, silentLogger } from '@mallkit/core';
import { Redis } from 'ioredis';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLimiter, createRedisTokenStore, RedisUnavailableError } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';

// Decision 0102: when Redis is down or too slow, nothing is granted — acquire rejects with a typed,
// retryable RedisUnavailableError — so no process ever falls back to an unthrottled burst.

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis({ port: server.port, host: '127.0.0.1', maxRetriesPerRequest: null });
  // Create the epoch, so that no test here pays the cold start.
  await createRedisLimiter({ redis, rate: { limit: 1000, intervalMs: 1000 }, maxQueueMs: 20 }).acquire('warm-up');
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

function expectRedisUnavailable(error: unknown): void {
  expect(RedisUnavailableError.isInstance(error)).toBe(true);
  // A RateLimitError: not sent, retry later — the pipeline retries it, writes included.
  expect(RateLimitError.isInstance(error)).toBe(true);
  const typed = error as RedisUnavailableError;
  expect(typed.retryable).toBe(true);
  expect(typed.mall).toBeNull();
  expect(typed.hint?.ja).toContain('Redis');
  expect(typed.hint?.en).toContain('Redis');
}

describe('Redis too slow', () => {
  it('rejects after commandTimeoutMs, and gives back the slot its late reservation took', async () => {
    const rate = { limit: 1, intervalMs: 1000 }; // 1,050 ms apart
    await createRedisLimiter({ redis, prefix: 'slow', rate: { limit: 1000, intervalMs: 1000 }, maxQueueMs: 20 }).acquire('warm-up');
    const limiter = createRedisLimiter({ redis, prefix: 'slow', rate, commandTimeoutMs: 100 });
    const admin = new Redis({ port: server.port, host: '127.0.0.1' });
    try {
      await admin.call('CLIENT', 'PAUSE', '400', 'WRITE');
      const error: unknown = await limiter.acquire('k').catch((e: unknown) => e);
      expectRedisUnavailable(error);
      expect((error as Error).message).toContain('100 ms');
      await new Promise((resolve) => setTimeout(resolve, 600));
      // The reservation ran when the pause ended and was given back: the next caller does not
      // wait out the 1,050 ms interval of a slot nobody used.
      expect(await limiter.acquire('k')).toBeLessThan(400);
    } finally {
      admin.disconnect();
    }
  });
});

describe('Redis down', () => {
  let downServer: RedisServer;
  let down: Redis;
  beforeAll(async () => {
    downServer = await startRedisServer();
    down = new Redis({ port: downServer.port, host: '127.0.0.1', maxRetriesPerRequest: null, retryStrategy: () => 100 });
    down.on('error', () => undefined); // the application's client: its connection errors are ours to ignore here
    await down.ping();
    await downServer.stop();
  });
  afterAll(() => down?.disconnect());

  it('acquire rejects with RedisUnavailableError and grants nothing', async () => {
    const limiter = createRedisLimiter({ redis: down, rate: { limit: 10, intervalMs: 1000 }, commandTimeoutMs: 150 });
    const started = performance.now();
    const error: unknown = await limiter.acquire('k').catch((e: unknown) => e);
    expectRedisUnavailable(error);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('the token store rejects the same way, and the error never shows a token', async () => {
    const store = createRedisTokenStore({ redis: down, commandTimeoutMs: 150 });
    const error: unknown = await store.set('yahoo:store-1', { accessToken: 'ACCESS-SECRET-123', expiresAt: Date.now() + 3_600_000, refreshToken: 'REFRESH-SECRET-456' }).catch((e: unknown) => e);
    expectRedisUnavailable(error);
    const everything = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    expect(everything).not.toContain('SECRET');
    expectRedisUnavailable(await store.get('yahoo:store-1').catch((e: unknown) => e));
    expectRedisUnavailable(await store.lock('yahoo:store-1').catch((e: unknown) => e));
  });

  it("a connector's pipeline on the shared limiter retries, then throws RedisUnavailableError: the mall sees no request at all", async () => {
    let requests = 0;
    const mall = setupServer(
      http.post('https://mall.test/api/orders', () => {
        requests += 1;
        return HttpResponse.json({ orders: [] });
      }),
    );
    mall.listen({ onUnhandledRequest: 'error' });
    try {
      const pipeline = createHttpPipeline({
        mall: 'rakuten',
        baseUrl: 'https://mall.test/api',
        limiter: createRedisLimiter({ redis: down, rate: { limit: 5, intervalMs: 1000 }, commandTimeoutMs: 100 }),
        limiterKey: 'rakuten:shop-1',
        redactor: createRedactor([]),
        classify: () => undefined,
        logger: silentLogger,
        retry: { retries: 2, minDelayMs: 10, rateLimitMinDelayMs: 20, jitter: false },
      });
      // A write: retried all the same, because nothing was sent.
      const error: unknown = await pipeline.send({ operation: 'confirmOrder', method: 'POST', path: 'orders', json: {} }).catch((e: unknown) => e);
      expect(MallkitError.isInstance(error)).toBe(true);
      expectRedisUnavailable(error);
      expect((error as MallkitError).attempts).toBe(3);
      expect(requests).toBe(0);
    } finally {
      mall.close();
    }
  });
});

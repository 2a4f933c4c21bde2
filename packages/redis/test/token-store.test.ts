import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLock, createRedisTokenStore } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis({ port: server.port, host: '127.0.0.1' });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRedisTokenStore', () => {
  it('stores a token set for every process, without expiry, and reads back only what a token set has', async () => {
    const store = createRedisTokenStore({ redis, prefix: 'store' });
    expect(await store.get('yahoo:store-1')).toBeUndefined();
    await store.set('yahoo:store-1', { accessToken: 'a1', expiresAt: 1_000, refreshToken: 'r1', refreshTokenExpiresAt: 2_000 });
    const other = createRedisTokenStore({ redis, prefix: 'store' }); // another process, same Redis and prefix
    expect(await other.get('yahoo:store-1')).toEqual({ accessToken: 'a1', expiresAt: 1_000, refreshToken: 'r1', refreshTokenExpiresAt: 2_000 });
    expect(await redis.pttl('store:token:yahoo:store-1')).toBe(-1);

    await redis.set('store:token:broken', '{"accessToken": 42');
    expect(await store.get('broken')).toBeUndefined();
    await redis.set('store:token:other-shape', JSON.stringify({ token: 'x' }));
    expect(await store.get('other-shape')).toBeUndefined();
  });

  it('lets one process hold the refresh lock while the others wait for it', async () => {
    const store = createRedisTokenStore({ redis, prefix: 'lock-wait', lockPollMs: 10 });
    const release = await store.lock('amazon:seller');
    let waiterGotIt = false;
    const waiter = store.lock('amazon:seller').then((releaseSecond) => {
      waiterGotIt = true;
      return releaseSecond;
    });
    await sleep(80);
    expect(waiterGotIt).toBe(false);
    await release();
    await (await waiter)();
    expect(waiterGotIt).toBe(true);
  });

  it('stops waiting when the signal aborts', async () => {
    const store = createRedisTokenStore({ redis, prefix: 'lock-abort', lockPollMs: 10 });
    const release = await store.lock('k');
    await expect(store.lock('k', AbortSignal.timeout(60))).rejects.toThrow();
    await release();
  });
});

describe('createRedisLock', () => {
  it('frees the lock of a holder that died after ttlMs, and renews a living holder past it', async () => {
    const locks = createRedisLock({ redis, prefix: 'ttl', ttlMs: 150, pollMs: 10 });
    // A holder that crashed: its key is there, nobody renews it.
    await redis.set('ttl:lock:dead', 'crashed-owner', 'PX', 150);
    const started = performance.now();
    const taken = await locks.acquire('dead');
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    // Held by a living process: renewed every third of ttlMs, so still held well after it.
    await sleep(400);
    expect(await locks.tryAcquire('dead')).toBeNull();
    await taken.release();
    const again = await locks.tryAcquire('dead');
    expect(again).not.toBeNull();
    await again?.release();
  });

  it('never deletes a lock that another owner holds now', async () => {
    const locks = createRedisLock({ redis, prefix: 'owner', ttlMs: 1_000 });
    const held = await locks.tryAcquire('shop-a');
    expect(held).not.toBeNull();
    // Expired and taken by someone else meanwhile (a long pause of the first holder).
    await redis.set('owner:lock:shop-a', 'someone-else', 'PX', 1_000);
    await held!.release();
    expect(await redis.get('owner:lock:shop-a')).toBe('someone-else');
  });
});

import { describe, expect, it } from 'vitest';
import { createThrottleLimiter } from '../../src/http/limiter.js';
import { createTokenBucketLimiter } from '../../src/http/token-bucket-limiter.js';
import { createQpsGate } from '../../src/testing/qps-gate.js';

const settledFirst = async (promise: Promise<unknown>): Promise<boolean> =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);

describe('createThrottleLimiter', () => {
  it('never lets more than the limit through in any interval, as the mall counts them', async () => {
    const limiter = createThrottleLimiter({ limit: 20, intervalMs: 200 });
    const gate = createQpsGate({ limit: 20, intervalMs: 200 });
    await Promise.all(Array.from({ length: 60 }, () => limiter.acquire('shop-a').then(() => gate.admit('shop-a'))));
    expect(gate.violations).toBe(0);
  });

  it('keeps one budget per key: a busy key does not hold another back', async () => {
    const limiter = createThrottleLimiter({ limit: 1, intervalMs: 60_000 });
    await limiter.acquire('license-a');
    expect(await settledFirst(limiter.acquire('license-a'))).toBe(false); // waits for the next minute
    expect(await settledFirst(limiter.acquire('license-b'))).toBe(true);
  });

  it('takes the rate per key from a function (per operation usage plans)', async () => {
    const limiter = createThrottleLimiter((key) => (key.endsWith('searchOrders') ? { limit: 1, intervalMs: 60_000 } : { limit: 100, intervalMs: 1000 }));
    await limiter.acquire('seller:searchOrders');
    expect(await settledFirst(limiter.acquire('seller:searchOrders'))).toBe(false);
    expect(await settledFirst(limiter.acquire('seller:confirmShipment'))).toBe(true);
  });

  it('stops waiting when the caller aborts', async () => {
    const limiter = createThrottleLimiter({ limit: 1, intervalMs: 60_000 });
    await limiter.acquire('k');
    const controller = new AbortController();
    const waiting = limiter.acquire('k', controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
  });

  it('refuses a rate that cannot be kept', async () => {
    await expect(createThrottleLimiter({ limit: 0, intervalMs: 1000 }).acquire('k')).rejects.toThrow(RangeError);
  });
});

describe('createTokenBucketLimiter', () => {
  /** A clock whose sleeps advance virtual time at once: the bucket's arithmetic is checked without waiting. */
  function virtualClock() {
    let now = 0;
    const sleeps: number[] = [];
    return { sleeps, now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) };
  }

  it('lets a full bucket burst, then paces at the refill rate', async () => {
    const clock = virtualClock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 2, burst: 3 }, { clock, marginMs: 0, coldStartMs: 0 });
    for (let i = 0; i < 5; i += 1) await limiter.acquire('seller|getOrderItems');
    expect(clock.sleeps).toEqual([500, 500]); // three at once, then one per half second
  });

  it('mirrors the mall bucket: the mall never sees more than burst + rate × time', async () => {
    const clock = virtualClock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 4, burst: 2 }, { clock });
    const grants: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter.acquire('k').then(() => grants.push(clock.now()))));
    grants.forEach((at, i) => expect(i + 1).toBeLessThanOrEqual(2 + (at * 4) / 1000));
  });

  it('reads the rate on every acquisition, so a learned rate applies to the same bucket', async () => {
    const clock = virtualClock();
    let rate = 1;
    const limiter = createTokenBucketLimiter(() => ({ ratePerSecond: rate, burst: 1 }), { clock, marginMs: 0, coldStartMs: 0 });
    await limiter.acquire('k');
    await limiter.acquire('k');
    rate = 10;
    await limiter.acquire('k');
    expect(clock.sleeps).toEqual([1000, 100]);
  });

  it('rejects an impossible rate', async () => {
    await expect(createTokenBucketLimiter({ ratePerSecond: 0, burst: 1 }).acquire('k')).rejects.toThrow(RangeError);
  });
});

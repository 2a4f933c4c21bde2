import { describe, expect, it } from 'vitest';
import { createThrottleLimiter } from '../../src/http/limiter.js';
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

import { describe, expect, it } from 'vitest';
import { resolveLimiter } from '../../src/contract/connector-options.js';
import type { Limiter } from '../../src/http/limiter.js';

const settledFirst = async (promise: Promise<unknown>): Promise<boolean> =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);

describe('resolveLimiter', () => {
  const own: Limiter = { acquire: async () => 0 };
  const mallLimiter: Limiter = { acquire: async () => 0 };

  it("uses the user's Limiter, then the user's rate, then the mall's default", async () => {
    expect(resolveLimiter(own, { limit: 1, intervalMs: 1000 })).toBe(own);
    expect(resolveLimiter(undefined, mallLimiter)).toBe(mallLimiter);

    const userRate = resolveLimiter({ limit: 1, intervalMs: 60_000 }, mallLimiter);
    expect(userRate).not.toBe(mallLimiter);
    await userRate.acquire('k');
    expect(await settledFirst(userRate.acquire('k'))).toBe(false); // the user's 1/min holds

    const mallRate = resolveLimiter(undefined, { limit: 1, intervalMs: 60_000 });
    await mallRate.acquire('k');
    expect(await settledFirst(mallRate.acquire('k'))).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottleLimiter, type Limiter } from '../../src/http/limiter.js';
import { createTokenBucketLimiter } from '../../src/http/token-bucket-limiter.js';
import { createQpsGate, type QpsRule } from '../../src/testing/qps-gate.js';

/*
 * The limiters' margins are time (decision 0310): each request may reach the mall up to `marginMs`
 * later than the ones after it, and the first of a run up to `coldStartMs` more. These tests play
 * grants through a mall's gate with exactly those delays, and check the schedule itself on virtual
 * time: the margin no longer grows with the interval.
 */

/** How late each request reaches the mall: the first cold, then late and early in turns, the worst order for a window. */
function arrivalDelay(index: number, marginMs: number, coldStartMs: number): number {
  if (index === 0) return marginMs + coldStartMs;
  return index % 4 < 2 ? marginMs : 0;
}

/** Feeds arrivals to a gate in the order the mall would see them; returns its refusals. */
function refusals(rule: QpsRule, grants: readonly number[], delayOf: (index: number) => number): number {
  let now = 0;
  const gate = createQpsGate(rule, { now: () => now });
  const arrivals = grants.map((at, index) => at + delayOf(index)).sort((a, b) => a - b);
  for (const at of arrivals) {
    now = at;
    gate.admit('key');
  }
  return gate.violations;
}

/** Grant times of `count` acquisitions, one after another, on fake timers. */
async function grantTimes(limiter: Limiter, count: number, now: () => number): Promise<number[]> {
  const times: number[] = [];
  const run = (async () => {
    for (let i = 0; i < count; i += 1) {
      await limiter.acquire('key');
      times.push(now());
    }
  })();
  await vi.runAllTimersAsync();
  await run;
  return times;
}

describe('createThrottleLimiter margins', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spaces requests by the interval plus marginMs, and only the first gap of a run by coldStartMs more', async () => {
    const limiter = createThrottleLimiter({ limit: 1, intervalMs: 1000 }, { marginMs: 25, coldStartMs: 250 });
    const start = performance.now();
    const times = (await grantTimes(limiter, 4, () => performance.now())).map((at) => at - start);
    expect(times).toEqual([0, 1275, 2300, 3325]);
  });

  it('counts a request after 4 s without one as the first of a run again', async () => {
    const limiter = createThrottleLimiter({ limit: 1, intervalMs: 1000 }, { marginMs: 25, coldStartMs: 250 });
    await grantTimes(limiter, 1, () => performance.now());
    await vi.advanceTimersByTimeAsync(5_000);
    const start = performance.now();
    const times = (await grantTimes(limiter, 2, () => performance.now())).map((at) => at - start);
    expect(times).toEqual([0, 1275]);
  });

  it('lets a full window go at once after a pause, and keeps the cold request counted longer', async () => {
    const limiter = createThrottleLimiter({ limit: 3, intervalMs: 1000 }, { marginMs: 25, coldStartMs: 250 });
    const start = performance.now();
    const times: number[] = [];
    const all = Promise.all(Array.from({ length: 6 }, () => limiter.acquire('key').then(() => times.push(performance.now() - start))));
    await vi.runAllTimersAsync();
    await all;
    expect(times).toEqual([0, 0, 0, 1025, 1025, 1275]);
  });

  it('never breaks the mall window when requests arrive up to marginMs late (the first up to coldStartMs more)', async () => {
    const margins = { marginMs: 25, coldStartMs: 250 };
    const rate = { limit: 2, intervalMs: 1000 };
    const grants = await grantTimes(createThrottleLimiter(rate, margins), 12, () => performance.now());
    expect(refusals(rate, grants, (i) => arrivalDelay(i, margins.marginMs, margins.coldStartMs))).toBe(0);
    // Without the margins, the same delays break the window: the margins are what keeps it.
    const tight = await grantTimes(createThrottleLimiter(rate, { marginMs: 0, coldStartMs: 0 }), 12, () => performance.now());
    expect(refusals(rate, tight, (i) => arrivalDelay(i, margins.marginMs, margins.coldStartMs))).toBeGreaterThan(0);
  });

  it('refuses a negative or non-finite margin', () => {
    expect(() => createThrottleLimiter({ limit: 1, intervalMs: 1000 }, { marginMs: -1 })).toThrow(RangeError);
    expect(() => createThrottleLimiter({ limit: 1, intervalMs: 1000 }, { coldStartMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('createTokenBucketLimiter margins', () => {
  /** A clock whose sleeps advance virtual time at once. */
  function virtualClock() {
    let now = 0;
    const sleeps: number[] = [];
    return { sleeps, now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) };
  }

  it("refills at the plan's own rate after the burst: the margin comes out of the burst, not the rate", async () => {
    const clock = virtualClock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 2, burst: 3 }, { clock, marginMs: 25, coldStartMs: 0 });
    for (let i = 0; i < 6; i += 1) await limiter.acquire('seller|getOrder');
    // The third waits for the margin's share of a token; from then on one per 500 ms, the plan's rate.
    expect(clock.sleeps).toEqual([25, 500, 500, 500]);
  });

  it('never overdraws the mall bucket when requests arrive up to marginMs late (the first up to coldStartMs more)', async () => {
    const margins = { marginMs: 25, coldStartMs: 250 };
    const rule = { ratePerSecond: 4, burst: 2 };
    const grantsWith = async (options: { marginMs: number; coldStartMs: number }): Promise<number[]> => {
      const clock = virtualClock();
      const limiter = createTokenBucketLimiter(rule, { clock, ...options });
      const grants: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        await limiter.acquire('key');
        grants.push(clock.now());
      }
      return grants;
    };
    expect(refusals(rule, await grantsWith(margins), (i) => arrivalDelay(i, margins.marginMs, margins.coldStartMs))).toBe(0);
    const tight = await grantsWith({ marginMs: 0, coldStartMs: 0 });
    expect(refusals(rule, tight, (i) => arrivalDelay(i, margins.marginMs, margins.coldStartMs))).toBeGreaterThan(0);
  });

  it('never overdraws the mall bucket, whatever the callers, pauses and arrival delays within the margins (seeded)', async () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const refused: string[] = [];
    for (let trial = 0; trial < 60; trial += 1) {
      const rule = { ratePerSecond: [0.336, 1, 4, 100][trial % 4] ?? 1, burst: [20, 1, 2, 30, 3][trial % 5] ?? 1 };
      // Virtual time shared by several sequential callers: the earliest sleeper wakes first.
      let now = 0;
      const sleepers: Array<{ at: number; wake: () => void }> = [];
      const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((wake) => void sleepers.push({ at: now + ms, wake })) };
      const limiter = createTokenBucketLimiter(rule, { clock, marginMs: 25, coldStartMs: 250 });
      const arrivals: number[] = [];
      let lastGrant: number | null = null;
      const caller = async (): Promise<void> => {
        for (let i = 0; i < 12; i += 1) {
          await limiter.acquire('key');
          const cold = lastGrant === null || now - lastGrant >= 4_000;
          lastGrant = now;
          arrivals.push(now + random() * (cold ? 275 : 25));
          await clock.sleep(random() < 0.05 ? 5_000 : random() * 60);
        }
      };
      let done = false;
      void Promise.all([caller(), ...(trial % 2 === 0 ? [caller()] : [])]).then(() => (done = true));
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift();
        if (!next) continue;
        now = Math.max(now, next.at);
        next.wake();
      }
      const violations = refusals(rule, [...arrivals].sort((a, b) => a - b), () => 0);
      if (violations > 0) refused.push(`${rule.ratePerSecond}/s burst ${rule.burst}: ${violations}`);
    }
    expect(refused).toEqual([]);
  });

  it('a bucket of one spaces requests by the interval plus the margin', async () => {
    const clock = virtualClock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 1, burst: 1 }, { clock, marginMs: 25, coldStartMs: 250 });
    const grants: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await limiter.acquire('key');
      grants.push(clock.now());
    }
    // The first may reach the mall 250 ms late: the mall's bucket refills from then.
    expect(grants).toEqual([0, 1275, 2300]);
  });

  it('lets the rest of a full bucket go while a cold first request is on its way, and loses no refill to it', async () => {
    const grantsWith = async (coldStartMs: number): Promise<number[]> => {
      const clock = virtualClock();
      const limiter = createTokenBucketLimiter({ ratePerSecond: 100, burst: 30 }, { clock, marginMs: 25, coldStartMs });
      const grants: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        await limiter.acquire('key');
        grants.push(clock.now());
      }
      return grants;
    };
    const cold = await grantsWith(250);
    // The burst less the margin's 2.5 tokens at once, then one per 10 ms: the mall's bucket stays
    // full until the cold request arrives, so its late arrival costs the others nothing.
    expect(cold.filter((at) => at === 0)).toHaveLength(27);
    expect(cold).toEqual(await grantsWith(0));
  });
});

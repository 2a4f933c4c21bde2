import { describe, expect, it } from 'vitest';
import { createQpsGate } from '../../src/testing/qps-gate.js';

describe('createQpsGate', () => {
  it('admits up to the limit in a sliding window, per key, and counts refusals', () => {
    let now = 0;
    const gate = createQpsGate({ limit: 2, intervalMs: 1000 }, { now: () => now });
    expect(gate.admit('a')).toBe(true);
    now = 400;
    expect(gate.admit('a')).toBe(true);
    expect(gate.admit('a')).toBe(false);
    expect(gate.admit('b')).toBe(true); // another credential has its own budget
    expect(gate.violations).toBe(1);
    now = 999;
    expect(gate.admit('a')).toBe(false);
    now = 1000; // the first request left the window
    expect(gate.admit('a')).toBe(true);
    expect(gate.admit('a')).toBe(false);
    now = 1400;
    expect(gate.admit('a')).toBe(true);
    expect(gate.violations).toBe(3);
  });

  it('does not let refused requests use up the budget', () => {
    let now = 0;
    const gate = createQpsGate({ limit: 1, intervalMs: 1000 }, { now: () => now });
    gate.admit('k');
    for (let i = 0; i < 5; i += 1) {
      now += 100;
      gate.admit('k');
    }
    now = 1000;
    expect(gate.admit('k')).toBe(true);
  });

  it('resets windows and violations', () => {
    const gate = createQpsGate({ limit: 1, intervalMs: 60_000 });
    gate.admit('k');
    gate.admit('k');
    expect(gate.violations).toBe(1);
    gate.reset();
    expect(gate.violations).toBe(0);
    expect(gate.admit('k')).toBe(true);
  });

  it('admits everything with an infinite limit and rejects nonsense limits', () => {
    const gate = createQpsGate({ limit: Number.POSITIVE_INFINITY, intervalMs: 1000 });
    for (let i = 0; i < 100; i += 1) expect(gate.admit('k')).toBe(true);
    expect(() => createQpsGate({ limit: 0, intervalMs: 1000 })).toThrow(RangeError);
    expect(() => createQpsGate({ limit: 1.5, intervalMs: 1000 })).toThrow(RangeError);
    expect(() => createQpsGate({ limit: 1, intervalMs: 0 })).toThrow(RangeError);
  });

  it('plays a token bucket: a burst at once, then the refill rate, per key, with the rule read on every request', () => {
    let now = 0;
    let rate = 2;
    const gate = createQpsGate(() => ({ ratePerSecond: rate, burst: 3 }), { now: () => now });
    expect([gate.admit('k'), gate.admit('k'), gate.admit('k'), gate.admit('k')]).toEqual([true, true, true, false]);
    now = 499;
    expect(gate.admit('k')).toBe(false);
    now = 500; // one token back at 2 per second
    expect(gate.admit('k')).toBe(true);
    expect(gate.admit('other')).toBe(true);
    rate = 10; // a changed plan applies at once
    now = 600;
    expect(gate.admit('k')).toBe(true);
    expect(gate.violations).toBe(2);
  });

  it('refuses a bucket without rate or burst', () => {
    expect(() => createQpsGate({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => createQpsGate({ ratePerSecond: 1, burst: 0.5 })).toThrow(RangeError);
  });
});


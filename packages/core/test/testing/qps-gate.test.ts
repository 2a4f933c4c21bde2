import { describe, expect, it } from 'vitest';
import { createQpsGate } from '../../src/testing/qps-gate.js';

describe('createQpsGate', () => {
  it('admits up to the limit in a sliding window, per key, and counts refusals', () => {
    let now = 0;
    const gate = createQpsGate({ limit: 2, intervalMs: 1000, now: () => now });
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
    const gate = createQpsGate({ limit: 1, intervalMs: 1000, now: () => now });
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
});

import { describe, expect, it } from 'vitest';
import { createLatenessAllowance } from '../src/limiter/lateness.js';

describe('createLatenessAllowance', () => {
  it('holds the longest recent lateness, decays it at every grant, and never lengthens a slot more than one interval', () => {
    const allowance = createLatenessAllowance();
    expect(allowance.extraFor(50_000)).toBe(0);
    allowance.observe(4_000);
    expect(allowance.extraFor(50_000)).toBe(4_000);
    allowance.observe(1_000);
    expect(allowance.extraFor(50_000)).toBe(3_200);
    allowance.observe(200_000); // a stall
    expect(allowance.extraFor(50_000)).toBe(50_000);
    for (let i = 0; i < 30; i += 1) allowance.observe(0);
    expect(allowance.extraFor(50_000)).toBeLessThan(500);
  });
});

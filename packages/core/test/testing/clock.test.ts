import { describe, expect, it } from 'vitest';
import { createSandboxClock, DEFAULT_SANDBOX_START } from '../../src/testing/clock.js';

const START = Date.parse('2026-11-22T10:00:00+09:00');

describe('createSandboxClock', () => {
  it('starts at the real current time by default, so that "the last 7 days" means what a user expects', () => {
    const clock = createSandboxClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('starts at a given instant and formats in JST', () => {
    const clock = createSandboxClock(DEFAULT_SANDBOX_START);
    expect(DEFAULT_SANDBOX_START).toBe('2026-11-22T10:00:00+09:00');
    expect(clock.now() - START).toBeGreaterThanOrEqual(0);
    expect(clock.now() - START).toBeLessThan(1000);
    expect(clock.iso()).toBe('2026-11-22T10:00:00+09:00');
  });

  it('accepts a Date, an ISO string with offset, and reads a bare time as JST', () => {
    expect(createSandboxClock(new Date('2026-01-01T00:00:00Z')).iso()).toBe('2026-01-01T09:00:00+09:00');
    expect(createSandboxClock('2026-03-01T12:00:00Z').iso()).toBe('2026-03-01T21:00:00+09:00');
    expect(createSandboxClock('2026-03-01 12:00:00').iso()).toBe('2026-03-01T12:00:00+09:00');
    expect(() => createSandboxClock('not a date')).toThrow(RangeError);
  });

  it('keeps ticking in real time', async () => {
    const clock = createSandboxClock();
    const before = clock.now();
    await clock.sleep(40);
    expect(clock.now() - before).toBeGreaterThanOrEqual(35);
  });

  it('advances by hand without waiting, and set() jumps to an instant', () => {
    const clock = createSandboxClock(DEFAULT_SANDBOX_START);
    clock.advance(3 * 86_400_000);
    expect(clock.iso().slice(0, 16)).toBe('2026-11-25T10:00');
    clock.advance(90 * 60_000);
    expect(clock.iso().slice(0, 16)).toBe('2026-11-25T11:30');
    clock.set('2027-04-01T00:00:00+09:00');
    expect(clock.iso()).toBe('2027-04-01T00:00:00+09:00');
    clock.set(new Date(START));
    expect(clock.now() - START).toBeLessThan(1000);
  });

  it('refuses to advance backwards or by a non-number', () => {
    const clock = createSandboxClock();
    expect(() => clock.advance(-1)).toThrow(/set\(\)/);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.set(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('sleeps for real and rejects with the abort reason', async () => {
    const clock = createSandboxClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});

import { describe, expect, it } from 'vitest';
import { formatJst, parseJst } from '../src/time/jst.js';
import { halveWindow, splitWindow, type TimeWindow } from '../src/time/windows.js';

const SECOND = 1000;
const DAY = 86_400_000;

/** Checks the invariants every split must hold and returns the windows as JST strings. */
function checkCover(windows: readonly TimeWindow[], from: Date, to: Date, maxDays: number): string[][] {
  expect(windows[0]?.from.getTime()).toBe(from.getTime());
  expect(windows.at(-1)?.to.getTime()).toBe(to.getTime());
  windows.forEach((window, index) => {
    expect(window.to.getTime()).toBeGreaterThanOrEqual(window.from.getTime());
    expect(window.to.getTime() - window.from.getTime()).toBeLessThanOrEqual(maxDays * DAY - SECOND);
    const previous = windows[index - 1];
    if (previous) expect(window.from.getTime()).toBe(previous.to.getTime() + SECOND);
  });
  return windows.map((w) => [formatJst(w.from, 'space'), formatJst(w.to, 'space')]);
}

describe('splitWindow', () => {
  it('cuts a year into Rakuten 63-day windows that touch without overlapping', () => {
    const from = parseJst('2026-01-01 00:00:00');
    const to = parseJst('2026-12-31 23:59:59');
    const windows = splitWindow(from, to, 63);
    expect(checkCover(windows, from, to, 63)).toEqual([
      ['2026-01-01 00:00:00', '2026-03-04 23:59:59'],
      ['2026-03-05 00:00:00', '2026-05-06 23:59:59'],
      ['2026-05-07 00:00:00', '2026-07-08 23:59:59'],
      ['2026-07-09 00:00:00', '2026-09-09 23:59:59'],
      ['2026-09-10 00:00:00', '2026-11-11 23:59:59'],
      ['2026-11-12 00:00:00', '2026-12-31 23:59:59'],
    ]);
  });

  it('uses exactly 63 days when the span is exactly 63 days', () => {
    const from = parseJst('2026-11-01 00:00:00');
    const to = new Date(from.getTime() + 63 * DAY - SECOND);
    expect(splitWindow(from, to, 63)).toEqual([{ from, to }]);
  });

  it('opens a second window for one second past 63 days', () => {
    const from = parseJst('2026-11-01 00:00:00');
    const to = new Date(from.getTime() + 63 * DAY);
    const windows = splitWindow(from, to, 63);
    expect(windows).toHaveLength(2);
    expect(windows[1]).toEqual({ from: to, to });
  });

  it('handles a leap year and the year end', () => {
    const from = parseJst('2027-12-20 12:34:56');
    const to = parseJst('2028-03-05 08:00:00');
    expect(checkCover(splitWindow(from, to, 30), from, to, 30)).toEqual([
      ['2027-12-20 12:34:56', '2028-01-19 12:34:55'],
      ['2028-01-19 12:34:56', '2028-02-18 12:34:55'],
      ['2028-02-18 12:34:56', '2028-03-05 08:00:00'],
    ]);
  });

  it('returns one window of one second when from equals to', () => {
    const at = parseJst('2026-11-22 10:00:00');
    expect(splitWindow(at, at, 1)).toEqual([{ from: at, to: at }]);
  });

  it('returns no window when from is after to', () => {
    expect(splitWindow(parseJst('2026-11-22 10:00:01'), parseJst('2026-11-22 10:00:00'), 63)).toEqual([]);
  });

  it('covers every second exactly once', () => {
    const from = new Date(Date.UTC(2026, 0, 1));
    const to = new Date(from.getTime() + 59 * SECOND);
    const windows = splitWindow(from, to, 7 / 86_400); // seven-second windows
    const seconds = windows.flatMap((w) => {
      const out: number[] = [];
      for (let t = w.from.getTime(); t <= w.to.getTime(); t += SECOND) out.push(t);
      return out;
    });
    expect(seconds).toHaveLength(60);
    expect(new Set(seconds).size).toBe(60);
    expect(windows).toHaveLength(9);
    checkCover(windows, from, to, 7 / 86_400);
  });

  it('drops sub-second parts, as the malls take whole seconds', () => {
    const windows = splitWindow(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 700)), new Date(Date.UTC(2026, 0, 2, 0, 0, 0, 300)), 1);
    expect(windows).toEqual([
      { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 0, 1, 23, 59, 59)) },
      { from: new Date(Date.UTC(2026, 0, 2)), to: new Date(Date.UTC(2026, 0, 2)) },
    ]);
  });

  it('rejects invalid dates and maxDays shorter than a second', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    expect(() => splitWindow(new Date(Number.NaN), at, 1)).toThrow(RangeError);
    expect(() => splitWindow(at, at, 0)).toThrow(RangeError);
    expect(() => splitWindow(at, at, -1)).toThrow(RangeError);
    expect(() => splitWindow(at, at, Number.NaN)).toThrow(RangeError);
    expect(() => splitWindow(at, at, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('halveWindow', () => {
  it('splits at the middle second with no gap and no overlap', () => {
    const window = { from: parseJst('2026-11-01 00:00:00'), to: parseJst('2026-11-01 00:00:09') };
    const halves = halveWindow(window);
    expect(halves?.map((w) => [formatJst(w.from, 'space'), formatJst(w.to, 'space')])).toEqual([
      ['2026-11-01 00:00:00', '2026-11-01 00:00:04'],
      ['2026-11-01 00:00:05', '2026-11-01 00:00:09'],
    ]);
  });

  it('gives the extra second of an odd count to the first half', () => {
    const from = new Date(Date.UTC(2026, 0, 1));
    const halves = halveWindow({ from, to: new Date(from.getTime() + 2 * SECOND) });
    expect(halves).toEqual([
      { from, to: new Date(from.getTime() + SECOND) },
      { from: new Date(from.getTime() + 2 * SECOND), to: new Date(from.getTime() + 2 * SECOND) },
    ]);
  });

  it('splits a two-second window into two one-second windows', () => {
    const from = new Date(Date.UTC(2026, 0, 1));
    const to = new Date(from.getTime() + SECOND);
    expect(halveWindow({ from, to })).toEqual([
      { from, to: from },
      { from: to, to },
    ]);
  });

  it('returns null for a window of one second or less', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    expect(halveWindow({ from: at, to: at })).toBeNull();
    expect(halveWindow({ from: at, to: new Date(at.getTime() + 999) })).toBeNull();
    expect(halveWindow({ from: new Date(at.getTime() + SECOND), to: at })).toBeNull();
  });

  it('halves a 63-day window again and again down to single seconds, never losing a second', () => {
    const from = parseJst('2026-01-01 00:00:00');
    const to = new Date(from.getTime() + 63 * DAY - SECOND);
    let window: TimeWindow = { from, to };
    let steps = 0;
    for (let halves = halveWindow(window); halves !== null; halves = halveWindow(window)) {
      const [first, second] = halves;
      expect(first.from).toEqual(window.from);
      expect(second.to).toEqual(window.to);
      expect(second.from.getTime()).toBe(first.to.getTime() + SECOND);
      window = first;
      steps += 1;
    }
    expect(window.from).toEqual(window.to);
    // 63 days = 5,443,200 seconds: 23 halvings reach a single second (2^23 > 5,443,200 > 2^22).
    expect(steps).toBe(23);
  });
});

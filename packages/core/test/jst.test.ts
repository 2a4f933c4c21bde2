import { afterEach, describe, expect, it } from 'vitest';
import { daysBetween, formatJst, jstDateOf, parseJst, startOfJstDay, toEpochJst, toIsoJst, tryParseJst, type JstFormat } from '../src/time/jst.js';

// 2026-11-22T10:00:00+09:00, built from the UTC epoch so the machine's zone plays no part.
const SAMPLE = Date.UTC(2026, 10, 22, 1, 0, 0);

describe('formatJst', () => {
  const cases: ReadonlyArray<[JstFormat, string]> = [
    ['iso', '2026-11-22T10:00:00+09:00'],
    ['iso-compact-offset', '2026-11-22T10:00:00+0900'],
    ['compact', '20261122100000'],
    ['space', '2026-11-22 10:00:00'],
    ['date', '2026-11-22'],
    ['date-compact', '20261122'],
  ];

  it.each(cases)('writes the %s form', (format, expected) => {
    expect(formatJst(new Date(SAMPLE), format)).toBe(expected);
    expect(formatJst(SAMPLE, format)).toBe(expected);
  });

  it('defaults to iso', () => {
    expect(formatJst(SAMPLE)).toBe('2026-11-22T10:00:00+09:00');
  });

  it('moves to the next JST day from 15:00 UTC', () => {
    expect(formatJst(Date.UTC(2026, 10, 22, 14, 59, 59))).toBe('2026-11-22T23:59:59+09:00');
    expect(formatJst(Date.UTC(2026, 10, 22, 15, 0, 0))).toBe('2026-11-23T00:00:00+09:00');
  });

  it('crosses the year end: 2026-12-31T15:00Z is New Year in Japan', () => {
    expect(formatJst(Date.UTC(2026, 11, 31, 15, 0, 0), 'space')).toBe('2027-01-01 00:00:00');
    expect(formatJst(Date.UTC(2026, 11, 31, 14, 59, 59), 'compact')).toBe('20261231235959');
  });

  it('writes a leap day', () => {
    expect(formatJst(Date.UTC(2028, 1, 28, 15, 0, 0), 'date')).toBe('2028-02-29');
  });

  it('truncates milliseconds instead of rounding', () => {
    expect(formatJst(SAMPLE + 999)).toBe('2026-11-22T10:00:00+09:00');
  });

  it('formats instants before 1970', () => {
    expect(formatJst(Date.UTC(1969, 11, 31, 14, 59, 59, 500))).toBe('1969-12-31T23:59:59+09:00');
  });

  it('rejects an invalid date and an unknown format', () => {
    expect(() => formatJst(new Date('nope'))).toThrow(RangeError);
    expect(() => formatJst(Number.NaN)).toThrow(RangeError);
    expect(() => formatJst(SAMPLE, 'rfc' as JstFormat)).toThrow(RangeError);
  });
});

describe('time-zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([
    ['UTC', 1],
    ['America/Los_Angeles', 17],
    ['Asia/Tokyo', 10],
    ['Pacific/Kiritimati', 15],
  ] as const)('gives the same answers with TZ=%s', (zone, localHour) => {
    process.env.TZ = zone;
    // Proves the zone really changed for this process, so the assertions below mean something.
    expect(new Date(SAMPLE).getHours()).toBe(localHour);
    expect(formatJst(SAMPLE)).toBe('2026-11-22T10:00:00+09:00');
    expect(parseJst('2026-11-22 10:00:00').getTime()).toBe(SAMPLE);
    expect(parseJst('2026-11-22').getTime()).toBe(Date.UTC(2026, 10, 21, 15));
    expect(jstDateOf(Date.UTC(2026, 10, 22, 15))).toBe('2026-11-23');
    expect(startOfJstDay(SAMPLE).getTime()).toBe(Date.UTC(2026, 10, 21, 15));
  });
});

describe('parseJst', () => {
  it.each([
    '2026-11-22T10:00:00+09:00',
    '2026-11-22T10:00:00+0900',
    '2026-11-22T10:00:00+09',
    '2026-11-22T01:00:00Z',
    '2026-11-22T01:00:00z',
    '2026-11-21T20:00:00-05:00',
    '2026-11-22T10:00:00',
    '2026-11-22 10:00:00',
    '2026-11-22 10:00',
    '2026-11-22T10:00',
    '2026-11-22 10:00:00 +09:00',
    '2026/11/22 10:00:00',
    '2026/11/22 10:00',
    '20261122100000',
    '202611221000',
    '20261122T100000',
    '20261122100000+0900',
    '  2026-11-22T10:00:00+09:00\n',
  ])('reads %j as 2026-11-22 10:00 JST', (text) => {
    expect(parseJst(text).getTime()).toBe(SAMPLE);
  });

  it('reads a bare date as midnight JST, not midnight UTC', () => {
    const midnight = Date.UTC(2026, 10, 21, 15, 0, 0);
    expect(parseJst('2026-11-22').getTime()).toBe(midnight);
    expect(parseJst('20261122').getTime()).toBe(midnight);
    expect(parseJst('2026/11/22').getTime()).toBe(midnight);
    expect(new Date('2026-11-22').getTime()).not.toBe(midnight);
  });

  it('reads one-digit month, day and hour when separators make them unambiguous', () => {
    expect(parseJst('2026/1/5 9:05:00').getTime()).toBe(Date.UTC(2026, 0, 5, 0, 5, 0));
    expect(parseJst('2026-1-5').getTime()).toBe(Date.UTC(2026, 0, 4, 15));
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(parseJst('2026-11-22T10:00:00.5+09:00').getTime()).toBe(SAMPLE + 500);
    expect(parseJst('2026-11-22T10:00:00.123456Z').getTime()).toBe(Date.UTC(2026, 10, 22, 10, 0, 0, 123));
    expect(parseJst('2026-11-22 10:00:00,250').getTime()).toBe(SAMPLE + 250);
    expect(parseJst('20261122100000.007').getTime()).toBe(SAMPLE + 7);
  });

  it('honours offsets other than JST', () => {
    expect(parseJst('2026-11-22T10:00:00+05:30').getTime()).toBe(Date.UTC(2026, 10, 22, 4, 30));
    expect(parseJst('2026-11-22T10:00:00-0800').getTime()).toBe(Date.UTC(2026, 10, 22, 18, 0));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseJst('2028-02-29').getTime()).toBe(Date.UTC(2028, 1, 28, 15));
    expect(parseJst('2000-02-29 12:00:00').getTime()).toBe(Date.UTC(2000, 1, 29, 3));
    expect(() => parseJst('2026-02-29')).toThrow(RangeError);
    expect(() => parseJst('2100-02-29')).toThrow(RangeError);
  });

  it('reads the last second of the year', () => {
    expect(parseJst('2026-12-31 23:59:59').getTime()).toBe(Date.UTC(2026, 11, 31, 14, 59, 59));
    expect(parseJst('20270101000000').getTime()).toBe(Date.UTC(2026, 11, 31, 15, 0, 0));
  });

  it('does not shift two-digit years into the 1900s', () => {
    expect(parseJst('0099-01-01T00:00:00Z').getUTCFullYear()).toBe(99);
  });

  it.each([
    '',
    '   ',
    'yesterday',
    '2026-13-01',
    '2026-11-31',
    '2026-00-10',
    '2026-11-22T24:00:00',
    '2026-11-22T10:60:00',
    '2026-11-22T10:00:60',
    '2026-11-22T10:00:00+24:00',
    '2026-11-22T10:00:00+09:60',
    '2026-11/22',
    '2026112210',
    '2026-11-22T',
    '2026-11-22+09:00',
    '26-11-22',
    '2026-11-22T10:00:00+09:00 extra',
    '202611221000.5',
    '2026-11-22 10:00.5',
  ])('throws a RangeError naming %j', (text) => {
    expect(() => parseJst(text)).toThrow(RangeError);
    expect(() => parseJst(text)).toThrow(JSON.stringify(text));
  });
});

describe('tryParseJst', () => {
  it('returns null for nothing and for what it cannot read', () => {
    expect(tryParseJst(null)).toBeNull();
    expect(tryParseJst(undefined)).toBeNull();
    expect(tryParseJst('')).toBeNull();
    expect(tryParseJst('  ')).toBeNull();
    expect(tryParseJst('0000-00-00 00:00:00')).toBeNull();
  });

  it('returns the date otherwise', () => {
    expect(tryParseJst('2026-11-22 10:00:00')?.getTime()).toBe(SAMPLE);
  });
});

describe('toIsoJst', () => {
  it('normalizes every accepted input', () => {
    expect(toIsoJst('2026-11-22T01:00:00Z')).toBe('2026-11-22T10:00:00+09:00');
    expect(toIsoJst('2026-11-22T10:00:00+0900')).toBe('2026-11-22T10:00:00+09:00');
    expect(toIsoJst('20261122100000')).toBe('2026-11-22T10:00:00+09:00');
    expect(toIsoJst('2026/11/22')).toBe('2026-11-22T00:00:00+09:00');
    expect(toIsoJst(new Date(SAMPLE))).toBe('2026-11-22T10:00:00+09:00');
    expect(toIsoJst(SAMPLE)).toBe('2026-11-22T10:00:00+09:00');
  });

  it('throws on what it cannot read', () => {
    expect(() => toIsoJst('soon')).toThrow(RangeError);
  });

  it('keeps milliseconds when the instant has them, so that the instant does not change', () => {
    expect(toIsoJst('2019-05-07T15:42:57.058Z')).toBe('2019-05-08T00:42:57.058+09:00');
    expect(Date.parse(toIsoJst('2019-05-07T15:42:57.058Z'))).toBe(Date.parse('2019-05-07T15:42:57.058Z'));
    expect(toIsoJst(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 5)))).toBe('2026-01-01T09:00:00.005+09:00');
  });

  it('round-trips every format through parseJst', () => {
    const formats: JstFormat[] = ['iso', 'iso-compact-offset', 'compact', 'space'];
    for (const instant of [SAMPLE, Date.UTC(2028, 1, 28, 15, 30, 45), Date.UTC(2026, 11, 31, 14, 59, 59)]) {
      for (const format of formats) {
        expect(parseJst(formatJst(instant, format)).getTime()).toBe(instant);
      }
    }
  });
});

describe('jstDateOf and startOfJstDay', () => {
  it('gives the JST calendar day', () => {
    expect(jstDateOf(Date.UTC(2026, 10, 21, 15, 0, 0))).toBe('2026-11-22');
    expect(jstDateOf(new Date(Date.UTC(2026, 10, 21, 14, 59, 59)))).toBe('2026-11-21');
  });

  it('gives midnight JST of that day', () => {
    const midnight = Date.UTC(2026, 10, 21, 15, 0, 0);
    expect(startOfJstDay(SAMPLE).getTime()).toBe(midnight);
    expect(startOfJstDay(midnight).getTime()).toBe(midnight);
    expect(startOfJstDay(midnight - 1).getTime()).toBe(midnight - 86_400_000);
    expect(formatJst(startOfJstDay(Date.UTC(2028, 1, 29, 14, 0)))).toBe('2028-02-29T00:00:00+09:00');
  });

  it('rejects an invalid date', () => {
    expect(() => startOfJstDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  const day = 86_400_000;

  it('counts whole days, floored', () => {
    expect(daysBetween(SAMPLE, SAMPLE)).toBe(0);
    expect(daysBetween(SAMPLE, SAMPLE + day - 1)).toBe(0);
    expect(daysBetween(SAMPLE, SAMPLE + day)).toBe(1);
    expect(daysBetween(new Date(SAMPLE), new Date(SAMPLE + 63 * day))).toBe(63);
  });

  it('is negative when `to` is before `from`', () => {
    expect(daysBetween(SAMPLE, SAMPLE - 1)).toBe(-1);
    expect(daysBetween(SAMPLE, SAMPLE - day)).toBe(-1);
    expect(daysBetween(SAMPLE, SAMPLE - day - 1)).toBe(-2);
  });

  it('counts elapsed time, not calendar days', () => {
    expect(daysBetween(parseJst('2026-11-22 23:00'), parseJst('2026-11-23 01:00'))).toBe(0);
  });

  it('spans a leap day', () => {
    expect(daysBetween(parseJst('2028-02-28'), parseJst('2028-03-01'))).toBe(2);
    expect(daysBetween(parseJst('2026-02-28'), parseJst('2026-03-01'))).toBe(1);
  });
});

describe('toEpochJst', () => {
  it('reads a date option as users give it: epoch ms, Date, or a string that is JST without an offset', () => {
    expect(toEpochJst(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(toEpochJst(new Date('2026-04-01T00:00:00Z'))).toBe(Date.parse('2026-04-01T00:00:00Z'));
    expect(toEpochJst('2026-04-01')).toBe(Date.parse('2026-04-01T00:00:00+09:00'));
    expect(toEpochJst('2026-04-01T09:00:00Z')).toBe(Date.parse('2026-04-01T09:00:00Z'));
    expect(() => toEpochJst('someday')).toThrow(RangeError);
  });
});

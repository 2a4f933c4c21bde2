/*
 * Japan Standard Time is UTC+9 all year (no daylight saving since 1951), so every conversion here
 * is plain arithmetic on epoch milliseconds and the getUTC* accessors. Nothing reads the machine's
 * time zone: a server in UTC and a laptop in Tokyo format and parse the same way.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * HOUR_MS;

/**
 * The shapes the malls write dates in, all in JST:
 * - `iso`: `2026-11-22T10:00:00+09:00` (Yahoo, Amazon, mallkit's own model)
 * - `iso-compact-offset`: `2026-11-22T10:00:00+0900` (Rakuten RMS)
 * - `compact`: `20261122100000` (Yahoo order search)
 * - `space`: `2026-11-22 10:00:00`
 * - `date`: `2026-11-22`
 * - `date-compact`: `20261122`
 */
export type JstFormat = 'iso' | 'iso-compact-offset' | 'compact' | 'space' | 'date' | 'date-compact';

function toEpochMs(date: Date | number, what: string): number {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: invalid date`);
  return ms;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats an instant as JST wall-clock time in one of the malls' shapes (default `iso`).
 * Milliseconds are dropped (truncated), since no mall takes them. Throws a RangeError for an
 * invalid Date or a year outside 0000–9999, which no four-digit format can hold.
 */
export function formatJst(date: Date | number, format: JstFormat = 'iso'): string {
  // Shifting the epoch by +9h makes the UTC accessors read JST wall-clock fields.
  const wall = new Date(toEpochMs(date, 'formatJst') + JST_OFFSET_MS);
  const year = wall.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`formatJst: year ${year} does not fit a four-digit format`);
  const y = pad(year, 4);
  const mo = pad(wall.getUTCMonth() + 1);
  const d = pad(wall.getUTCDate());
  const h = pad(wall.getUTCHours());
  const mi = pad(wall.getUTCMinutes());
  const s = pad(wall.getUTCSeconds());
  switch (format) {
    case 'iso':
      return `${y}-${mo}-${d}T${h}:${mi}:${s}+09:00`;
    case 'iso-compact-offset':
      return `${y}-${mo}-${d}T${h}:${mi}:${s}+0900`;
    case 'compact':
      return `${y}${mo}${d}${h}${mi}${s}`;
    case 'space':
      return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
    case 'date':
      return `${y}-${mo}-${d}`;
    case 'date-compact':
      return `${y}${mo}${d}`;
    default:
      // Unreachable from TypeScript; a JavaScript caller may still pass anything.
      throw new RangeError(`formatJst: unknown format ${JSON.stringify(format)}`);
  }
}

/*
 * Two grammars rather than one regular expression with optional separators everywhere: with
 * separators the fields may be one or two digits (`2026/1/5 9:05`); without them every field must
 * have its full width, or `2026112210` would be ambiguous.
 */
const SEPARATED =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT =
  /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface Fields {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string | undefined;
  readonly minute: string | undefined;
  readonly second: string | undefined;
  readonly fraction: string | undefined;
  readonly offset: string | undefined;
}

function match(text: string): Fields | null {
  const separated = SEPARATED.exec(text);
  if (separated) {
    const [, year = '', , month = '', day = '', hour, minute, second, fraction, offset] = separated;
    return { year, month, day, hour, minute, second, fraction, offset };
  }
  const compact = COMPACT.exec(text);
  if (compact) {
    const [, year = '', month = '', day = '', hour, minute, second, fraction, offset] = compact;
    return { year, month, day, hour, minute, second, fraction, offset };
  }
  return null;
}

/** Offset in minutes east of UTC; no offset means the malls' JST. `null` when out of range. */
function offsetMinutes(offset: string | undefined): number | null {
  if (offset === undefined) return 9 * 60;
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return null;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one, leap years included.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

function toEpoch(fields: Fields): number | null {
  const year = Number(fields.year);
  const month = Number(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour ?? 0);
  const minute = Number(fields.minute ?? 0);
  const second = Number(fields.second ?? 0);
  // Anything finer than milliseconds is truncated, as Date cannot hold it.
  const millis = fields.fraction === undefined ? 0 : Number(fields.fraction.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = offsetMinutes(fields.offset);
  if (offset === null) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millis);
  return wall.getTime() - offset * 60_000;
}

/**
 * Parses a date or date-time as the malls write it. Accepts every {@link JstFormat} shape, `T` or a
 * space between date and time, `/` instead of `-` (`2026/11/22 10:00:00`, `2026/1/5`), missing
 * seconds, fractional seconds, and an offset (`+09:00`, `+0900`, `Z`, or any other, honoured).
 * Without an offset the value is JST; a bare date is midnight JST (unlike `new Date('2026-11-22')`,
 * which is midnight UTC). Throws a RangeError naming the value when it cannot parse; connectors
 * wrap it in their own error.
 */
export function parseJst(value: string): Date {
  const fields = match(value.trim());
  const epoch = fields === null ? null : toEpoch(fields);
  if (epoch === null) throw new RangeError(`Not a date mallkit can read: ${JSON.stringify(value)}`);
  return new Date(epoch);
}

/** Like {@link parseJst}, but returns `null` for null, undefined, blank or unreadable values. */
export function tryParseJst(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    return parseJst(value);
  } catch {
    return null;
  }
}

/**
 * Normalizes any accepted string, Date or epoch milliseconds to `YYYY-MM-DDTHH:mm:ss+09:00` — with
 * `.sss` milliseconds when the instant has them, so that a mall's `…T15:42:57.058Z` keeps its exact
 * instant (the normalized model's times must compare equal to the mall's).
 */
export function toIsoJst(value: string | Date | number): string {
  const date = typeof value === 'string' ? parseJst(value) : value;
  const iso = formatJst(date, 'iso');
  const millis = toEpochMs(date, 'toIsoJst') % 1000;
  const fraction = (millis + 1000) % 1000;
  return fraction === 0 ? iso : `${iso.slice(0, 19)}.${String(fraction).padStart(3, '0')}${iso.slice(19)}`;
}

/**
 * A date option as users give it — a Date, epoch ms, or a string read by {@link parseJst} (JST
 * when it has no offset, as shops copy dates from mall screens) — as epoch ms.
 */
export function toEpochJst(value: Date | string | number): number {
  if (typeof value === 'number') return value;
  return value instanceof Date ? value.getTime() : parseJst(value).getTime();
}

/** The JST calendar day of an instant, `YYYY-MM-DD`. */
export function jstDateOf(date: Date | number): string {
  return formatJst(date, 'date');
}

/** Midnight JST at the start of the JST calendar day that contains the instant. */
export function startOfJstDay(date: Date | number): Date {
  const ms = toEpochMs(date, 'startOfJstDay');
  return new Date(Math.floor((ms + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS);
}

/**
 * Whole 24-hour periods from `from` to `to`, floored: 36 hours is 1, minus 1 hour is -1. It counts
 * elapsed time, not calendar days (23:00 to 01:00 the next day is 0); compare {@link jstDateOf}
 * values or {@link startOfJstDay} results when calendar days are meant.
 */
export function daysBetween(from: Date | number, to: Date | number): number {
  return Math.floor((toEpochMs(to, 'daysBetween') - toEpochMs(from, 'daysBetween')) / DAY_MS);
}

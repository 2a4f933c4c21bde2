import { toIsoJst, tryParseJst, type OrderWarning } from '@mallkit/core';

/**
 * An RMS datetime or date (`2023-04-17T13:01:20+0900`, `2026-11-28`, or the license API's bare
 * `2026-11-28T23:59:59`, all JST) as ISO 8601 with `+09:00`; null when absent or unreadable.
 */
export function isoJstOrNull(value: string | null | undefined): string | null {
  const date = tryParseJst(value);
  return date === null ? null : toIsoJst(date);
}

function unparsed(field: string, raw: string, what: string): OrderWarning {
  return {
    code: 'unparsed_value',
    field,
    message: { ja: `楽天の${what}「${raw}」を日時として読めませんでした。null にしています。`, en: `Rakuten's ${what} "${raw}" is not a date mallkit can read; it was set to null.` },
    raw,
  };
}

/** An optional RMS datetime as ISO `+09:00`; an unreadable one is null with an `unparsed_value` warning. */
export function readDatetime(value: string | null | undefined, field: string, warnings: OrderWarning[]): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const iso = isoJstOrNull(value);
  if (iso === null) warnings.push(unparsed(field, value, field));
  return iso;
}

/** An optional RMS date (`YYYY-MM-DD`) as it is; one that is not a calendar date is null with an `unparsed_value` warning. */
export function readDay(value: string | null | undefined, field: string, warnings: OrderWarning[]): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const day = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(day) && tryParseJst(day) !== null) return day;
  warnings.push(unparsed(field, value, field));
  return null;
}

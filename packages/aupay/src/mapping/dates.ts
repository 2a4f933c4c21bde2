import { formatJst, tryParseJst } from '@mallkit/core';

/*
 * au PAY writes dates as JST wall-clock text without an offset: orderDate `YYYY/MM/DD HH:MM`
 * (sometimes with `:SS`), dates `YYYY/MM/DD`. Searches take `YYYYMMDD`. The ship date au PAY
 * expects in updateTradeInfoProc is UNCERTAIN: working clients send `YYYY/MM/DD`, `YYYYMMDD` and
 * `YYYY-MM-DD`; it is written by one formatter, so that changing the choice is one option.
 */

/** The ship-date shapes seen in working clients; the first is the default. */
export const SHIPPING_DATE_FORMATS = ['YYYY/MM/DD', 'YYYYMMDD', 'YYYY-MM-DD'] as const;

/** How shippingDate is written in updateTradeInfoProc. */
export type AupayShippingDateFormat = (typeof SHIPPING_DATE_FORMATS)[number];

/** Writes a JST calendar day (`YYYY-MM-DD`) as au PAY's shippingDate. */
export function formatShippingDate(day: string, format: AupayShippingDateFormat): string {
  if (format === 'YYYY-MM-DD') return day;
  return format === 'YYYYMMDD' ? day.replaceAll('-', '') : day.replaceAll('-', '/');
}

/** The JST calendar day of an instant as a search takes it, `YYYYMMDD`. */
export function searchDay(instant: Date | number): string {
  return formatJst(instant, 'date-compact');
}

/** The day after a `YYYYMMDD` day, `YYYYMMDD`. */
export function nextSearchDay(day: string): string {
  const start = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return new Date(start + 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** An au PAY date (`YYYY/MM/DD`, or with a time) as `YYYY-MM-DD`, or null when empty or unreadable. */
export function calendarDayOf(value: string | undefined): string | null {
  const date = tryParseJst(value);
  return date === null ? null : formatJst(date, 'date');
}

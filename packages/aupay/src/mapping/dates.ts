import { formatJst } from '@mallkit/core';

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

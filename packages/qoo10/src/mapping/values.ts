import { cleanText, toIsoJst, tryParseJst } from '@mallkit/core';

/*
 * Small readers of Qoo10's wire values: dates `YYYY-MM-DD HH:mm:ss` in JST (empty when not set),
 * money as JSON numbers (Decimal on Qoo10's side) or numeric strings. Text goes through core's
 * cleanText (trimmed, null when blank).
 */

/** A JST date-time as ISO 8601 with +09:00, or null when absent, blank or unreadable. */
export function isoTime(value: string | null | undefined): string | null {
  const date = tryParseJst(cleanText(value));
  return date === null ? null : toIsoJst(date);
}

/** The `YYYY-MM-DD` part of a date, or null. */
export function calendarDay(value: string | null | undefined): string | null {
  const day = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(cleanText(value) ?? '');
  return day ? `${day[1]}-${day[2]}-${day[3]}` : null;
}

/** Money in integer yen (Qoo10's Decimal rounded), 0 for absent or blank. Throws RangeError for text that is not a number. */
export function yen(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const amount = typeof value === 'number' ? value : Number(value.replace(/,/g, ''));
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${JSON.stringify(value)}`);
  return Math.round(amount);
}

/**
 * A cart-level amount Qoo10 prints on each line row (ShippingRate, cart discounts). Whether each
 * row repeats the cart's value or carries its own share is not documented: equal non-zero values
 * are read as one repeated value, different ones as shares to add up. UNVERIFIED.
 */
export function cartAmount(values: ReadonlyArray<number | string | null | undefined>): number {
  const amounts = values.map(yen).filter((amount) => amount !== 0);
  if (amounts.length === 0) return 0;
  return amounts.every((amount) => amount === amounts[0]) ? (amounts[0] as number) : amounts.reduce((a, b) => a + b, 0);
}

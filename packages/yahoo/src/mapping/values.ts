import { formatJst, toIsoJst, tryParseJst } from '@mallkit/core';

/*
 * Reading Yahoo's text values. Everything arrives as a string (the parser keeps leading zeros);
 * booleans are `true`/`false` on newer fields and `1`/`0` on older ones; dates come in three
 * shapes (`2012-04-19T16:10:40`, `…+09:00`, `20121221231350`) plus plain `YYYY-MM-DD`.
 */

/** A trimmed string, or null when absent or blank. */
export function str(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An integer (yen, counts), or null when absent, blank or not a number. */
export function int(value: string | undefined | null): number | null {
  const text = str(value);
  if (text === null || !/^-?\d+(\.0+)?$/.test(text.replace(/,/g, ''))) return null;
  return Number.parseInt(text.replace(/,/g, ''), 10);
}

/** `true`/`1` are true; everything else, absence included, is false. */
export function bool(value: string | undefined | null): boolean {
  const text = str(value)?.toLowerCase();
  return text === 'true' || text === '1';
}

/** An ISO 8601 JST instant from any of Yahoo's date shapes, or null. Milliseconds, when sent, are kept: the instant must not change. */
export function isoTime(value: string | undefined | null): string | null {
  const date = tryParseJst(str(value));
  return date ? toIsoJst(date) : null;
}

/** A `YYYY-MM-DD` JST date from any of Yahoo's date shapes, or null. */
export function isoDate(value: string | undefined | null): string | null {
  const date = tryParseJst(str(value));
  return date ? formatJst(date, 'date') : null;
}

/** Postal codes as the model keeps them: seven digits without the hyphen, else as sent. */
export function postalCode(value: string | undefined | null): string | null {
  const text = str(value);
  if (text === null) return null;
  const digits = text.normalize('NFKC').replace(/[-ー‐−\s]/g, '');
  return /^\d{7}$/.test(digits) ? digits : text;
}

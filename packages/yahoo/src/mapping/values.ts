import { cleanText, formatJst, toIsoJst, tryParseJst } from '@mallkit/core';

/*
 * Reading Yahoo's text values (core's cleanText trims and turns blanks into null). Everything
 * arrives as a string (the parser keeps leading zeros); booleans are `true`/`false` on newer
 * fields and `1`/`0` on older ones; dates come in three shapes (`2012-04-19T16:10:40`,
 * `…+09:00`, `20121221231350`) plus plain `YYYY-MM-DD`.
 */

/** An integer (yen, counts), or null when absent, blank or not a number. */
export function int(value: string | undefined | null): number | null {
  const text = cleanText(value)?.replace(/,/g, '');
  if (text === undefined || !/^-?\d+(\.0+)?$/.test(text)) return null;
  return Number.parseInt(text, 10);
}

/** `true`/`1` are true; everything else, absence included, is false. */
export function bool(value: string | undefined | null): boolean {
  const text = cleanText(value)?.toLowerCase();
  return text === 'true' || text === '1';
}

/** An ISO 8601 JST instant from any of Yahoo's date shapes, or null. Milliseconds, when sent, are kept: the instant must not change. */
export function isoTime(value: string | undefined | null): string | null {
  const date = tryParseJst(cleanText(value));
  return date ? toIsoJst(date) : null;
}

/** A `YYYY-MM-DD` JST date from any of Yahoo's date shapes, or null. */
export function isoDate(value: string | undefined | null): string | null {
  const date = tryParseJst(cleanText(value));
  return date ? formatJst(date, 'date') : null;
}

/**
 * SP-API money amounts are decimal strings ("1980", "1980.00", "-50"). Yen has no minor unit, so
 * the string is read digit by digit into an integer: no float ever touches it. A fraction other
 * than zeros, a foreign currency or an unreadable string gives null, and the caller warns.
 */
const DECIMAL = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/;

/** Parses a yen amount string exactly; null when it is not a whole number of yen. */
export function parseYen(amount: string | null | undefined, currencyCode?: string | null): number | null {
  if (amount === null || amount === undefined) return null;
  if (currencyCode !== undefined && currencyCode !== null && currencyCode !== '' && currencyCode !== 'JPY') return null;
  const match = DECIMAL.exec(amount);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (!/^0*$/.test(fraction)) return null;
  const value = Number.parseInt(whole, 10);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** Adds amounts that may be missing: null only when every part is null. */
export function sumYen(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

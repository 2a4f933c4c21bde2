/** Small statistics for bench figures: medians resist the outliers a shared machine produces. */

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `value` rounded to `digits` significant digits, as a number (results keep numbers, not strings). */
export function significant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** `value` rounded to `places` decimal places. */
export function fixed(value: number, places = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Bytes as kilobytes (1,000 bytes, as bundle sizes are usually quoted), one decimal. */
export function kilobytes(bytes: number): number {
  return fixed(bytes / 1000, 1);
}

/** Bytes as megabytes (1,000,000 bytes), one decimal. */
export function megabytes(bytes: number): number {
  return fixed(bytes / 1_000_000, 1);
}

/** A yen amount as makeshop may send it: a number or digits (commas allowed). Null when absent or unreadable. */
export function yenOf(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const digits = value.trim().replace(/,/g, '');
  return /^-?\d+$/.test(digits) ? Number(digits) : null;
}

/** Whether a value was sent but is not a readable yen amount. */
export function unreadableYen(value: number | string | null | undefined): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '') && yenOf(value) === null;
}

/**
 * A mall's text value as the model keeps it: trimmed, with `null` for absent, empty or
 * whitespace-only values (malls send `''`, `' '` and `null` for the same "nothing"). Numbers are
 * kept as their decimal text; anything else is not text and gives null.
 */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Non-empty cleaned parts joined with `separator` (a full name from 姓 and 名), or null when none is left. */
export function joinText(parts: readonly unknown[], separator = ' '): string | null {
  // A loop rather than map/filter/join: called for several fields of every order (issue 15).
  let joined: string | null = null;
  for (const part of parts) {
    const text = cleanText(part);
    if (text !== null) joined = joined === null ? text : `${joined}${separator}${text}`;
  }
  return joined;
}

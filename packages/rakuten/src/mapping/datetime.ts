import { toIsoJst, tryParseJst } from '@mallkit/core';

/**
 * An RMS datetime or date (`2023-04-17T13:01:20+0900`, `2026-11-28`, or the license API's bare
 * `2026-11-28T23:59:59`, all JST) as ISO 8601 with `+09:00`; null when absent or unreadable.
 */
export function isoJstOrNull(value: string | null | undefined): string | null {
  const date = tryParseJst(value);
  return date === null ? null : toIsoJst(date);
}

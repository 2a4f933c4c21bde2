import { toEpochJst, type OrderQuery, type TimeWindow } from '@mallkit/core';
import { nextSearchDay, searchDay } from './dates.js';

/*
 * au PAY searches whole order days (`YYYYMMDD`), the kit's windows are to the second. A window is
 * searched from its first day to its last; the day a window shares with the one before was
 * already searched whole, so it is skipped; and orders outside the query's own bounds — the
 * earlier hours of the first day, the later hours of the last — are dropped after reading.
 */

/** The order days to search for one window, or null when the window holds no day not searched before. */
export function searchDaysOf(window: TimeWindow, queryFrom: Date): { readonly startDate: string; readonly endDate: string } | null {
  const endDate = searchDay(window.to);
  let startDate = searchDay(window.from);
  const first = Math.floor(window.from.getTime() / 1000) <= Math.floor(queryFrom.getTime() / 1000);
  if (!first && searchDay(window.from.getTime() - 1000) === startDate) startDate = nextSearchDay(startDate);
  return startDate > endDate ? null : { startDate, endDate };
}

/** The instants a listing must stay within, or null when the query cannot be read (the lister then refuses it). */
export function queryBounds(query: OrderQuery): { readonly from: number; readonly to: number } | null {
  if (typeof query !== 'object' || query === null) return null;
  try {
    // Whole seconds, inclusive, as the kit's windows: 10:00:00.500 still lets in an order at 10:00:00.
    const from = Math.floor(toEpochJst(query.from) / 1000) * 1000;
    const to = query.to === undefined ? Number.POSITIVE_INFINITY : Math.floor(toEpochJst(query.to) / 1000) * 1000 + 999;
    return Number.isFinite(from) && !Number.isNaN(to) ? { from, to } : null;
  } catch {
    return null;
  }
}

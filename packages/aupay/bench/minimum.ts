/**
 * The fewest order searches any client needs to read every order placed in a span on au PAY:
 * searches take whole JST order days (`YYYYMMDD`), windows of at most 31 days, and pages of at most
 * 1,000 orders — one page per 1,000 orders of each window, and at least one per window.
 */
import { splitWindow } from '@mallkit/core';
import { AUPAY_PAGE_SIZE, AUPAY_SEARCH_WINDOW_DAYS } from '../src/api/limits.js';
import { searchDay } from '../src/mapping/dates.js';

const DAY = 86_400_000;
const JST_MS = 9 * 3_600_000;

/** Midnight JST of an instant's day: au PAY searches whole order days. */
const startOfDay = (at: number): number => Math.floor((at + JST_MS) / DAY) * DAY - JST_MS;

/** The minimum number of requests, the windows of whole order days, and the orders they hold. */
export function minimumRequests(orderTimes: readonly number[], from: Date, to: Date): { minimum: number; windows: number; orders: number } {
  const windows = splitWindow(new Date(startOfDay(from.getTime())), new Date(startOfDay(to.getTime()) + DAY - 1000), AUPAY_SEARCH_WINDOW_DAYS);
  let minimum = 0;
  let orders = 0;
  for (const window of windows) {
    const [first, last] = [searchDay(window.from), searchDay(window.to)];
    const count = orderTimes.filter((at) => searchDay(at) >= first && searchDay(at) <= last).length;
    orders += count;
    minimum += Math.max(1, Math.ceil(count / AUPAY_PAGE_SIZE));
  }
  return { minimum, windows: windows.length, orders };
}

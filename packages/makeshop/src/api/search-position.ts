import { formatJst, tryParseJst } from '@mallkit/core';
import type { SearchOrderResult } from './search-order.js';

/*
 * Paging a searchOrder by order date instead of by page number. searchOrder pages by offset
 * (`page` × `limit`), and a search for one delivery status is a moving set: while a listing reads
 * page 2 of the 未処理 (N) orders, an order of page 1 that ships leaves the set, every later order
 * moves up one place, and the one that moved from page 2 to page 1 is read by neither. An
 * incremental sync that re-reads its look-back takes an order it did not meet for one makeshop
 * deleted, and would report it `removed`. So after a full page the next request starts at the
 * order date of the page's last order (`startOrderDate`, inclusive) on page 1: which orders come
 * next depends on their order dates, which never change, not on how many left before them. The
 * orders of that one second are read twice; the listing drops the repeats.
 *
 * This needs the page in ascending order date (`sortOrder: 'ASC'`). Whether makeshop sorts by the
 * order date is not documented, so each page is checked; a page that is not sorted by order date,
 * or a full page within one second, falls back to the next page number.
 */

/** Where the next page of one search starts. */
export interface SearchPosition {
  /** `startOrderDate` of the request (`yyyyMMddHHmmss`, JST). */
  readonly start: string;
  /** `page` of the request, 1-based. */
  readonly page: number;
}

/** The order date of a listed order as `yyyyMMddHHmmss`, or null when it has none readable. */
function orderDateOf(order: unknown): string | null {
  const value = typeof order === 'object' && order !== null ? (order as Record<string, unknown>)['orderDate'] : undefined;
  const date = typeof value === 'string' ? tryParseJst(value) : null;
  return date === null ? null : formatJst(date, 'compact');
}

/** The order date of the page's last order, when every order of the page is in ascending order date; else null. */
function lastOfSortedPage(orders: readonly unknown[]): string | null {
  let previous = '';
  for (const order of orders) {
    const date = orderDateOf(order);
    if (date === null || date < previous) return null;
    previous = date;
  }
  return previous === '' ? null : previous;
}

/**
 * The position of the page after `answer` (read at `position`, `limit` per page), or undefined when
 * the search holds no more: the last order date of a full, sorted page when that moves the start
 * forward, else the next page number at the same start.
 */
export function nextSearchPosition(position: SearchPosition, answer: SearchOrderResult, limit: number): SearchPosition | undefined {
  if (position.page * limit >= answer.searchedCount) return undefined;
  const last = answer.orders.length >= limit ? lastOfSortedPage(answer.orders) : null;
  if (last !== null && last > position.start) return { start: last, page: 1 };
  return { start: position.start, page: position.page + 1 };
}

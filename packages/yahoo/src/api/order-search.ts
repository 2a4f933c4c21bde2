import { formatJst, type OrderDateType } from '@mallkit/core';
import { changedAt } from '../mapping/changed-at.js';
import type { OrderListCondition, YahooOrderListEntry } from './order-list.js';

/*
 * The orderList searches a listing runs. Yahoo searches by OrderTime and by PublicationTime
 * (orderList.html, Condition), but not by update time: LastUpdateTime (「注文情報の最終更新日時」)
 * is a Field only. An update-time search therefore lists the orders placed within a look-back by
 * OrderTime and keeps those whose LastUpdateTime falls in the window; only those are read in detail.
 */

const DAY_MS = 86_400_000;

/** One orderList search of a listing: by OrderTime, by PublicationTime, or by LastUpdateTime (read from an OrderTime listing). */
export type ListPlan = 'OrderTime' | 'PublicationTime' | 'LastUpdateTime';

/** An inclusive span of time, as the lister hands it. */
export interface SearchWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * The searches of a date type. `ordered` also searches PublicationTime (an order released from
 * fraud review after its OrderTime window was read is not missed); so does `updated`, so that a
 * release is seen even for an order placed before the look-back.
 */
export function plansOf(dateType: OrderDateType): readonly ListPlan[] {
  if (dateType === 'released') return ['PublicationTime'];
  if (dateType === 'updated') return ['LastUpdateTime', 'PublicationTime'];
  return ['OrderTime', 'PublicationTime'];
}

/**
 * The `<Condition>` of one search in one window. `fixed` holds what every search sends (the
 * fraud-hold and read-only visibility); `lookbackDays` is how far before the window an
 * update-time search lists orders by OrderTime.
 */
export function conditionOf(plan: ListPlan, window: SearchWindow, fixed: OrderListCondition, lookbackDays: number): OrderListCondition {
  const byOrderTime = plan === 'LastUpdateTime';
  const from = byOrderTime ? window.from.getTime() - lookbackDays * DAY_MS : window.from.getTime();
  const key = byOrderTime ? 'OrderTime' : plan;
  return { [`${key}From`]: formatJst(from, 'compact'), [`${key}To`]: formatJst(window.to, 'compact'), ...fixed };
}

/**
 * True when the entry changed within the window, to the second (Yahoo's conditions and times are
 * whole seconds). An entry whose times cannot be read is kept: it is read in detail rather than
 * dropped unseen.
 */
export function changedWithin(entry: YahooOrderListEntry, window: SearchWindow): boolean {
  const at = changedAt(entry);
  if (at === null) return true;
  const from = Math.floor(window.from.getTime() / 1000) * 1000;
  const to = Math.floor(window.to.getTime() / 1000) * 1000 + 999;
  return at.getTime() >= from && at.getTime() <= to;
}

/** One orderList page as the lister takes it: entries, the total and the next Start. */
export interface SearchPage {
  readonly entries: readonly YahooOrderListEntry[];
  readonly total: number;
  readonly next: number | undefined;
}

/**
 * One page of an update-time search: the changed orders of the next OrderTime pages. Pages of
 * unchanged orders are skipped here (read on until one holds a change, or the listing ends):
 * handed on empty, several in a row would read as the end of the search. A page that repeats the
 * previous one (a mall that does not page) is handed on as it is, empty, for the lister's guards.
 */
export async function changedOrdersPage(readPage: (start: number | undefined) => Promise<SearchPage>, window: SearchWindow, start: number | undefined): Promise<SearchPage> {
  let cursor = start;
  let previous: string | null = null;
  for (;;) {
    const page = await readPage(cursor);
    const entries = page.entries.filter((entry) => changedWithin(entry, window));
    const ids = page.entries.map((entry) => entry.OrderId ?? '').join(',');
    if (entries.length > 0 || page.next === undefined || ids === previous) return { ...page, entries };
    previous = ids;
    cursor = page.next;
  }
}

import type { OrderDateType, ParsedOrderQuery } from '@mallkit/core';
import type { RakutenDateType } from '../api/search-order.js';
import { orderProgressFor } from './status.js';

/**
 * The normalized date types searchOrder can filter on, and its dateType for each: 1 注文日,
 * 2 注文確認日, 5 発送完了報告日, 6 決済確定日. `shipped` is 発送完了報告日 (`shippingCmplRptDatetime`),
 * the moment Rakuten recorded the shipment, not 4 発送日: 発送日 is the calendar day the shop types
 * (`shippingDate`, YYYY-MM-DD, possibly a day before the report), so a window of hours or minutes never holds it,
 * and an incremental sync could not find the orders shipped since its last run by it. Search by
 * 発送日 with the raw client (`connector.client.searchOrder({ dateType: 4, … })`).
 */
export const RAKUTEN_DATE_TYPES: Readonly<Partial<Record<OrderDateType, RakutenDateType>>> = { ordered: 1, confirmed: 2, shipped: 5, paid: 6 };

/**
 * How the order numbers of one search are walked (README, "No order is lost when orders move").
 * searchOrder pages by offset and sorts only by 注文日時 (specs/rakuten.md §4.2: `SortModelList`
 * "only 注文日時"), so an order that leaves the result set while the pages are read moves every
 * later order one place forward, and one of them is skipped:
 * - `by-order-time`: the search is filtered by orderProgress, and orders leave that filter all the
 *   time (the caller confirms them while it reads, RMS staff and Rakuten move them on). Only page
 *   1 is ever asked for; after a full page the next search starts at the order time of the page's
 *   last order (keyset paging: the date filter is the sort key, so that start is exact).
 * - `whole-window`: no orderProgress filter, so nothing leaves the result set except by a change
 *   of the searched date itself (a shipment reported again) and offset paging holds; the window's
 *   pages are still read one after another before any detail, so that the caller's own writes
 *   between yields cannot shift them. Orders that join the set meanwhile only repeat an order on
 *   the next page, which the kit de-duplicates.
 */
export type SearchPaging = 'by-order-time' | 'whole-window';

/** One searchOrder per window: the date type, the orderProgress codes of the status filter, and how it is paged. */
export interface SearchPlan {
  readonly dateType: RakutenDateType;
  readonly orderProgressList?: readonly number[];
  readonly paging: SearchPaging;
}

/**
 * The searches a query needs in each window. Without statuses: one whole-window search. With
 * statuses on 注文日 (dateType 1): one search filtered by orderProgress, paged by order time.
 * With statuses on another date: the search is left unfiltered and the kit keeps the statuses
 * asked for — its dates are not the sort key, so keyset paging is impossible, and an orderProgress
 * filter would lose orders that move on while the pages are read. None when the statuses have no
 * orderProgress (`awaiting_payment`, `delivered`), since nothing could match. The date type was
 * checked against the capabilities before.
 */
export function searchPlans(query: ParsedOrderQuery): SearchPlan[] {
  const dateType = RAKUTEN_DATE_TYPES[query.dateType] ?? 1;
  if (!query.statuses) return [{ dateType, paging: 'whole-window' }];
  const orderProgressList = orderProgressFor(query.statuses);
  if (orderProgressList.length === 0) return [];
  return dateType === 1 ? [{ dateType, orderProgressList, paging: 'by-order-time' }] : [{ dateType, paging: 'whole-window' }];
}

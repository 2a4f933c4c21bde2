import type { ListPage, OrderDateType, ParsedOrderQuery } from '@mallkit/core';
import { RAKUTEN_LIMITS } from '../api/constants.js';
import type { RakutenDateType, SearchOrderResponse } from '../api/search-order.js';
import { orderProgressFor } from './status.js';

/** The normalized date types searchOrder can filter on, and its dateType for each. */
export const RAKUTEN_DATE_TYPES: Readonly<Partial<Record<OrderDateType, RakutenDateType>>> = { ordered: 1, confirmed: 2, shipped: 4, paid: 6 };

/** One searchOrder per window: the date type and the orderProgress codes of the status filter. */
export interface SearchPlan {
  readonly dateType: RakutenDateType;
  readonly orderProgressList?: readonly number[];
}

/**
 * The searches a query needs in each window: one, filtered by orderProgress when the query has
 * statuses; none when the statuses have no orderProgress (`awaiting_payment`, `delivered`), since
 * nothing could match. The date type was checked against the capabilities before.
 */
export function searchPlans(query: ParsedOrderQuery): SearchPlan[] {
  const dateType = RAKUTEN_DATE_TYPES[query.dateType] ?? 1;
  if (!query.statuses) return [{ dateType }];
  const orderProgressList = orderProgressFor(query.statuses);
  return orderProgressList.length === 0 ? [] : [{ dateType, orderProgressList }];
}

/**
 * One searchOrder answer as a page of the kit's lister. A page shorter than the page size is the
 * last, whatever PaginationResponseModel claims; and a search whose first page is short holds
 * exactly that page, so a total (or totalPages) far above it — Rakuten was seen to announce
 * 1,000,000 — is a lie that must neither be paged through nor halved as if over the 15,000 cap.
 */
export function searchPage(answer: SearchOrderResponse, page: number): ListPage<string, number> {
  const entries = answer.orderNumberList ?? [];
  const pagination = answer.PaginationResponseModel;
  const short = entries.length < RAKUTEN_LIMITS.pageSize;
  return {
    entries,
    total: short ? (page - 1) * RAKUTEN_LIMITS.pageSize + entries.length : (pagination?.totalRecordsAmount ?? null),
    next: !short && page < (pagination?.totalPages ?? 0) ? page + 1 : undefined,
  };
}

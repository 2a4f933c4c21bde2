import type { Logger } from '@mallkit/core';
import type { OrderPage } from '../client.js';

/*
 * How au PAY's order search is paged: `startCount` (1-based) and `totalCount` (the page size).
 * The most orders one page holds is not published for the order API (clients ask for 1000; the
 * item API's documented cap is 500), and a mall that caps pages silently below what was asked
 * would lose orders to a client that steps by the page size or stops at a short page. So:
 * - the next page starts after the orders RECEIVED, not after the page size asked for;
 * - with a total (maxCount, or another total the answer gives), paging ends once the orders
 *   received reach it;
 * - without one, paging ends at an empty page: one more request per search, the price of not
 *   knowing the cap;
 * - a short page followed by more orders means a cap below `pageSize`: it is logged once per
 *   search, with the page size to set.
 */

/** Where the next page of a search starts, and what it takes to warn about a cap once. */
export interface SearchCursor {
  /** `startCount` of the next page. */
  readonly startCount: number;
  /** Orders in the page before, when it was shorter than asked for; else null. */
  readonly shortPage: number | null;
  /** Whether this search already warned about a page cap. */
  readonly warned: boolean;
}

/** The cursor of the page after `page` (fetched at `cursor`), or undefined when the search is over. */
export function nextSearchCursor(cursor: SearchCursor | undefined, page: OrderPage, logger: Logger): SearchCursor | undefined {
  const received = page.orders.length;
  if (received === 0) return undefined;
  const shortBefore = cursor?.shortPage ?? null;
  if (shortBefore !== null) {
    logger.warn(
      `aupay searchTradeInfoListProc: au PAY sent ${shortBefore} orders for a page of ${page.requested}, then more: its page cap is probably ${shortBefore}; set the connector's pageSize to it`,
      { pageSize: page.requested, received: shortBefore },
    );
  }
  const warned = (cursor?.warned ?? false) || shortBefore !== null;
  const startCount = (cursor?.startCount ?? 1) + received;
  if (page.total !== null && startCount - 1 >= page.total) return undefined;
  return { startCount, shortPage: !warned && received < page.requested ? received : null, warned };
}

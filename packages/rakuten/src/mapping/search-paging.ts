import {
  InvalidRequestError,
  readAllPages,
  ResponseFormatError,
  tryParseJst,
  type CallOptions,
  type ListPage,
  type Logger,
  type SearchRequest,
} from '@mallkit/core';
import { z } from 'zod';
import { RAKUTEN_LIMITS } from '../api/constants.js';
import type { GetOrderResponse } from '../api/get-order.js';
import type { SearchOrderParams, SearchOrderResponse } from '../api/search-order.js';
import type { SearchPlan } from './search.js';

/*
 * How the kit's lister walks one searchOrder (the paging modes are explained on SearchPaging in
 * search.ts). Both modes keep the kit's guards: a window over the 15,000 cap is halved by the
 * kit, repeated pages or cursors end in ResponseFormatError, and no page past the 15th is asked.
 */

const MALL = 'rakuten' as const;
const OPERATION = 'searchOrder';
/** The last page searchOrder can serve: numbers past the 15,000th are never handed out (specs §4.2). */
const LAST_PAGE = RAKUTEN_LIMITS.searchResultCap / RAKUTEN_LIMITS.pageSize;
/** Orders at the end of a full page whose order time is read to start the next search (one getOrder). */
const TAIL = 10;

/** What the search pager needs from the client. */
export interface SearchSource {
  /** One searchOrder page (the raw client's method). */
  searchOrder(params: SearchOrderParams, call: CallOptions): Promise<SearchOrderResponse>;
  /** getOrder, to read the order time that starts the next search by order time. */
  getOrder(orderNumbers: readonly string[], call: CallOptions): Promise<GetOrderResponse>;
  /** The connector's logger, for the kit's paging guards. */
  readonly logger: Logger;
}

/** The lister's cursor: for `by-order-time`, the instant (epoch ms) the next search starts at. */
export type SearchCursor = number;

/** The kit's fetchPage for Rakuten. */
export type SearchPager = (request: SearchRequest<SearchPlan, SearchCursor>, call: CallOptions) => Promise<ListPage<string, SearchCursor>>;

const orderTimeSchema = z.looseObject({ orderNumber: z.string(), orderDatetime: z.string() });

function numbersOf(answer: SearchOrderResponse): readonly string[] {
  return answer.orderNumberList ?? [];
}

function isFull(numbers: readonly string[]): boolean {
  return numbers.length >= RAKUTEN_LIMITS.pageSize;
}

/**
 * Whether a page has a successor: only a full page can (a short page is the last, whatever
 * PaginationResponseModel claims), unless totalPages says this was the last. A full page without
 * pagination (Rakuten sends null with zero hits, and was never seen to with hits) asks for the next
 * page rather than ending in silence: an empty next page ends the search.
 */
function hasNextPage(answer: SearchOrderResponse, page: number): boolean {
  if (!isFull(numbersOf(answer)) || page >= LAST_PAGE) return false;
  const totalPages = answer.PaginationResponseModel?.totalPages;
  return totalPages === null || totalPages === undefined || page < totalPages;
}

/** Creates the fetchPage of Rakuten's lister over a client. */
export function createSearchPager(source: SearchSource): SearchPager {
  /**
   * The order time of the latest of the page's last orders, read with one getOrder. Any order of
   * the page works as a key (every order before it in 注文日時 order is on this page); the last
   * readable one makes the most progress.
   */
  async function lastOrderTime(numbers: readonly string[], call: CallOptions): Promise<number> {
    const tail = numbers.slice(-TAIL);
    const answer = await source.getOrder(tail, call);
    let latest: number | null = null;
    for (const wire of answer.OrderModelList ?? []) {
      const parsed = orderTimeSchema.safeParse(wire);
      if (!parsed.success || !tail.includes(parsed.data.orderNumber)) continue;
      const at = tryParseJst(parsed.data.orderDatetime)?.getTime() ?? null;
      if (at !== null && (latest === null || at > latest)) latest = at;
    }
    if (latest === null) {
      throw new ResponseFormatError(`rakuten ${OPERATION}: the order time of the last orders of a full page could not be read (getOrder ${tail.join(', ')})`, {
        mall: MALL,
        operation: 'getOrder',
      });
    }
    return latest;
  }

  /**
   * `by-order-time`: page 1 only, from the cursor's instant on; a full page gives the next start.
   * Orders at that second are listed again and de-duplicated by the kit.
   */
  async function byOrderTime({ window, plan, cursor }: SearchRequest<SearchPlan, SearchCursor>, call: CallOptions): Promise<ListPage<string, SearchCursor>> {
    const from = cursor === undefined ? window.from : new Date(cursor);
    const answer = await source.searchOrder({ dateType: plan.dateType, ...(plan.orderProgressList ? { orderProgressList: plan.orderProgressList } : {}), from, to: window.to, page: 1 }, call);
    const numbers = numbersOf(answer);
    // No total for the kit: only page 1 is read, so the 15,000 cap never matters here.
    if (!isFull(numbers)) return { entries: numbers, next: undefined, total: null };
    const next = await lastOrderTime(numbers, call);
    if (next <= from.getTime()) {
      throw new InvalidRequestError(`rakuten ${OPERATION}: ${RAKUTEN_LIMITS.pageSize} or more orders at ${from.toISOString()} alone; they cannot be listed by order time`, {
        mall: MALL,
        operation: OPERATION,
      });
    }
    return { entries: numbers, next, total: null };
  }

  /**
   * `whole-window`: every page of the window, one after another, before the kit reads any order.
   * A window whose first page is full and whose total reaches the cap goes back to the kit with
   * that total alone, to be halved.
   */
  async function wholeWindow({ window, plan }: SearchRequest<SearchPlan, SearchCursor>, call: CallOptions): Promise<ListPage<string, SearchCursor>> {
    const search = (page: number) => source.searchOrder({ dateType: plan.dateType, from: window.from, to: window.to, page }, call);
    const first = await search(1);
    const firstNumbers = numbersOf(first);
    const claimed = first.PaginationResponseModel?.totalRecordsAmount ?? null;
    if (isFull(firstNumbers) && claimed !== null && claimed >= RAKUTEN_LIMITS.searchResultCap) return { entries: firstNumbers, next: undefined, total: claimed };
    if (!hasNextPage(first, 1)) return { entries: firstNumbers, next: undefined, total: firstNumbers.length };
    const rest = await readAllPages<string, number>({
      mall: MALL,
      operation: OPERATION,
      async fetchPage(cursor) {
        const page = cursor ?? 2;
        const answer = await search(page);
        return { items: numbersOf(answer), next: hasNextPage(answer, page) ? page + 1 : undefined };
      },
      maxPages: LAST_PAGE - 1,
      key: (id) => id,
      logger: source.logger,
      ...(call.signal ? { signal: call.signal } : {}),
    });
    const entries = [...firstNumbers, ...rest];
    return { entries, next: undefined, total: entries.length };
  }

  return (request, call) => (request.plan.paging === 'by-order-time' ? byOrderTime(request, call) : wholeWindow(request, call));
}

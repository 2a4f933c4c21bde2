import {
  halveWindow,
  InvalidRequestError,
  orderQuerySchema,
  parseInput,
  splitWindow,
  ValidationError,
  type CallOptions,
  type Clock,
  type Logger,
  type Order,
  type OrderDateType,
  type OrderQuery,
  type TimeWindow,
} from '@mallkit/core';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenDateType } from '../api/search-order.js';
import type { RakutenClient } from '../client.js';
import { RAKUTEN_LIMITS } from '../constants.js';
import type { RakutenMappers } from '../mapping/mappers.js';
import { mapOrder } from '../mapping/order.js';
import { orderProgressFor } from '../mapping/status.js';
import { readOrders } from './read-orders.js';

const DAY_MS = 86_400_000;

/** The normalized date types Rakuten's searchOrder can filter on, and its dateType for each. */
export const RAKUTEN_DATE_TYPES: Readonly<Partial<Record<OrderDateType, RakutenDateType>>> = {
  ordered: 1,
  confirmed: 2,
  shipped: 4,
  paid: 6,
};

/** What listOrders needs from the connector. */
export interface ListOrdersContext {
  readonly client: RakutenClient;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shopId: string;
  readonly mappers: RakutenMappers;
}

/** One searchOrder window: the order numbers it holds, page by page, or `split` when over the cap. */
async function* numbersOfWindow(
  ctx: ListOrdersContext,
  dateType: RakutenDateType,
  progress: readonly number[] | undefined,
  window: TimeWindow,
  call: CallOptions,
): AsyncGenerator<string[], void, undefined> {
  const search = (page: number) =>
    ctx.client.searchOrder({ dateType, from: window.from, to: window.to, page, ...(progress ? { orderProgressList: progress } : {}) }, call);
  const first = await search(1);
  const total = first.PaginationResponseModel?.totalRecordsAmount ?? 0;
  // Past 15,000 results Rakuten stops handing out numbers. Cut the window in two and search each half
  // (≥, since a total reported as exactly the cap may itself be capped).
  if (total >= RAKUTEN_LIMITS.searchResultCap) {
    const halves = halveWindow(window);
    if (halves === null) {
      throw new InvalidRequestError(`rakuten searchOrder: ${total} orders within one second; the 15,000-results cap cannot be avoided`, {
        mall: 'rakuten',
        operation: 'searchOrder',
      });
    }
    ctx.logger.info('rakuten searchOrder: window over the 15,000 cap, halving', { total, from: window.from.toISOString(), to: window.to.toISOString() });
    for (const half of halves) yield* numbersOfWindow(ctx, dateType, progress, half, call);
    return;
  }
  yield first.orderNumberList ?? [];
  const pages = first.PaginationResponseModel?.totalPages ?? 0;
  for (let page = 2; page <= pages; page += 1) {
    call.signal?.throwIfAborted();
    yield (await search(page)).orderNumberList ?? [];
  }
}

/**
 * listOrders: validates the query, clamps it to Rakuten's 730-day look-back, cuts it into windows
 * of at most 63 days, pages each window 1,000 at a time (halving a window whose results pass the
 * 15,000 cap), and reads details 100 at a time. Streams: one page of numbers is held at a time, and
 * the set of ids already yielded (strings only) makes each order appear once.
 */
export async function* listOrders(ctx: ListOrdersContext, query: OrderQuery, call: CallOptions = {}): AsyncGenerator<Order<RakutenOrderModel>> {
  const parsed = parseInput(orderQuerySchema, query, 'query', { mall: 'rakuten', operation: 'listOrders' });
  const dateType = RAKUTEN_DATE_TYPES[parsed.dateType];
  if (dateType === undefined) {
    throw new ValidationError(
      [{ field: 'query.dateType', message: `Rakuten cannot search by ${parsed.dateType}; use one of ${Object.keys(RAKUTEN_DATE_TYPES).join(', ')}` }],
      { mall: 'rakuten', operation: 'listOrders' },
    );
  }
  const now = ctx.clock.now();
  const to = parsed.to ?? new Date(now);
  // Rakuten refuses a startDatetime more than 730 days back; a minute's margin absorbs clock drift.
  const oldest = now - RAKUTEN_LIMITS.lookbackDays * DAY_MS + 60_000;
  let from = parsed.from;
  if (from.getTime() < oldest) {
    ctx.logger.warn('rakuten listOrders: Rakuten keeps 730 days of orders; the start was moved forward', { requested: from.toISOString() });
    from = new Date(oldest);
  }
  const progress = parsed.statuses ? orderProgressFor(parsed.statuses) : undefined;
  if (progress !== undefined && progress.length === 0) return;
  const wanted = parsed.statuses ? new Set<string>(parsed.statuses) : null;

  const seen = new Set<string>();
  for (const window of splitWindow(from, to, RAKUTEN_LIMITS.searchWindowDays)) {
    for await (const numbers of numbersOfWindow(ctx, dateType, progress, window, call)) {
      const fresh = numbers.filter((id) => !seen.has(id));
      if (fresh.length === 0) continue;
      const details = await readOrders(ctx.client, fresh, call);
      for (const id of fresh) {
        const raw = details.get(id);
        if (!raw) {
          ctx.logger.warn('rakuten listOrders: searchOrder listed an order getOrder did not return; skipped', { orderNumber: id });
          continue;
        }
        seen.add(id);
        const order = mapOrder(raw, { shopId: ctx.shopId, mappers: ctx.mappers });
        // An order may have changed status between search and read: keep the filter's promise.
        if (wanted && !wanted.has(order.status.code)) continue;
        yield order;
      }
    }
  }
}

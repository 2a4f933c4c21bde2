import {
  NotFoundError,
  ValidationError,
  formatJst,
  orderIdsSchema,
  orderQuerySchema,
  paginate,
  parseInput,
  uniqueBy,
  type CallOptions,
  type OrderQuery,
} from '@mallkit/core';
import { LIST_FIELDS } from '../api/fields.js';
import { ORDER_LIST_MAX_RESULTS, type OrderListCondition, type YahooOrderListEntry } from '../api/order-list.js';
import { toOrder, type YahooOrder } from '../mapping/order.js';
import type { OperationContext } from './context.js';

/*
 * listOrders: orderList pages (2,000 per call, Start/TotalCount) by OrderTime AND by
 * PublicationTime, so that an order released from fraud review after the OrderTime window was
 * read is still seen (specs §3.2, seed 002); each id once (core uniqueBy, which keeps only ids);
 * then one orderInfo per order for addresses and items. Streams: one page of ids in memory.
 */

/** The dates listOrders can filter on. */
export const YAHOO_DATE_TYPES = ['ordered', 'released'] as const;

function windowConditions(dateType: string, from: string, to: string, visibility: OrderListCondition): OrderListCondition[] {
  const byPublication = { PublicationTimeFrom: from, PublicationTimeTo: to, ...visibility };
  if (dateType === 'released') return [byPublication];
  return [{ OrderTimeFrom: from, OrderTimeTo: to, ...visibility }, byPublication];
}

/** Every orderList entry of one condition, page by page. */
export function pagesOf(ctx: OperationContext, condition: OrderListCondition, fields: readonly string[], call: CallOptions): AsyncGenerator<YahooOrderListEntry> {
  return paginate<YahooOrderListEntry, number>({
    ...(call.signal ? { signal: call.signal } : {}),
    async fetchPage(cursor) {
      const start = cursor ?? 1;
      const page = await ctx.client.orderList({ condition, fields, start, results: ORDER_LIST_MAX_RESULTS }, call);
      const next = start + ORDER_LIST_MAX_RESULTS;
      // Start beyond TotalCount is a paging mistake for Yahoo: stop at the last page.
      return { items: page.orders, next: page.orders.length > 0 && next <= page.totalCount ? next : undefined };
    },
  });
}

async function* concat<T>(sources: ReadonlyArray<() => AsyncIterable<T>>): AsyncGenerator<T> {
  for (const source of sources) yield* source();
}

/** What orderList shows: held orders too (flagged), and the 10-minute read-only ones (flagged). */
export function visibility(ctx: OperationContext): OrderListCondition {
  return { FraudHoldDisplayType: ctx.includeFraudHeld ? '1' : '0', ReadOnlyMode: '2' };
}

/** listOrders. */
export async function* listOrders(ctx: OperationContext, query: OrderQuery, call: CallOptions = {}): AsyncGenerator<YahooOrder> {
  const parsed = parseInput(orderQuerySchema, query, 'query', { mall: 'yahoo', operation: 'listOrders' });
  if (!(YAHOO_DATE_TYPES as readonly string[]).includes(parsed.dateType)) {
    throw new ValidationError([{ field: 'query.dateType', message: `Yahoo searches by ${YAHOO_DATE_TYPES.join(' or ')} only` }], {
      mall: 'yahoo',
      operation: 'listOrders',
    });
  }
  const to = parsed.to ?? new Date(ctx.clock.now());
  const conditions = windowConditions(parsed.dateType, formatJst(parsed.from, 'compact'), formatJst(to, 'compact'), visibility(ctx));
  const entries = uniqueBy(
    concat(conditions.map((condition) => () => pagesOf(ctx, condition, LIST_FIELDS, call))),
    (entry) => entry.OrderId,
  );
  const wanted = parsed.statuses ? new Set<string>(parsed.statuses) : null;
  for await (const entry of entries) {
    const info = await ctx.client.orderInfo(entry.OrderId, call);
    // Gone between the search and the detail (rare): nothing to yield.
    if (info === null) continue;
    const order = toOrder(info, { shopId: ctx.shopId, mappers: ctx.mappers });
    if (wanted && !wanted.has(order.status.code)) continue;
    yield order;
  }
}

/** getOrders: one orderInfo per id, in the order given; unknown ids → NotFoundError naming them. */
export async function getOrders(ctx: OperationContext, ids: readonly string[], call: CallOptions = {}): Promise<YahooOrder[]> {
  const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: 'yahoo', operation: 'getOrders' });
  const orders: YahooOrder[] = [];
  const missing: string[] = [];
  for (const id of parsed) {
    const info = await ctx.client.orderInfo(id, call);
    if (info === null) missing.push(id);
    else orders.push(toOrder(info, { shopId: ctx.shopId, mappers: ctx.mappers }));
  }
  if (missing.length > 0) {
    throw new NotFoundError(`yahoo orderInfo: no such order: ${missing.join(', ')}`, {
      mall: 'yahoo',
      operation: 'orderInfo',
      hint: { ja: `注文番号を確認してください: ${missing.join(', ')}`, en: `Check the order ids: ${missing.join(', ')}` },
    });
  }
  return orders;
}

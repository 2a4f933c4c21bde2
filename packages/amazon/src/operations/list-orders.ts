import { ValidationError, orderQuerySchema, parseInput, type CallOptions, type ParsedOrderQuery } from '@mallkit/core';
import { toAmazonDateTime } from '../api/common.js';
import type { FulfillmentStatus } from '../api/orders-2026.js';
import type { AmazonOrderV0 } from '../api/orders-v0.js';
import type { AmazonOrder } from '../mapping/order.js';
import { fulfillmentStatusesFor, v0StatusesFor } from '../mapping/status.js';
import type { OperationContext } from './context.js';
import { assertV0Available, mapOrder2026, mapV0Bundle, readV0Bundle } from './read-order.js';

/** Amazon refuses a `*Before` later than two minutes before the request; a few seconds spare absorb clock drift. */
const BEFORE_MARGIN_MS = 2 * 60_000 + 5_000;
/** The largest page both APIs allow. */
const PAGE_SIZE = 100;
/** v0 fan-out: orders of one page read side by side; the per-operation throttle sets the pace. */
const V0_CONCURRENCY = 4;

interface Window {
  readonly dateType: 'ordered' | 'updated';
  readonly after: string;
  /** Sent as createdBefore/lastUpdatedBefore; undefined when `to` is too recent for Amazon. */
  readonly before: string | undefined;
  /** Orders past this instant are dropped here (when `before` could not be sent). */
  readonly filterAfter: number | null;
}

function windowOf(ctx: OperationContext, query: ParsedOrderQuery): Window | null {
  if (query.dateType !== 'ordered' && query.dateType !== 'updated') {
    throw new ValidationError([{ field: 'query.dateType', message: 'Amazon searches by `ordered` (createdAfter) or `updated` (lastUpdatedAfter) only' }], {
      mall: 'amazon',
      operation: 'listOrders',
    });
  }
  const latest = ctx.client.clock.now() - BEFORE_MARGIN_MS;
  // Orders of the last two minutes are not searchable yet: the next poll will see them.
  if (query.from.getTime() > latest) return null;
  const to = query.to?.getTime();
  const sendBefore = to !== undefined && to <= latest;
  return {
    dateType: query.dateType,
    after: toAmazonDateTime(query.from),
    before: sendBefore ? toAmazonDateTime(Math.floor(to / 1000) * 1000) : undefined,
    filterAfter: to !== undefined && !sendBefore ? to : null,
  };
}

function keep(order: AmazonOrder, window: Window, query: ParsedOrderQuery): boolean {
  if (window.filterAfter !== null) {
    const at = Date.parse((window.dateType === 'ordered' ? order.orderedAt : order.updatedAt) ?? order.orderedAt);
    if (at > window.filterAfter) return false;
  }
  return !query.statuses || (order.status.code !== 'unmapped' && query.statuses.includes(order.status.code));
}

async function* list2026(ctx: OperationContext, query: ParsedOrderQuery, window: Window, call: CallOptions): AsyncGenerator<AmazonOrder> {
  const statuses: FulfillmentStatus[] | undefined = query.statuses ? fulfillmentStatusesFor(query.statuses) : undefined;
  if (statuses && statuses.length === 0) return;
  const params = {
    marketplaceIds: [ctx.marketplaceId],
    ...(window.dateType === 'ordered'
      ? { createdAfter: window.after, ...(window.before ? { createdBefore: window.before } : {}) }
      : { lastUpdatedAfter: window.after, ...(window.before ? { lastUpdatedBefore: window.before } : {}) }),
    ...(statuses ? { fulfillmentStatuses: statuses } : {}),
    fulfilledBy: ctx.fulfilledBy,
    maxResultsPerPage: PAGE_SIZE,
    includedData: ctx.includedData,
  };
  let paginationToken: string | undefined;
  do {
    // Every other parameter must repeat unchanged with the token (orders_2026-01-01.json Pagination).
    const page = await ctx.client.searchOrders(paginationToken ? { ...params, paginationToken } : params, call);
    for (const order of page.orders) yield mapOrder2026(ctx, order);
    paginationToken = page.pagination?.nextToken;
  } while (paginationToken);
}

/** Runs `work` on every item with at most `limit` at once, results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function* listV0(ctx: OperationContext, query: ParsedOrderQuery, window: Window, call: CallOptions): AsyncGenerator<AmazonOrder> {
  const statuses = query.statuses ? v0StatusesFor(fulfillmentStatusesFor(query.statuses)) : undefined;
  if (statuses && statuses.length === 0) return;
  const params = {
    MarketplaceIds: [ctx.marketplaceId],
    ...(window.dateType === 'ordered'
      ? { CreatedAfter: window.after, ...(window.before ? { CreatedBefore: window.before } : {}) }
      : { LastUpdatedAfter: window.after, ...(window.before ? { LastUpdatedBefore: window.before } : {}) }),
    ...(statuses ? { OrderStatuses: statuses } : {}),
    ...(ctx.fulfilledBy.length === 1 ? { FulfillmentChannels: [ctx.fulfilledBy[0] === 'AMAZON' ? 'AFN' : 'MFN'] } : {}),
    MaxResultsPerPage: PAGE_SIZE,
  };
  let nextToken: string | undefined;
  do {
    const page = await ctx.client.getOrdersV0(nextToken ? { ...params, NextToken: nextToken } : params, call);
    const bundles = await mapLimited(page.payload.Orders, V0_CONCURRENCY, (order: AmazonOrderV0) => readV0Bundle(ctx, order, call));
    for (const bundle of bundles) yield mapV0Bundle(ctx, bundle);
    nextToken = page.payload.NextToken;
  } while (nextToken);
}

/**
 * listOrders: v2026 searchOrders pages with items, buyer and recipient inline (no per-order
 * calls), or the deprecated v0 path (getOrders pages + items, address and buyer per order).
 * Amazon has no maximum window, so a query is one search; each order is yielded once.
 */
export async function* listOrders(ctx: OperationContext, query: unknown, call: CallOptions = {}): AsyncGenerator<AmazonOrder> {
  const parsed = parseInput(orderQuerySchema, query, 'query', { mall: 'amazon', operation: 'listOrders' });
  const window = windowOf(ctx, parsed);
  if (window === null) return;
  if (ctx.ordersApi === 'v0') assertV0Available(ctx, 'listOrders');
  const seen = new Set<string>();
  const source = ctx.ordersApi === 'v0' ? listV0(ctx, parsed, window, call) : list2026(ctx, parsed, window, call);
  for await (const order of source) {
    if (seen.has(order.id) || !keep(order, window, parsed)) continue;
    seen.add(order.id);
    yield order;
  }
}


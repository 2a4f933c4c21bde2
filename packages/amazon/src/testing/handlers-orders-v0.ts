import type { HttpHandler } from 'msw';
import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { V0_TO_2026_STATUS } from '../mapping/status.js';
import { toAmazonDateTime } from '../api/common.js';
import type { AmazonOperation } from '../rate-limits.js';
import { decodeCursor, encodeCursor } from './pagination.js';
import { count, gate, type SandboxState } from './state.js';
import { v0Address, v0Buyer, v0Items, v0Order } from './v0-views.js';
import { BEFORE_LAG_MS, errorAnswer, invalidInput, isoInstant, jsonAnswer, queryList } from './wire.js';

function readSavedFilter(text: string): [boolean, number, string[], string[]] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [byCreated, after, statuses, channels] = value as unknown[];
    if (typeof byCreated !== 'boolean' || typeof after !== 'number' || !Array.isArray(statuses) || !Array.isArray(channels)) return null;
    return [byCreated, after, statuses.map(String), channels.map(String)];
  } catch {
    return null;
  }
}

function getOrders(state: SandboxState, ctx: SandboxContext): Response {
  const rate = state.plans.getOrdersV0.rate;
  const q = ctx.url.searchParams;
  const now = ctx.clock.now();
  if (queryList(ctx.url, 'MarketplaceIds').length === 0) return invalidInput('MarketplaceIds is required.', rate);
  const token = q.get('NextToken');
  let byCreated: boolean;
  let after: number;
  let before: number;
  let statuses: string[];
  let channels: string[];
  let offset = 0;
  let filter: string;
  if (token !== null) {
    // "NextToken doesn't affect any filters": the token carries the search it continues.
    const cursor = decodeCursor(token);
    if (!cursor) return invalidInput('Invalid NextToken.', rate);
    const saved = readSavedFilter(cursor.filter);
    if (!saved) return invalidInput('Invalid NextToken.', rate);
    [byCreated, after, statuses, channels] = saved;
    before = cursor.before;
    offset = cursor.offset;
    filter = cursor.filter;
  } else {
    const createdAfter = q.get('CreatedAfter');
    const updatedAfter = q.get('LastUpdatedAfter');
    if ((createdAfter === null) === (updatedAfter === null)) return invalidInput('Either CreatedAfter or LastUpdatedAfter must be specified, not both.', rate);
    byCreated = createdAfter !== null;
    const afterValue = isoInstant(byCreated ? createdAfter : updatedAfter);
    if (afterValue === null) return invalidInput('Date time is invalid, must be formatted by ISO 8601 standards.', rate);
    after = afterValue;
    const beforeRaw = q.get(byCreated ? 'CreatedBefore' : 'LastUpdatedBefore');
    before = now - BEFORE_LAG_MS;
    if (beforeRaw !== null) {
      const parsed = isoInstant(beforeRaw);
      if (parsed === null || parsed > now - BEFORE_LAG_MS) return invalidInput(`${byCreated ? 'CreatedBefore' : 'LastUpdatedBefore'} must be at least 2 minutes before the time of the request.`, rate);
      before = parsed;
    }
    statuses = queryList(ctx.url, 'OrderStatuses').map((s) => V0_TO_2026_STATUS[s] ?? s);
    channels = queryList(ctx.url, 'FulfillmentChannels');
    filter = Buffer.from(JSON.stringify([byCreated, after, statuses, channels])).toString('base64url');
  }
  const pageSize = Number(q.get('MaxResultsPerPage') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalidInput('MaxResultsPerPage must be between 1 and 100.', rate);
  const matches = [...state.orders.values()]
    .filter((o) => {
      const at = Date.parse(byCreated ? o.createdTime : o.lastUpdatedTime);
      return at >= after && at <= before;
    })
    .filter((o) => statuses.length === 0 || statuses.includes(o.fulfillment?.fulfillmentStatus ?? ''))
    .filter((o) => channels.length === 0 || channels.includes(o.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN'))
    .sort((a, b) => Date.parse(a.createdTime) - Date.parse(b.createdTime) || a.orderId.localeCompare(b.orderId));
  const page = matches.slice(offset, offset + pageSize);
  const next = offset + pageSize < matches.length ? encodeCursor({ offset: offset + pageSize, filter, before, issuedAt: now }) : null;
  return jsonAnswer(
    200,
    {
      payload: {
        Orders: page.map(v0Order),
        ...(next ? { NextToken: next } : {}),
        [byCreated ? 'CreatedBefore' : 'LastUpdatedBefore']: toAmazonDateTime(before),
      },
    },
    rate,
  );
}

function perOrder(state: SandboxState, operation: AmazonOperation, view: (order: NonNullable<ReturnType<SandboxState['orders']['get']>>) => unknown) {
  return (ctx: SandboxContext): Response => {
    const refused = gate(state, ctx, operation);
    const answer =
      refused ??
      (() => {
        const rate = state.plans[operation].rate;
        const orderId = String(ctx.params['orderId'] ?? '');
        const order = state.orders.get(orderId);
        if (!order) return errorAnswer(404, 'NotFound', `Order ${orderId} not found.`, undefined, rate);
        return jsonAnswer(200, { payload: view(order) }, rate);
      })();
    count(state, operation, answer.status);
    return answer;
  };
}

/** Orders API v0 reads (deprecated): getOrders, getOrder, getOrderItems, getOrderAddress, getOrderBuyerInfo. */
export function ordersV0Handlers(kit: SandboxKit, state: SandboxState, baseUrls: readonly string[]): HttpHandler[] {
  return baseUrls.flatMap((base) => [
    kit.route('GET', `${base}/orders/v0/orders`, 'getOrdersV0', (ctx) => {
      const answer = gate(state, ctx, 'getOrdersV0') ?? getOrders(state, ctx);
      count(state, 'getOrdersV0', answer.status);
      return answer;
    }),
    kit.route('GET', `${base}/orders/v0/orders/:orderId`, 'getOrderV0', perOrder(state, 'getOrderV0', v0Order)),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/orderItems`, 'getOrderItemsV0', perOrder(state, 'getOrderItemsV0', (order) => ({ AmazonOrderId: order.orderId, OrderItems: v0Items(order) }))),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/address`, 'getOrderAddressV0', perOrder(state, 'getOrderAddressV0', v0Address)),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/buyerInfo`, 'getOrderBuyerInfoV0', perOrder(state, 'getOrderBuyerInfoV0', v0Buyer)),
  ]);
}

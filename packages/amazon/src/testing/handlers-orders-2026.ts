import type { HttpHandler } from 'msw';
import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { toAmazonDateTime } from '../api/common.js';
import { INCLUDED_DATA, FULFILLMENT_STATUSES, type AmazonOrder2026 } from '../api/orders-2026.js';
import { count, gate, type SandboxState } from './state.js';
import { decodeCursor, encodeCursor, filterHash } from './pagination.js';
import { BEFORE_LAG_MS, errorAnswer, invalidInput, isoInstant, jsonAnswer, queryList } from './wire.js';

const TOKEN_LIFETIME = 24 * 3_600_000;

/** Drops the datasets `includedData` did not ask for, as the API does. */
export function withIncludedData(order: AmazonOrder2026, included: ReadonlySet<string>): AmazonOrder2026 {
  const { buyer, recipient, proceeds, payment, fulfillment, packages, orderItems, ...rest } = order;
  return {
    ...rest,
    ...(included.has('BUYER') && buyer ? { buyer } : {}),
    ...(included.has('RECIPIENT') && recipient ? { recipient } : {}),
    ...(included.has('PROCEEDS') && proceeds ? { proceeds } : {}),
    ...(included.has('PAYMENT') && payment ? { payment } : {}),
    ...(included.has('FULFILLMENT') && fulfillment ? { fulfillment } : {}),
    ...(included.has('PACKAGES') && packages ? { packages } : {}),
    orderItems: orderItems.map(({ proceeds: itemProceeds, expense, cancellation, fulfillment: itemFulfillment, ...item }) => ({
      ...item,
      ...(included.has('PROCEEDS') && itemProceeds ? { proceeds: itemProceeds } : {}),
      ...(included.has('EXPENSE') && expense ? { expense } : {}),
      ...(included.has('CANCELLATION') && cancellation ? { cancellation } : {}),
      ...(included.has('FULFILLMENT') && itemFulfillment ? { fulfillment: itemFulfillment } : {}),
    })),
  };
}

function includedDataOf(ctx: SandboxContext): Set<string> | Response {
  const values = queryList(ctx.url, 'includedData');
  const unknown = values.find((v) => !(INCLUDED_DATA as readonly string[]).includes(v));
  return unknown ? invalidInput(`includedData: ${unknown} is not a valid value`) : new Set(values);
}

function searchOrders(state: SandboxState, ctx: SandboxContext): Response {
  const rate = state.plans.searchOrders.rate;
  const q = ctx.url.searchParams;
  const now = ctx.clock.now();
  const createdAfter = q.get('createdAfter');
  const lastUpdatedAfter = q.get('lastUpdatedAfter');
  if ((createdAfter === null) === (lastUpdatedAfter === null)) {
    return invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be specified.', rate);
  }
  const byCreated = createdAfter !== null;
  if (byCreated && (q.get('lastUpdatedBefore') !== null)) return invalidInput('lastUpdatedBefore cannot be set with createdAfter.', rate);
  if (!byCreated && q.get('createdBefore') !== null) return invalidInput('createdBefore cannot be set with lastUpdatedAfter.', rate);
  const afterName = byCreated ? 'createdAfter' : 'lastUpdatedAfter';
  const beforeName = byCreated ? 'createdBefore' : 'lastUpdatedBefore';
  const after = isoInstant(q.get(afterName));
  if (after === null) return invalidInput(`${afterName}: ${q.get(afterName)} is invalid, must be formatted by ISO 8601 standards.`, rate);
  const beforeRaw = q.get(beforeName);
  let before = now - BEFORE_LAG_MS;
  if (beforeRaw !== null) {
    const parsed = isoInstant(beforeRaw);
    if (parsed === null) return invalidInput(`${beforeName}: ${beforeRaw} is invalid, must be formatted by ISO 8601 standards.`, rate);
    if (parsed > now - BEFORE_LAG_MS) return invalidInput(`${beforeName} must be no later than 2 minutes before the time of the request.`, rate);
    if (parsed < after) return invalidInput(`${beforeName} must be equal to or after ${afterName}.`, rate);
    before = parsed;
  }
  const statuses = queryList(ctx.url, 'fulfillmentStatuses');
  const badStatus = statuses.find((s) => !(FULFILLMENT_STATUSES as readonly string[]).includes(s));
  if (badStatus) return invalidInput(`fulfillmentStatuses: ${badStatus} is not a valid value.`, rate);
  const fulfilledBy = queryList(ctx.url, 'fulfilledBy');
  const marketplaceIds = queryList(ctx.url, 'marketplaceIds');
  const pageSizeRaw = q.get('maxResultsPerPage');
  const pageSize = pageSizeRaw === null ? 100 : Number(pageSizeRaw);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalidInput('maxResultsPerPage must be between 1 and 100.', rate);
  const included = includedDataOf(ctx);
  if (included instanceof Response) return included;

  // The token binds every parameter except maxResultsPerPage and includedData (orders_2026-01-01.json).
  const filter = filterHash([createdAfter, lastUpdatedAfter, beforeRaw, statuses, fulfilledBy, marketplaceIds]);
  let offset = 0;
  const token = q.get('paginationToken');
  if (token !== null) {
    const cursor = decodeCursor(token);
    if (!cursor || cursor.filter !== filter) return invalidInput('Invalid paginationToken: all other parameters must have the values of the request that returned it.', rate);
    if (now - cursor.issuedAt > TOKEN_LIFETIME) return invalidInput('The paginationToken has expired.', rate);
    offset = cursor.offset;
    before = cursor.before;
  }

  const matches = [...state.orders.values()]
    .filter((order) => {
      const at = Date.parse(byCreated ? order.createdTime : order.lastUpdatedTime);
      return at >= after && at <= before;
    })
    .filter((order) => statuses.length === 0 || statuses.includes(order.fulfillment?.fulfillmentStatus ?? ''))
    .filter((order) => fulfilledBy.length === 0 || fulfilledBy.includes(order.fulfillment?.fulfilledBy ?? 'MERCHANT'))
    .filter((order) => marketplaceIds.length === 0 || marketplaceIds.includes(order.salesChannel.marketplaceId ?? ''))
    .sort((a, b) => Date.parse(byCreated ? a.createdTime : a.lastUpdatedTime) - Date.parse(byCreated ? b.createdTime : b.lastUpdatedTime) || a.orderId.localeCompare(b.orderId));
  const page = matches.slice(offset, offset + pageSize);
  const next = offset + pageSize < matches.length ? encodeCursor({ offset: offset + pageSize, filter, before, issuedAt: token ? (decodeCursor(token)?.issuedAt ?? now) : now }) : null;
  return jsonAnswer(
    200,
    {
      orders: page.map((order) => withIncludedData(order, included)),
      ...(next ? { pagination: { nextToken: next } } : {}),
      [beforeName]: toAmazonDateTime(before),
    },
    rate,
  );
}

function getOrder(state: SandboxState, ctx: SandboxContext): Response {
  const rate = state.plans.getOrder.rate;
  const orderId = String(ctx.params['orderId'] ?? '');
  const order = state.orders.get(orderId);
  if (!order) return errorAnswer(404, 'NotFound', 'The requested order was not found.', `Order ${orderId} does not exist for this seller.`, rate);
  const included = includedDataOf(ctx);
  if (included instanceof Response) return included;
  return jsonAnswer(200, { order: withIncludedData(order, included) }, rate);
}

/** Orders API v2026-01-01: searchOrders and getOrder on every base URL given. */
export function orders2026Handlers(kit: SandboxKit, state: SandboxState, baseUrls: readonly string[]): HttpHandler[] {
  return baseUrls.flatMap((base) => [
    kit.route('GET', `${base}/orders/2026-01-01/orders`, 'searchOrders', (ctx) => {
      const answer = gate(state, ctx, 'searchOrders') ?? searchOrders(state, ctx);
      count(state, 'searchOrders', answer.status);
      return answer;
    }),
    kit.route('GET', `${base}/orders/2026-01-01/orders/:orderId`, 'getOrder', (ctx) => {
      const answer = gate(state, ctx, 'getOrder') ?? getOrder(state, ctx);
      count(state, 'getOrder', answer.status);
      return answer;
    }),
  ]);
}

import type { HttpHandler } from 'msw';
import { SandboxCursorError, type SandboxContext, type SandboxKit } from '@mallkit/core/testing';
import { toAmazonDateTime } from '../api/common.js';
import { FULFILLMENT_STATUSES, INCLUDED_DATA, type AmazonOrder2026 } from '../api/orders-2026.js';
import { denied, rateOf, type AmazonSandboxState } from './state.js';
import { decodeSearchToken, encodeSearchToken, searchSignature } from './store.js';
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

/** An order as the answer carries it: its datasets, and — for a corrupted one — without its createdTime, in lists and details alike. */
function render(state: AmazonSandboxState, order: AmazonOrder2026, included: ReadonlySet<string>): unknown {
  const shown = withIncludedData(order, included);
  if (!state.store.corrupted.has(order.orderId)) return shown;
  const { createdTime: _missing, ...broken } = shown;
  return broken;
}

function includedDataOf(ctx: SandboxContext): Set<string> | Response {
  const values = queryList(ctx.url, 'includedData');
  const unknown = values.find((v) => !(INCLUDED_DATA as readonly string[]).includes(v));
  return unknown ? invalidInput(`includedData: ${unknown} is not a valid value`) : new Set(values);
}

/** The search a searchOrders request asks for, or Amazon's InvalidInput answer. */
interface Search {
  readonly byCreated: boolean;
  readonly after: number;
  readonly beforeRaw: string | null;
  readonly statuses: string[];
  readonly fulfilledBy: string[];
  readonly marketplaceIds: string[];
  readonly pageSize: number;
  readonly included: Set<string>;
}

function readSearch(state: AmazonSandboxState, ctx: SandboxContext): Search | Response {
  const rate = rateOf(state, 'searchOrders');
  const q = ctx.url.searchParams;
  const createdAfter = q.get('createdAfter');
  const lastUpdatedAfter = q.get('lastUpdatedAfter');
  if ((createdAfter === null) === (lastUpdatedAfter === null)) return invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be specified.', rate);
  const byCreated = createdAfter !== null;
  if (byCreated && q.get('lastUpdatedBefore') !== null) return invalidInput('lastUpdatedBefore cannot be set with createdAfter.', rate);
  if (!byCreated && q.get('createdBefore') !== null) return invalidInput('createdBefore cannot be set with lastUpdatedAfter.', rate);
  const afterName = byCreated ? 'createdAfter' : 'lastUpdatedAfter';
  const after = isoInstant(q.get(afterName));
  if (after === null) return invalidInput(`${afterName}: ${q.get(afterName)} is invalid, must be formatted by ISO 8601 standards.`, rate);
  const statuses = queryList(ctx.url, 'fulfillmentStatuses');
  const badStatus = statuses.find((s) => !(FULFILLMENT_STATUSES as readonly string[]).includes(s));
  if (badStatus) return invalidInput(`fulfillmentStatuses: ${badStatus} is not a valid value.`, rate);
  const pageSizeRaw = q.get('maxResultsPerPage');
  const pageSize = pageSizeRaw === null ? 100 : Number(pageSizeRaw);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalidInput('maxResultsPerPage must be between 1 and 100.', rate);
  const included = includedDataOf(ctx);
  if (included instanceof Response) return included;
  return {
    byCreated,
    after,
    beforeRaw: q.get(byCreated ? 'createdBefore' : 'lastUpdatedBefore'),
    statuses,
    fulfilledBy: queryList(ctx.url, 'fulfilledBy'),
    marketplaceIds: queryList(ctx.url, 'marketplaceIds'),
    pageSize,
    included,
  };
}

function searchOrders(state: AmazonSandboxState, ctx: SandboxContext): Response {
  const rate = rateOf(state, 'searchOrders');
  const search = readSearch(state, ctx);
  if (search instanceof Response) return search;
  const now = ctx.clock.now();
  const beforeName = search.byCreated ? 'createdBefore' : 'lastUpdatedBefore';
  let before = now - BEFORE_LAG_MS;
  if (search.beforeRaw !== null) {
    const parsed = isoInstant(search.beforeRaw);
    if (parsed === null) return invalidInput(`${beforeName}: ${search.beforeRaw} is invalid, must be formatted by ISO 8601 standards.`, rate);
    if (parsed > now - BEFORE_LAG_MS) return invalidInput(`${beforeName} must be no later than 2 minutes before the time of the request.`, rate);
    if (parsed < search.after) return invalidInput(`${beforeName} must be equal to or after ${search.byCreated ? 'createdAfter' : 'lastUpdatedAfter'}.`, rate);
    before = parsed;
  }
  // The token binds every parameter except maxResultsPerPage and includedData (orders_2026-01-01.json).
  const q = ctx.url.searchParams;
  const filter = searchSignature([q.get('createdAfter'), q.get('lastUpdatedAfter'), search.beforeRaw, search.statuses, search.fulfilledBy, search.marketplaceIds]);
  const tokenText = q.get('paginationToken');
  let storeCursor: string | undefined;
  let issuedAt = now;
  if (tokenText !== null) {
    const token = decodeSearchToken(tokenText);
    if (!token || token['filter'] !== filter || typeof token['before'] !== 'number' || typeof token['issuedAt'] !== 'number' || typeof token['cursor'] !== 'string') {
      return invalidInput('Invalid paginationToken: all other parameters must have the values of the request that returned it.', rate);
    }
    if (now - token['issuedAt'] > TOKEN_LIFETIME) return invalidInput('The paginationToken has expired.', rate);
    before = token['before'];
    issuedAt = token['issuedAt'];
    storeCursor = token['cursor'];
  }
  const dateOf = (order: AmazonOrder2026): number => Date.parse(search.byCreated ? order.createdTime : order.lastUpdatedTime);
  const where = (order: AmazonOrder2026): boolean =>
    dateOf(order) >= search.after &&
    dateOf(order) <= before &&
    (search.statuses.length === 0 || search.statuses.includes(order.fulfillment?.fulfillmentStatus ?? '')) &&
    (search.fulfilledBy.length === 0 || search.fulfilledBy.includes(order.fulfillment?.fulfilledBy ?? 'MERCHANT')) &&
    (search.marketplaceIds.length === 0 || search.marketplaceIds.includes(order.salesChannel.marketplaceId ?? ''));
  let page;
  try {
    page = state.store.pageByCursor({ signature: `${filter}|${before}`, where }, storeCursor, search.pageSize);
  } catch (error) {
    if (error instanceof SandboxCursorError) return invalidInput('Invalid paginationToken.', rate);
    throw error;
  }
  const nextToken = page.next === undefined ? undefined : encodeSearchToken({ filter, before, issuedAt, cursor: page.next });
  return jsonAnswer(
    200,
    {
      orders: page.items.map((order) => render(state, order, search.included)),
      ...(nextToken ? { pagination: { nextToken } } : {}),
      [beforeName]: toAmazonDateTime(before),
    },
    rate,
  );
}

function getOrder(state: AmazonSandboxState, ctx: SandboxContext): Response {
  const rate = rateOf(state, 'getOrder');
  const orderId = String(ctx.params['orderId'] ?? '');
  const order = state.store.get(orderId);
  if (!order) return errorAnswer(404, 'NotFound', 'The requested order was not found.', `Order ${orderId} does not exist for this seller.`, rate);
  const included = includedDataOf(ctx);
  if (included instanceof Response) return included;
  return jsonAnswer(200, { order: render(state, order, included) }, rate);
}

/** Orders API v2026-01-01: searchOrders and getOrder on every base URL given. */
export function orders2026Handlers(kit: SandboxKit, state: AmazonSandboxState, baseUrls: readonly string[]): HttpHandler[] {
  return baseUrls.flatMap((base) => [
    kit.route('GET', `${base}/orders/2026-01-01/orders`, 'searchOrders', (ctx) => denied(state, ctx) ?? searchOrders(state, ctx)),
    kit.route('GET', `${base}/orders/2026-01-01/orders/:orderId`, 'getOrder', (ctx) => denied(state, ctx) ?? getOrder(state, ctx)),
  ]);
}

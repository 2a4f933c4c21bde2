import type { HttpHandler } from 'msw';
import { SandboxCursorError, type SandboxContext, type SandboxKit } from '@mallkit/core/testing';
import { toAmazonDateTime } from '../api/common.js';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import type { AmazonOperation } from '../api/usage-plans.js';
import { V0_TO_2026_STATUS } from '../mapping/status.js';
import { denied, rateOf, type AmazonSandboxState } from './state.js';
import { decodeSearchToken, encodeSearchToken, searchSignature } from './store.js';
import { v0Address, v0Buyer, v0Items, v0Order } from './v0-views.js';
import { BEFORE_LAG_MS, errorAnswer, invalidInput, isoInstant, jsonAnswer, queryList } from './wire.js';

/** A v0 search: "NextToken doesn't affect any filters", so the token carries the whole of it. */
interface V0Search {
  readonly byCreated: boolean;
  readonly after: number;
  readonly before: number;
  readonly statuses: readonly string[];
  readonly channels: readonly string[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function searchOfToken(token: Record<string, unknown>): V0Search | null {
  const { byCreated, after, before, statuses, channels } = token;
  if (typeof byCreated !== 'boolean' || typeof after !== 'number' || typeof before !== 'number' || !isStringList(statuses) || !isStringList(channels)) return null;
  return { byCreated, after, before, statuses, channels };
}

function searchOfQuery(state: AmazonSandboxState, ctx: SandboxContext): V0Search | Response {
  const rate = rateOf(state, 'getOrdersV0');
  const q = ctx.url.searchParams;
  const createdAfter = q.get('CreatedAfter');
  const updatedAfter = q.get('LastUpdatedAfter');
  if ((createdAfter === null) === (updatedAfter === null)) return invalidInput('Either CreatedAfter or LastUpdatedAfter must be specified, not both.', rate);
  const byCreated = createdAfter !== null;
  const after = isoInstant(byCreated ? createdAfter : updatedAfter);
  if (after === null) return invalidInput('Date time is invalid, must be formatted by ISO 8601 standards.', rate);
  const beforeName = byCreated ? 'CreatedBefore' : 'LastUpdatedBefore';
  const beforeRaw = q.get(beforeName);
  const latest = ctx.clock.now() - BEFORE_LAG_MS;
  let before = latest;
  if (beforeRaw !== null) {
    const parsed = isoInstant(beforeRaw);
    if (parsed === null || parsed > latest) return invalidInput(`${beforeName} must be at least 2 minutes before the time of the request.`, rate);
    before = parsed;
  }
  const statuses = queryList(ctx.url, 'OrderStatuses').map((s) => V0_TO_2026_STATUS[s] ?? s);
  return { byCreated, after, before, statuses, channels: queryList(ctx.url, 'FulfillmentChannels') };
}

/** The order as v0 shows it; a corrupted one lacks its PurchaseDate, in lists and details alike. */
function render(state: AmazonSandboxState, order: AmazonOrder2026): unknown {
  const shown = v0Order(order);
  if (!state.store.corrupted.has(order.orderId)) return shown;
  const { PurchaseDate: _missing, ...broken } = shown;
  return broken;
}

function getOrders(state: AmazonSandboxState, ctx: SandboxContext): Response {
  const rate = rateOf(state, 'getOrdersV0');
  const q = ctx.url.searchParams;
  if (queryList(ctx.url, 'MarketplaceIds').length === 0) return invalidInput('MarketplaceIds is required.', rate);
  const pageSize = Number(q.get('MaxResultsPerPage') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalidInput('MaxResultsPerPage must be between 1 and 100.', rate);
  const tokenText = q.get('NextToken');
  let search: V0Search | Response;
  let storeCursor: string | undefined;
  if (tokenText === null) {
    search = searchOfQuery(state, ctx);
  } else {
    const token = decodeSearchToken(tokenText);
    const saved = token ? searchOfToken(token) : null;
    if (!token || !saved || typeof token['cursor'] !== 'string') return invalidInput('Invalid NextToken.', rate);
    search = saved;
    storeCursor = token['cursor'];
  }
  if (search instanceof Response) return search;
  const { byCreated, after, before, statuses, channels } = search;
  const where = (order: AmazonOrder2026): boolean => {
    const at = Date.parse(byCreated ? order.createdTime : order.lastUpdatedTime);
    return (
      at >= after &&
      at <= before &&
      (statuses.length === 0 || statuses.includes(order.fulfillment?.fulfillmentStatus ?? '')) &&
      (channels.length === 0 || channels.includes(order.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN'))
    );
  };
  let page;
  try {
    page = state.store.pageByCursor({ signature: searchSignature([byCreated, after, before, statuses, channels]), where }, storeCursor, pageSize);
  } catch (error) {
    if (error instanceof SandboxCursorError) return invalidInput('Invalid NextToken.', rate);
    throw error;
  }
  const nextToken = page.next === undefined ? undefined : encodeSearchToken({ ...search, cursor: page.next });
  return jsonAnswer(
    200,
    {
      payload: {
        Orders: page.items.map((order) => render(state, order)),
        ...(nextToken ? { NextToken: nextToken } : {}),
        [byCreated ? 'CreatedBefore' : 'LastUpdatedBefore']: toAmazonDateTime(before),
      },
    },
    rate,
  );
}

/** A per-order v0 read: the order's view, or Amazon's 404. */
function perOrder(state: AmazonSandboxState, operation: AmazonOperation, view: (order: AmazonOrder2026) => unknown) {
  return (ctx: SandboxContext): Response => {
    const refused = denied(state, ctx);
    if (refused) return refused;
    const rate = rateOf(state, operation);
    const orderId = String(ctx.params['orderId'] ?? '');
    const order = state.store.get(orderId);
    if (!order) return errorAnswer(404, 'NotFound', `Order ${orderId} not found.`, undefined, rate);
    return jsonAnswer(200, { payload: view(order) }, rate);
  };
}

/** Orders API v0 reads (deprecated): getOrders, getOrder, getOrderItems, getOrderAddress, getOrderBuyerInfo. */
export function ordersV0Handlers(kit: SandboxKit, state: AmazonSandboxState, baseUrls: readonly string[]): HttpHandler[] {
  return baseUrls.flatMap((base) => [
    kit.route('GET', `${base}/orders/v0/orders`, 'getOrdersV0', (ctx) => denied(state, ctx) ?? getOrders(state, ctx)),
    kit.route('GET', `${base}/orders/v0/orders/:orderId`, 'getOrderV0', perOrder(state, 'getOrderV0', (order) => render(state, order))),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/orderItems`, 'getOrderItemsV0', perOrder(state, 'getOrderItemsV0', (order) => ({ AmazonOrderId: order.orderId, OrderItems: v0Items(order) }))),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/address`, 'getOrderAddressV0', perOrder(state, 'getOrderAddressV0', v0Address)),
    kit.route('GET', `${base}/orders/v0/orders/:orderId/buyerInfo`, 'getOrderBuyerInfoV0', perOrder(state, 'getOrderBuyerInfoV0', v0Buyer)),
  ]);
}

import { MallkitError, NotFoundError, UnsupportedOperationError, parseJst, type SendOptions } from '@mallkit/core';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import type { AmazonOrderItemV0, AmazonOrderV0, AmazonOrderV0Bundle } from '../api/orders-v0.js';
import { ORDERS_V0_READ_REMOVAL_DATE } from '../endpoints.js';
import { mapOrder, type AmazonOrder } from '../mapping/order.js';
import { adaptV0Bundle } from '../mapping/v0-adapter.js';
import type { OperationContext } from './context.js';

const V0_REMOVAL = parseJst(ORDERS_V0_READ_REMOVAL_DATE).getTime();

/** Refuses v0 reads once Amazon has removed them, with the way out in the hint. */
export function assertV0Available(ctx: OperationContext, operation: string): void {
  if (ctx.ordersApi !== 'v0' || ctx.client.clock.now() < V0_REMOVAL) return;
  throw new UnsupportedOperationError(`amazon ${operation}: Orders API v0 reads were removed on ${ORDERS_V0_READ_REMOVAL_DATE}`, {
    mall: 'amazon',
    operation,
    hint: {
      ja: `Orders API v0 の読み取りは ${ORDERS_V0_READ_REMOVAL_DATE} に廃止されました。ordersApi オプションを外して v2026-01-01 を使ってください。`,
      en: `Orders API v0 reads were removed on ${ORDERS_V0_READ_REMOVAL_DATE}. Drop the ordersApi option to use v2026-01-01.`,
    },
  });
}

/** Every item of a v0 order, following NextToken. */
export async function readItemsV0(ctx: OperationContext, orderId: string, call: SendOptions): Promise<AmazonOrderItemV0[]> {
  const items: AmazonOrderItemV0[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.client.getOrderItemsV0(orderId, nextToken, call);
    items.push(...page.payload.OrderItems);
    nextToken = page.payload.NextToken;
  } while (nextToken);
  return items;
}

/** The v0 fan-out for one order: items, address and buyer, one call each (what v2026 returns inline). */
export async function readV0Bundle(ctx: OperationContext, order: AmazonOrderV0, call: SendOptions): Promise<AmazonOrderV0Bundle> {
  const items = await readItemsV0(ctx, order.AmazonOrderId, call);
  const address = (await ctx.client.getOrderAddressV0(order.AmazonOrderId, call)).payload;
  const buyer = (await ctx.client.getOrderBuyerInfoV0(order.AmazonOrderId, call)).payload;
  return { order, items, address, buyer };
}

/** Normalizes what the v0 path read. */
export function mapV0Bundle(ctx: OperationContext, bundle: AmazonOrderV0Bundle): AmazonOrder {
  return mapOrder(adaptV0Bundle(bundle), { shopId: ctx.shopId, mappers: ctx.mappers, rawStatus: bundle.order.OrderStatus, raw: bundle });
}

/** Normalizes a v2026 order. */
export function mapOrder2026(ctx: OperationContext, order: AmazonOrder2026): AmazonOrder {
  return mapOrder(order, { shopId: ctx.shopId, mappers: ctx.mappers, raw: order });
}

/**
 * Reads one order with the configured API. Amazon's 404 comes back as a value, not thrown, so that
 * callers can report the order as missing and still hand on its x-amzn-RequestId.
 */
export async function readOrder(ctx: OperationContext, orderId: string, call: SendOptions): Promise<AmazonOrder | NotFoundError> {
  try {
    if (ctx.ordersApi === 'v0') {
      assertV0Available(ctx, 'getOrders');
      const order = (await ctx.client.getOrderV0(orderId, call)).payload;
      return mapV0Bundle(ctx, await readV0Bundle(ctx, order, call));
    }
    return mapOrder2026(ctx, (await ctx.client.getOrder(orderId, ctx.includedData, call)).order);
  } catch (error) {
    if (MallkitError.isInstance(error) && NotFoundError.isInstance(error)) return error;
    throw error;
  }
}

import { NotFoundError, orderIdsSchema, parseInput, type CallOptions } from '@mallkit/core';
import type { AmazonOrder } from '../mapping/order.js';
import type { OperationContext } from './context.js';
import { readOrder } from './read-order.js';

/** getOrders: one getOrder per id (items, buyer and recipient come inline in v2026). */
export async function getOrders(ctx: OperationContext, ids: readonly string[], options: CallOptions = {}): Promise<AmazonOrder[]> {
  const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: 'amazon', operation: 'getOrders' });
  const orders: AmazonOrder[] = [];
  const missing: string[] = [];
  const requestIds: string[] = [];
  for (const id of parsed) {
    const order = await readOrder(ctx, id, options);
    if (!NotFoundError.isInstance(order)) {
      orders.push(order);
      continue;
    }
    missing.push(id);
    if (order.requestId) requestIds.push(order.requestId);
  }
  if (missing.length > 0) {
    throw new NotFoundError(`amazon getOrders: no such order for this seller: ${missing.join(', ')}`, {
      mall: 'amazon',
      operation: 'getOrders',
      mallCode: 'NotFound',
      httpStatus: 404,
      // Amazon's reference for support cases; with several missing ids, the first 404's.
      requestId: requestIds[0] ?? null,
      hint: {
        ja: `注文番号を確認してください（${missing.join(', ')}）。別の出品者アカウントやマーケットプレイスの注文ではありませんか。`,
        en: `Check the order ids (${missing.join(', ')}): they may belong to another seller account or marketplace.`,
      },
    });
  }
  return orders;
}

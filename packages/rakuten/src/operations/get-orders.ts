import { NotFoundError, orderIdsSchema, parseInput, type CallOptions, type Order } from '@mallkit/core';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenClient } from '../client.js';
import type { RakutenMappers } from '../mapping/mappers.js';
import { mapOrder } from '../mapping/order.js';
import { readOrders } from './read-orders.js';

/** getOrders: by number, in the order given; numbers Rakuten does not return throw NotFoundError naming them. */
export async function getOrders(
  ctx: { client: RakutenClient; shopId: string; mappers: RakutenMappers },
  ids: readonly string[],
  call?: CallOptions,
): Promise<Order<RakutenOrderModel>[]> {
  const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: 'rakuten', operation: 'getOrders' });
  if (parsed.length === 0) return [];
  const found = await readOrders(ctx.client, parsed, call);
  const missing = parsed.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new NotFoundError(`rakuten getOrder: no such order for this shop: ${missing.join(', ')}`, {
      mall: 'rakuten',
      operation: 'getOrder',
      hint: {
        ja: `注文番号 ${missing.join(', ')} が見つかりません。番号と、2年（730日）以内の注文かどうかを確認してください。`,
        en: `Order ${missing.join(', ')} was not found. Check the number and that the order is less than 730 days old.`,
      },
    });
  }
  return parsed.map((id) => mapOrder(found.get(id) as RakutenOrderModel, { shopId: ctx.shopId, mappers: ctx.mappers }));
}

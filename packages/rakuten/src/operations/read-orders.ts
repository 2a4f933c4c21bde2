import { chunk, type CallOptions } from '@mallkit/core';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenClient } from '../client.js';
import { RAKUTEN_LIMITS } from '../constants.js';

/**
 * Reads orders by number with getOrder, 100 per request, one request at a time. Numbers Rakuten
 * does not return (unknown, older than 730 days) are simply absent from the map.
 */
export async function readOrders(client: RakutenClient, ids: readonly string[], call?: CallOptions): Promise<Map<string, RakutenOrderModel>> {
  const found = new Map<string, RakutenOrderModel>();
  for (const batch of chunk([...new Set(ids)], RAKUTEN_LIMITS.batchSize)) {
    const answer = await client.getOrder(batch, call);
    for (const order of answer.OrderModelList ?? []) found.set(order.orderNumber, order);
  }
  return found;
}

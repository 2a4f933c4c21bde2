import { parseJst } from '@mallkit/core';
import { createSandboxStore, type SandboxStore } from '@mallkit/core/testing';
import type { ShopserveOrder } from '../api/order-record.js';

/** One order in the sandbox: the wire order (canonical spelling) and its searchable instants. */
export interface ShopserveRecord {
  /** The order as the sandbox sends it (before the profile's field names are applied). */
  readonly order: ShopserveOrder;
  /** 注文日時, epoch ms. */
  readonly orderedAt: number;
  /** 受注更新日時, epoch ms. */
  readonly updatedAt: number;
}

/** A record for an order, its instants read from the order's own fields. */
export function toRecord(order: ShopserveOrder): ShopserveRecord {
  const orderedAt = parseJst(order.basic.ordered_at).getTime();
  return { order, orderedAt, updatedAt: order.basic.updated_at ? parseJst(order.basic.updated_at).getTime() : orderedAt };
}

/** The sandbox's orders over core's store: searched oldest first, keyed by serial_code. */
export function createShopserveStore(): SandboxStore<ShopserveRecord> {
  return createSandboxStore<ShopserveRecord>({
    id: (record) => record.order.serial_code,
    compare: (a, b) => a.orderedAt - b.orderedAt || a.order.serial_code.localeCompare(b.order.serial_code),
  });
}

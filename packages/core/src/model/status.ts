import type { Mapped } from './mapped.js';

/** The lifecycle states every mall's own order statuses are mapped to. */
export const ORDER_STATUSES = [
  'pending_confirmation',
  'confirmed',
  'awaiting_payment',
  'ready_to_ship',
  'shipped',
  'delivered',
  'completed',
  'cancel_requested',
  'cancelled',
  'on_hold',
] as const;

/** A normalized order status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A normalized status with the mall's raw status string kept beside it. */
export type MappedOrderStatus = Mapped<OrderStatus>;

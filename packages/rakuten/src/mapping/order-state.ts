import { orderStateSchema, type RakutenOrderState } from '../api/order-model.js';

/**
 * The states of the orders of a getOrder answer, by order number, for the writes: an order whose
 * progress or packages cannot be read is left out (the write then reports it not found), and the
 * rest of the answer still counts.
 */
export function orderStatesOf(orders: readonly unknown[]): Map<string, RakutenOrderState> {
  const states = new Map<string, RakutenOrderState>();
  for (const wire of orders) {
    const parsed = orderStateSchema.safeParse(wire);
    if (parsed.success) states.set(parsed.data.orderNumber, parsed.data);
  }
  return states;
}

/** True when an order at this orderProgress can no longer be confirmed or shipped because it is (being) cancelled. */
export function isCancelledProgress(progress: number): boolean {
  return progress === 800 || progress === 900;
}

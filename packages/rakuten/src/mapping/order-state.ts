import { describeIssue, unreadableOrder, type UnreadableOrderError } from '@mallkit/core';
import { orderStateSchema, type RakutenOrderState } from '../api/order-model.js';

/** What {@link orderStatesOf} needs to name an unreadable order. */
export interface OrderStateContext {
  /** The connector's redactor, for the excerpt of an order that cannot be read. */
  readonly redact: (text: string) => string;
}

function numberOf(wire: unknown): string | null {
  const id = (wire as { orderNumber?: unknown } | null)?.orderNumber;
  return typeof id === 'string' ? id : null;
}

/**
 * The states of the orders of a getOrder answer, by order number, for the writes. An order whose
 * progress or packages cannot be read is given as its UnreadableOrderError, so the write fails
 * that order alone and says why (not "no such order", which it is not); the rest of the answer
 * still counts. An order without an order number cannot be matched to a request and is left out.
 */
export function orderStatesOf(orders: readonly unknown[], context: OrderStateContext): Map<string, RakutenOrderState | UnreadableOrderError> {
  const states = new Map<string, RakutenOrderState | UnreadableOrderError>();
  for (const wire of orders) {
    const id = numberOf(wire);
    if (id === null) continue;
    const parsed = orderStateSchema.safeParse(wire);
    states.set(
      id,
      parsed.success ? parsed.data : unreadableOrder(wire, id, `its state cannot be read: ${describeIssue(parsed.error)}`, { mall: 'rakuten', operation: 'getOrder', redact: context.redact }),
    );
  }
  return states;
}

/** True when an order at this orderProgress can no longer be confirmed or shipped because it is (being) cancelled. */
export function isCancelledProgress(progress: number): boolean {
  return progress === 800 || progress === 900;
}

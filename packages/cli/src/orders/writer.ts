import type { ChangeField, Order } from '@mallkit/core';

/** The output formats of `mallkit orders`. */
export const ORDER_FORMATS = ['table', 'ndjson', 'csv'] as const;
/** One of {@link ORDER_FORMATS}. */
export type OrderFormat = (typeof ORDER_FORMATS)[number];

/** What an incremental sync says about an order it delivers (see core's syncOrders). */
export interface OrderChange {
  readonly type: 'new' | 'changed' | 'cancelled';
  /** Idempotency key: applying the same key twice is safe. */
  readonly key: string;
  readonly changedFields: readonly ChangeField[] | null;
}

/**
 * Turns orders into text as they arrive, so that a sync of any size streams in constant memory:
 * `begin` before the first order, `write` per order (with what changed, in an incremental sync),
 * `end` after the last.
 */
export interface OrderWriter {
  begin(): string;
  write(order: Order, change?: OrderChange): string;
  /** An order the mall no longer shows (incremental sync); absent when the format has no place for it (then it goes to standard error). */
  removed?(orderId: string, key: string): string;
  end(): string;
}

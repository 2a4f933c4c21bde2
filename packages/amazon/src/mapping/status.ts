import type { Mapped, OrderStatus } from '@mallkit/core';
import type { FulfillmentStatus } from '../api/orders-2026.js';

/**
 * v2026 fulfillment statuses → normalized statuses. Amazon has no confirm step: an order the
 * seller must ship is UNSHIPPED from the start, hence `ready_to_ship`.
 */
const FROM_2026: Readonly<Record<FulfillmentStatus, OrderStatus>> = {
  // A pre-order waiting for the release date: nothing to do yet.
  PENDING_AVAILABILITY: 'on_hold',
  // Placed, payment not yet authorized: the address is not even released.
  PENDING: 'awaiting_payment',
  UNSHIPPED: 'ready_to_ship',
  // Some units still have to go out: the OMS must keep shipping.
  PARTIALLY_SHIPPED: 'ready_to_ship',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  UNFULFILLABLE: 'on_hold',
};

/** v0 OrderStatus values → the v2026 names (the migration guide's mapping). */
export const V0_TO_2026_STATUS: Readonly<Record<string, FulfillmentStatus>> = {
  PendingAvailability: 'PENDING_AVAILABILITY',
  Pending: 'PENDING',
  Unshipped: 'UNSHIPPED',
  PartiallyShipped: 'PARTIALLY_SHIPPED',
  Shipped: 'SHIPPED',
  // Shipped business order whose invoice is still unconfirmed: the goods are on their way.
  InvoiceUnconfirmed: 'SHIPPED',
  Canceled: 'CANCELLED',
  Unfulfillable: 'UNFULFILLABLE',
};

/** v2026 fulfillment statuses → the v0 OrderStatus values behind them (the table above, read backwards). */
export function v0StatusesFor(statuses: readonly FulfillmentStatus[]): string[] {
  return Object.entries(V0_TO_2026_STATUS)
    .filter(([, status]) => statuses.includes(status))
    .map(([v0]) => v0);
}

/** The normalized statuses → the fulfillment statuses that can produce them, for the search filter. */
export function fulfillmentStatusesFor(statuses: readonly OrderStatus[]): FulfillmentStatus[] {
  const wanted = new Set<FulfillmentStatus>();
  for (const [raw, code] of Object.entries(FROM_2026) as Array<[FulfillmentStatus, OrderStatus]>) {
    if (statuses.includes(code)) wanted.add(raw);
  }
  // cancel_requested is an UNSHIPPED order with a buyer's cancellation request on an item.
  if (statuses.includes('cancel_requested')) wanted.add('UNSHIPPED');
  return [...wanted];
}

/**
 * Maps an order's status. `raw` is the string as the API sent it (v2026 or v0); a buyer's pending
 * cancellation request on an unshipped order becomes `cancel_requested`.
 */
export function mapStatus(raw: string, fulfillmentStatus: string, buyerRequestedCancel: boolean): Mapped<OrderStatus> {
  const code = (FROM_2026 as Readonly<Record<string, OrderStatus>>)[fulfillmentStatus];
  if (code === undefined) return { code: 'unmapped', raw };
  if (buyerRequestedCancel && (code === 'ready_to_ship' || code === 'awaiting_payment')) return { code: 'cancel_requested', raw };
  return { code, raw };
}

/**
 * The searches a status filter needs, as the API's values: one for all statuses (`undefined`),
 * one with the values, or none at all when no status of the API can match.
 */
export function statusSearchPlans<Plan>(statuses: readonly OrderStatus[] | undefined, toPlan: (wanted: FulfillmentStatus[]) => Plan): Array<Plan | undefined> {
  if (!statuses) return [undefined];
  const wanted = fulfillmentStatusesFor(statuses);
  return wanted.length === 0 ? [] : [toPlan(wanted)];
}

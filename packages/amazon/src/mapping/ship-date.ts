import { formatJst, parseJst } from '@mallkit/core';

/** A ship date as the update gave it: an instant, or a JST calendar day. */
export type ShipDateInput = { readonly kind: 'instant'; readonly at: number } | { readonly kind: 'day'; readonly day: string; readonly start: number };

/** Reads the update's `shippedAt` (Date, `YYYY-MM-DD` as JST, or an ISO instant with offset), already checked by core (calendar, not in the future). */
export function readShipDate(value: Date | string): ShipDateInput {
  if (value instanceof Date) return { kind: 'instant', at: value.getTime() };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'day', day: value, start: parseJst(value).getTime() };
  return { kind: 'instant', at: parseJst(value).getTime() };
}

/** True when the ship date lies before the purchase (Amazon refuses it); a JST day compares by day. */
export function shipsBeforePurchase(input: ShipDateInput, purchasedAt: number): boolean {
  return input.kind === 'day' ? input.day < formatJst(purchasedAt, 'date') : input.at < purchasedAt;
}

/**
 * The instant sent to Amazon. A JST day becomes its first moment that is not before the purchase
 * (shipping on the day of an order placed at 10:00 means 10:00 or later), so it is deterministic
 * and a retry sends the same value.
 */
export function shipInstant(input: ShipDateInput, purchasedAt: number): number {
  return input.kind === 'day' ? Math.max(input.start, purchasedAt) : input.at;
}

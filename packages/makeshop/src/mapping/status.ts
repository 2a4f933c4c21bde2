import type { Mapped, OrderStatus, PaymentMethodCode } from '@mallkit/core';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../api/limits.js';
import type { MakeshopWireOrder } from '../api/order-schema.js';

/*
 * makeshop has no confirm step and no hold: an order is 未処理 (N) until it is shipped (Y),
 * cancelled (C) or returned (R). What an OMS must tell apart inside N is payment: a 仮注文 (the
 * legacy API's status 99: an external payment not completed; makeshop turns it into a normal order
 * or deletes it) and a prepaid order not yet paid both wait for payment. Shops must not ship a
 * 仮注文 (seed 000), and how the GraphQL API marks one is UNKNOWN (spec v2 §3.4): so an N order is
 * ready_to_ship only on positive evidence — an order status this package reads as normal, and a
 * payment that is either received or not needed before shipping. Without that evidence the order
 * is on_hold with a warning saying what is missing, and exportShipments refuses it.
 */

const BY_DELIVERY_STATUS: Readonly<Record<Exclude<DeliveryStatus, 'N'>, OrderStatus>> = {
  Y: 'shipped',
  C: 'cancelled',
  // 返送: the parcel came back; the shop must decide what to do with the order.
  R: 'on_hold',
};

/** Methods paid before the goods leave: an unpaid order with one of them waits for the money. */
const PAY_FIRST: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

/** True for a method paid before the goods leave (bank transfer, convenience store, Pay-easy, postal transfer). */
export function paysFirst(method: PaymentMethodCode): boolean {
  return PAY_FIRST.has(method);
}

/** How this package reads an order status (legacy codes and the words a GraphQL enum would use; unverified). */
export type OrderStatusReading = 'normal' | 'provisional' | 'cancelled' | 'absent' | 'unknown';

/** Reads 注文ステータス: legacy 1 通常, 99 仮注文, 0 キャンセル, or their words; `absent` when not sent; `unknown` for anything else. */
export function readOrderStatus(orderStatus: MakeshopWireOrder['orderStatus']): OrderStatusReading {
  if (orderStatus === null || orderStatus === undefined || String(orderStatus).trim() === '') return 'absent';
  const text = String(orderStatus).trim();
  if (/^(1|通常|normal)$/i.test(text)) return 'normal';
  if (/^(99|仮注文|provisional|temporary|tentative)$/i.test(text)) return 'provisional';
  if (/^(0|キャンセル|cancel(l)?ed)$/i.test(text)) return 'cancelled';
  return 'unknown';
}

/** The delivery status of an order as sent, upper-cased; null when absent or not one of N, Y, C, R. */
export function deliveryStatusOf(order: MakeshopWireOrder): DeliveryStatus | null {
  const value = order.deliveryStatus?.trim().toUpperCase();
  return (DELIVERY_STATUSES as readonly string[]).includes(value ?? '') ? (value as DeliveryStatus) : null;
}

/** What the status mapping knows about an order besides its delivery status. */
export interface StatusFacts {
  /** The order status as read. */
  readonly orderStatus: OrderStatusReading;
  /** True paid, false unpaid, null unknown. */
  readonly paid: boolean | null;
  /** The mapped payment method, `unmapped` or null when none was sent. */
  readonly method: PaymentMethodCode | 'unmapped' | null;
  /** The user's choice: an N order whose 仮注文 or payment state is unknown counts as ready to ship. */
  readonly readyWhenUnknown: boolean;
}

/** Why an N order is not known to be shippable: what is missing, or null when it is known. */
export type UnknownState = 'provisional' | 'payment' | null;

/** The payment side of an N order: waiting for money, fine, or unknown. */
function paymentOf(facts: StatusFacts): 'waits' | 'fine' | 'unknown' {
  if (facts.paid === true) return 'fine';
  const method = facts.method === null || facts.method === 'unmapped' ? null : facts.method;
  if (method !== null && !PAY_FIRST.has(method)) return 'fine';
  if (facts.paid === false && method !== null) return 'waits';
  return 'unknown';
}

/**
 * The normalized status of an order whose delivery status is `delivery` (as sent, or from the
 * search that found it), and, for an N order, what is not known about it. `raw` is the delivery
 * status.
 */
export function mapStatus(delivery: DeliveryStatus | null, raw: string, facts: StatusFacts): { readonly status: Mapped<OrderStatus>; readonly unknown: UnknownState } {
  const known = (code: OrderStatus | 'unmapped') => ({ status: { code, raw }, unknown: null });
  if (facts.orderStatus === 'cancelled') return known('cancelled');
  if (delivery === null) return known('unmapped');
  if (delivery !== 'N') return known(BY_DELIVERY_STATUS[delivery]);
  if (facts.orderStatus === 'provisional') return known('awaiting_payment');
  const unknown: UnknownState = facts.orderStatus !== 'normal' ? 'provisional' : paymentOf(facts) === 'unknown' ? 'payment' : null;
  if (unknown !== null) return { status: { code: facts.readyWhenUnknown ? 'ready_to_ship' : 'on_hold', raw }, unknown };
  return known(paymentOf(facts) === 'waits' ? 'awaiting_payment' : 'ready_to_ship');
}

/** The normalized statuses an order in each delivery status can map to (an order status 0 cancels any). */
const REACHABLE: Readonly<Record<DeliveryStatus, readonly OrderStatus[]>> = {
  N: ['ready_to_ship', 'awaiting_payment', 'on_hold', 'cancelled'],
  Y: ['shipped', 'cancelled'],
  C: ['cancelled'],
  R: ['on_hold', 'cancelled'],
};

/**
 * The order in which the delivery statuses are searched: the order an order moves through them
 * (未処理 → 配送 → 返送, キャンセル from any and last). An order that changes status while a listing
 * searches one status after another moves to a status searched later, never to one already
 * searched, so the listing meets it (an incremental sync would otherwise report it `removed`).
 */
export const DELIVERY_STATUS_SEARCH_ORDER: readonly DeliveryStatus[] = ['N', 'Y', 'R', 'C'];

/** The delivery statuses to search for a status filter (all four without one), in search order: the lister's plans; the kit filters after mapping. */
export function deliveryStatusesFor(statuses: readonly OrderStatus[] | undefined): DeliveryStatus[] {
  if (statuses === undefined) return [...DELIVERY_STATUS_SEARCH_ORDER];
  return DELIVERY_STATUS_SEARCH_ORDER.filter((status) => REACHABLE[status].some((code) => statuses.includes(code)));
}

import type { Mapped, OrderStatus, PaymentMethodCode } from '@mallkit/core';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../api/limits.js';
import type { MakeshopWireOrder } from '../api/order-schema.js';

/*
 * makeshop has no confirm step and no hold: an order is 未処理 (N) until it is shipped (Y),
 * cancelled (C) or returned (R). What an OMS must tell apart inside N is payment: a 仮注文 (the
 * legacy API's status 99; an external payment not completed) and a prepaid order not yet paid
 * both wait for payment; every other N order is ready to ship.
 */

const BY_DELIVERY_STATUS: Readonly<Record<DeliveryStatus, OrderStatus>> = {
  N: 'ready_to_ship',
  Y: 'shipped',
  C: 'cancelled',
  // 返送: the parcel came back; the shop must decide what to do with the order.
  R: 'on_hold',
};

/** Methods paid before the goods leave: an unpaid order with one of them waits for the money. */
const PAY_FIRST: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

/** True for the legacy API's 仮注文 code 99 and the words a GraphQL enum would use for it. */
export function isProvisional(orderStatus: MakeshopWireOrder['orderStatus']): boolean {
  if (orderStatus === null || orderStatus === undefined) return false;
  return /^(99|仮注文|provisional|temporary|tentative)$/i.test(String(orderStatus).trim());
}

/** True for the legacy API's cancelled code 0 and its words. */
function isCancelledOrder(orderStatus: MakeshopWireOrder['orderStatus']): boolean {
  if (orderStatus === null || orderStatus === undefined) return false;
  return /^(0|キャンセル|cancel(l)?ed)$/i.test(String(orderStatus).trim());
}

/** The delivery status of an order as sent, upper-cased; null when absent or not one of N, Y, C, R. */
export function deliveryStatusOf(order: MakeshopWireOrder): DeliveryStatus | null {
  const value = order.deliveryStatus?.trim().toUpperCase();
  return (DELIVERY_STATUSES as readonly string[]).includes(value ?? '') ? (value as DeliveryStatus) : null;
}

/** What the status mapping needs to know about payment. */
export interface PaymentFacts {
  /** True paid, false unpaid, null unknown. */
  readonly paid: boolean | null;
  readonly method: PaymentMethodCode | 'unmapped' | null;
}

/** Maps an order's status; `raw` is the delivery status as sent (or the order status when that is all there is). */
export function mapStatus(order: MakeshopWireOrder, payment: PaymentFacts): Mapped<OrderStatus> {
  const raw = order.deliveryStatus?.trim() || (order.orderStatus === null || order.orderStatus === undefined ? '' : String(order.orderStatus));
  if (isCancelledOrder(order.orderStatus)) return { code: 'cancelled', raw };
  const delivery = deliveryStatusOf(order);
  if (delivery === null) return { code: 'unmapped', raw };
  const code = BY_DELIVERY_STATUS[delivery];
  if (delivery !== 'N') return { code, raw };
  if (isProvisional(order.orderStatus)) return { code: 'awaiting_payment', raw };
  const waitsForMoney = payment.paid === false && payment.method !== null && payment.method !== 'unmapped' && PAY_FIRST.has(payment.method);
  return { code: waitsForMoney ? 'awaiting_payment' : code, raw };
}

/** The delivery statuses to search for a status filter (all four without one): the lister's plans. */
export function deliveryStatusesFor(statuses: readonly OrderStatus[] | undefined): DeliveryStatus[] {
  if (statuses === undefined) return [...DELIVERY_STATUSES];
  const wanted = new Set(statuses);
  return DELIVERY_STATUSES.filter((status) => wanted.has(BY_DELIVERY_STATUS[status]) || (status === 'N' && wanted.has('awaiting_payment')));
}

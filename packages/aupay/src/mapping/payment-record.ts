import type { Order, PaymentRecord } from '@mallkit/core';
import type { AupayOrderInfo } from '../api/order-info.js';
import { paymentTiming } from './payment.js';
import { aupayStatusOf } from './status.js';

/*
 * What au PAY tells about payment, and what it does not. paymentStatus turns `Y` only when au PAY
 * settles the money — for card and au かんたん決済 orders that happens AFTER shipment (a production
 * tool says so and ignores it: nakyahara/bfaith-portal `apps/aupay-unshipped/tests/run-all.mjs`),
 * so `N` never means "do not ship". The pre-shipment signal is the status: an order that has left
 * 発送前入金待ち / 与信待ち is paid as far as shipping is concerned; for prepaid methods paymentDate
 * (入金日) says when the money came.
 */

/** The payment fields of an au PAY order, as sent: `PaymentRecord.raw`. */
export interface AupayPaymentRaw {
  /** The order id. */
  readonly orderId: string;
  /** The order's status when read. */
  readonly orderStatus: string;
  /** The payment method as free text. */
  readonly settlementName: string | null;
  /** `Y`/`N`: settled by au PAY (after shipment for cards and carrier billing). */
  readonly paymentStatus: string | null;
  /** 入金日, as sent. */
  readonly paymentDate: string | null;
  /** The credit authorization state, as sent. */
  readonly authorizationStatus: string | null;
  /** What the buyer pays, as sent. */
  readonly requestPrice: string | null;
}

/** Statuses in which the money is still owed before shipping. */
const WAITING: ReadonlySet<string> = new Set(['発送前入金待ち', '与信待ち']);

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function stateOf(order: Order<AupayOrderInfo>): PaymentRecord['state'] {
  const raw = order.raw;
  const status = aupayStatusOf(raw.orderStatus);
  const settled = text(raw.paymentStatus) === 'Y';
  if (status === 'キャンセル') return 'cancelled';
  if (settled) return 'paid';
  if (status !== null && WAITING.has(status)) return 'unpaid';
  // Before the shop moved the order on (新規受付, 新規予約, or a shop status meaning the same), nothing
  // says a card or carrier-billing order passed its authorization, nor that a prepaid one was paid.
  const isNew = order.status.code === 'pending_confirmation';
  switch (paymentTiming(order.payment.method)) {
    case 'after_delivery':
      // Cash on delivery and 後払い are paid after delivery, whatever the status says before.
      return 'unpaid';
    case 'before_shipping':
      if (text(raw.paymentDate) !== null) return 'paid';
      return isNew ? 'unpaid' : 'paid';
    case 'at_order':
      return isNew ? 'unknown' : 'paid';
    case 'unknown':
      return 'unknown';
  }
}

/**
 * The payment record of an order: `paid` when au PAY settled it (paymentStatus Y) or the order has
 * left 発送前入金待ち / 与信待ち (for prepaid methods: when paymentDate is set or the shop moved it
 * on), `unpaid` while it waits or for cash on delivery and 後払い until au PAY settles,
 * `cancelled` for cancelled orders, `unknown` for a method no table knows and for a card or
 * carrier-billing order not yet moved on from 新規受付 (its authorization is not told). `rawState`
 * is paymentStatus as sent.
 */
export function toPaymentRecord(order: Order<AupayOrderInfo>): PaymentRecord<AupayPaymentRaw> {
  const raw = order.raw;
  return {
    mall: 'aupay',
    orderId: order.id,
    method: order.payment.method,
    state: stateOf(order),
    rawState: text(raw.paymentStatus),
    amount: order.amounts.billed,
    paidAt: order.payment.paidAt,
    settledAt: null,
    raw: {
      orderId: raw.orderId,
      orderStatus: raw.orderStatus,
      settlementName: text(raw.settlementName),
      paymentStatus: text(raw.paymentStatus),
      paymentDate: text(raw.paymentDate),
      authorizationStatus: text(raw.authorizationStatus),
      requestPrice: text(raw.requestPrice),
    },
  };
}

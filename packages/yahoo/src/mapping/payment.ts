import { cleanText, type Order, type PaymentRecord } from '@mallkit/core';
import type { YahooPaymentEntry } from '../api/order-list.js';
import type { YahooMappers } from './codes.js';
import { mapOrderStatus } from './status.js';
import { int, isoTime } from './values.js';

/*
 * getPayments reads PayStatus, PayDate, SettleStatus, PayMethod and TotalPrice from orderList
 * (2,000 orders per request) instead of one orderInfo per order.
 */

/** A payment record from an orderList entry. */
export function toPaymentRecord(entry: YahooPaymentEntry, mappers: YahooMappers): PaymentRecord<YahooPaymentEntry> {
  const payStatus = cleanText(entry.PayStatus);
  const settle = cleanText(entry.SettleStatus);
  const orderStatus = cleanText(entry.OrderStatus);
  const state: PaymentRecord['state'] =
    orderStatus === '4' || settle === '6' || settle === '11'
      ? 'cancelled'
      : settle === '7'
        ? 'refunded'
        : payStatus === '1'
          ? 'paid'
          : payStatus === '0'
            ? 'unpaid'
            : 'unknown';
  return {
    mall: 'yahoo',
    orderId: entry.OrderId ?? '',
    method: mappers.paymentMethod.map(entry.PayMethod) ?? { code: 'unmapped', raw: '' },
    state,
    rawState: payStatus === null ? null : `PayStatus=${payStatus}${settle ? `/SettleStatus=${settle}` : ''}`,
    amount: int(entry.TotalPrice),
    paidAt: payStatus === '1' ? isoTime(entry.PayDate) : null,
    settledAt: null,
    raw: entry,
  };
}

const NO_ONE = { name: '', familyName: null, givenName: null, nameKana: null, companyName: null, postalCode: null, prefecture: null, city: null, addressLines: [], phone: null, email: null, country: 'JP' } as const;

/**
 * The order as far as one orderList entry tells: id, status, time, payment and total, no parties
 * or lines. It only carries an entry through the kit's order lister, whose guarded paging,
 * de-duplication and per-entry isolation getPayments needs too; it is never handed to users.
 */
export function toListedOrder(entry: YahooPaymentEntry, shopId: string, mappers: YahooMappers): Order<YahooPaymentEntry> {
  const record = toPaymentRecord(entry, mappers);
  return {
    mall: 'yahoo',
    shopId,
    id: record.orderId,
    displayNumber: record.orderId,
    status: mapOrderStatus({ OrderStatus: entry.OrderStatus, IsSeen: 'true', PayStatus: entry.PayStatus }, []),
    orderedAt: isoTime(entry.OrderTime) ?? '',
    updatedAt: null,
    confirmedAt: null,
    buyer: NO_ONE,
    deliveries: [],
    amounts: { goods: null, shipping: null, fees: null, discounts: null, points: null, coupons: null, tax: null, total: null, billed: record.amount },
    payment: { method: record.method, paidAt: record.paidAt },
    flags: { fraudReview: false, suspect: false, provisional: false, buyerMayCancel: false, gift: false, multipleDestinations: false, preorder: false, deliveryPromise: false, business: false },
    notes: { buyerComment: null, shopMemo: null },
    warnings: [],
    raw: entry,
  };
}

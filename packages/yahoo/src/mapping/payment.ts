import type { Order, PaymentRecord } from '@mallkit/core';
import type { YahooOrderListEntry } from '../api/order-list.js';
import type { YahooMappers } from './codes.js';
import { mapOrderStatus } from './status.js';
import { int, isoTime, str } from './values.js';

/*
 * getPayments reads PayStatus, PayDate, SettleStatus, PayMethod and TotalPrice from orderList
 * (2,000 orders per request) instead of one orderInfo per order.
 */

function field(entry: YahooOrderListEntry, name: string): string | undefined {
  const value = entry[name];
  return typeof value === 'string' ? value : undefined;
}

/** A payment record from an orderList entry. */
export function toPaymentRecord(entry: YahooOrderListEntry, mappers: YahooMappers): PaymentRecord<YahooOrderListEntry> {
  const payStatus = str(field(entry, 'PayStatus'));
  const settle = str(field(entry, 'SettleStatus'));
  const orderStatus = str(field(entry, 'OrderStatus'));
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
    orderId: field(entry, 'OrderId') ?? '',
    method: mappers.paymentMethod.map(field(entry, 'PayMethod')) ?? { code: 'unmapped', raw: '' },
    state,
    rawState: payStatus === null ? null : `PayStatus=${payStatus}${settle ? `/SettleStatus=${settle}` : ''}`,
    amount: int(field(entry, 'TotalPrice')),
    paidAt: payStatus === '1' ? isoTime(field(entry, 'PayDate')) : null,
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
export function toListedOrder(entry: YahooOrderListEntry, shopId: string, mappers: YahooMappers): Order<YahooOrderListEntry> {
  const record = toPaymentRecord(entry, mappers);
  return {
    mall: 'yahoo',
    shopId,
    id: record.orderId,
    displayNumber: record.orderId,
    status: mapOrderStatus({ OrderStatus: field(entry, 'OrderStatus'), IsSeen: 'true', PayStatus: field(entry, 'PayStatus') }),
    orderedAt: isoTime(field(entry, 'OrderTime')) ?? '',
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

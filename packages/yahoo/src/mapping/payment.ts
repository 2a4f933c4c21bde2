import type { PaymentRecord } from '@mallkit/core';
import type { YahooOrderListEntry } from '../api/order-list.js';
import type { YahooMappers } from './codes.js';
import { int, isoTime, str } from './values.js';

function field(entry: YahooOrderListEntry, name: string): string | undefined {
  const value = entry[name];
  return typeof value === 'string' ? value : undefined;
}

/** A payment record from an orderList entry (PayStatus, PayDate, SettleStatus, PayMethod, TotalPrice). */
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
    orderId: entry.OrderId,
    method: mappers.paymentMethod.map(field(entry, 'PayMethod')) ?? { code: 'unmapped', raw: '' },
    state,
    rawState: payStatus === null ? null : `PayStatus=${payStatus}${settle ? `/SettleStatus=${settle}` : ''}`,
    amount: int(field(entry, 'TotalPrice')),
    paidAt: payStatus === '1' ? isoTime(field(entry, 'PayDate')) : null,
    settledAt: null,
    raw: entry,
  };
}

import { mapWithWarning, toIsoJst, tryParseJst, type ConnectorMappers, type Mapped, type OrderWarning, type PaymentMethodCode, type PaymentRecord } from '@mallkit/core';
import type { MakeshopWireOrder } from '../api/order-schema.js';
import { yenOf } from './numbers.js';
import { readOrderStatus } from './status.js';
import { unparsedValue } from './warnings.js';

/** Reads 入金状態: true paid, false unpaid, null when absent or unknown (legacy: 0 未入金, 1 入金済). */
export function paidFlag(value: MakeshopWireOrder['paymentStatus']): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim();
  if (/^(1|y|paid|入金済み?|入金完了|true)$/i.test(text)) return true;
  if (/^(0|n|unpaid|未入金|false)$/i.test(text)) return false;
  return null;
}

/** The payment method through the shop's mapper; an absent name is `unmapped` with an empty raw and a warning, never invented. */
export function paymentMethodOf(order: MakeshopWireOrder, mappers: ConnectorMappers, warnings: OrderWarning[]): Mapped<PaymentMethodCode> {
  return mapWithWarning(mappers.paymentMethod, order.paymentMethodName, 'payment.method', warnings, { required: true }) ?? { code: 'unmapped', raw: '' };
}

/** When the money arrived (入金日) as ISO JST, only for a paid order; an unreadable date is reported. */
export function paidAtOf(order: MakeshopWireOrder, warnings: OrderWarning[]): string | null {
  if (paidFlag(order.paymentStatus) !== true || !order.paymentDate) return null;
  const date = tryParseJst(order.paymentDate);
  if (date === null) {
    warnings.push(unparsedValue('payment.paidAt', order.paymentDate, 'not a date'));
    return null;
  }
  return toIsoJst(date);
}

/**
 * An order's payment as getPayments yields it: makeshop keeps payment on the order (the legacy
 * API had no payment endpoint either), so the record is read from the order itself.
 */
export function toPaymentRecord(order: MakeshopWireOrder, method: Mapped<PaymentMethodCode>, cancelled: boolean): PaymentRecord<MakeshopWireOrder> {
  const paid = paidFlag(order.paymentStatus);
  const provisional = readOrderStatus(order.orderStatus) === 'provisional';
  const state: PaymentRecord['state'] = cancelled ? 'cancelled' : provisional ? 'unpaid' : paid === true ? 'paid' : paid === false ? 'unpaid' : 'unknown';
  return {
    mall: 'makeshop',
    orderId: order.displayOrderNumber,
    method,
    state,
    rawState: order.paymentStatus === null || order.paymentStatus === undefined ? null : String(order.paymentStatus),
    amount: yenOf(order.sumPrice),
    paidAt: paidAtOf(order, []),
    settledAt: null,
    raw: order,
  };
}

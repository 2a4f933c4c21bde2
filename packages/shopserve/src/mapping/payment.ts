import type { Order, PaymentRecord } from '@mallkit/core';
import type { ShopserveOrder } from '../api/order-record.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { statusAxesOf } from './status.js';

/**
 * An order's payment: Shopserve publishes no payment API, but every order carries 入金ステータス,
 * 入金日 and 決済ステータス. `paid` once 入金済, `unpaid` while 未入金 (or the payment failed),
 * `cancelled` for a cancelled order, `unknown` when 入金ステータス is unreadable. The amount is
 * what the buyer is billed (請求金額, else 合計金額).
 */
export function paymentRecordOf(order: Order<ShopserveOrder>, wire: ShopserveWireProfile): PaymentRecord<ShopserveOrder> {
  const { basic } = order.raw;
  const axes = statusAxesOf(basic, wire);
  const state: PaymentRecord['state'] =
    axes.cancelled === true ? 'cancelled' : axes.deposited === true ? 'paid' : axes.paymentFailed || axes.deposited === false || axes.deposited === 'absent' ? 'unpaid' : 'unknown';
  const sent = [basic.deposit_status === null ? null : `deposit_status=${basic.deposit_status}`, basic.payment_status === null ? null : `payment_status=${basic.payment_status}`];
  const rawState = sent.filter((part): part is string => part !== null).join('; ');
  return {
    mall: 'shopserve',
    orderId: order.id,
    method: order.payment.method,
    state,
    rawState: rawState === '' ? null : rawState,
    amount: order.amounts.billed ?? order.amounts.total,
    paidAt: order.payment.paidAt,
    settledAt: null,
    raw: order.raw,
  };
}

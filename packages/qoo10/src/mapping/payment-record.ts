import type { Order, PaymentRecord } from '@mallkit/core';
import type { Qoo10Pack } from './pack.js';

/**
 * A cart's payment: Qoo10 has no payment API, only PaymentDate per line (set once paid; status 1
 * 配送待ち means unpaid). The amount is what the buyer pays for the cart (`amounts.billed`).
 */
export function paymentRecordOf(order: Order<Qoo10Pack>): PaymentRecord<Qoo10Pack> {
  const status = order.status.code;
  const state: PaymentRecord['state'] =
    status === 'cancelled' ? 'cancelled' : status === 'awaiting_payment' ? 'unpaid' : order.payment.paidAt !== null ? 'paid' : 'unknown';
  const first = order.raw.lines[0];
  return {
    mall: 'qoo10',
    orderId: order.id,
    method: order.payment.method,
    state,
    rawState: first?.ShippingStatus ?? (order.raw.claims[0] ? `claimStatus ${order.raw.claims[0].claimStatus}` : null),
    amount: order.amounts.billed,
    paidAt: order.payment.paidAt,
    settledAt: null,
    raw: order.raw,
  };
}

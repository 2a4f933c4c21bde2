import { formatJst, parseInput, paymentQuerySchema, type CallOptions, type PaymentQuery, type PaymentRecord } from '@mallkit/core';
import { PAYMENT_LIST_FIELDS } from '../api/fields.js';
import type { YahooOrderListEntry } from '../api/order-list.js';
import { toPaymentRecord } from '../mapping/payment.js';
import type { OperationContext } from './context.js';
import { pagesOf, visibility } from './list-orders.js';

/** getPayments: PayStatus / PayDate / SettleStatus from orderList, by order ids or by an OrderTime window. */
export async function* getPayments(ctx: OperationContext, query: PaymentQuery, call: CallOptions = {}): AsyncGenerator<PaymentRecord<YahooOrderListEntry>> {
  const parsed = parseInput(paymentQuerySchema, query, 'query', { mall: 'yahoo', operation: 'getPayments' });
  if ('orderIds' in parsed) {
    for (const orderId of parsed.orderIds) {
      for await (const entry of pagesOf(ctx, { OrderId: orderId, ...visibility(ctx) }, PAYMENT_LIST_FIELDS, call)) {
        yield toPaymentRecord(entry, ctx.mappers);
      }
    }
    return;
  }
  const to = parsed.to ?? new Date(ctx.clock.now());
  const condition = { OrderTimeFrom: formatJst(parsed.from, 'compact'), OrderTimeTo: formatJst(to, 'compact'), ...visibility(ctx) };
  for await (const entry of pagesOf(ctx, condition, PAYMENT_LIST_FIELDS, call)) yield toPaymentRecord(entry, ctx.mappers);
}

import { paymentQuerySchema, parseInput, type CallOptions, type Clock, type Logger, type PaymentQuery, type PaymentRecord } from '@mallkit/core';
import type { RakutenPaymentModel } from '../api/get-payment.js';
import type { RakutenClient } from '../client.js';
import type { RakutenMappers } from '../mapping/mappers.js';
import { mapPaymentRecord } from '../mapping/payment-record.js';
import { listOrders } from './list-orders.js';

/** What getPayments needs from the connector. */
export interface GetPaymentsContext {
  readonly client: RakutenClient;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shopId: string;
  readonly mappers: RakutenMappers;
}

async function* paymentsOf(ctx: GetPaymentsContext, orderId: string, call: CallOptions): AsyncGenerator<PaymentRecord<RakutenPaymentModel>> {
  const answer = await ctx.client.getPayment(orderId, call);
  for (const payment of answer.OrderModel?.PaymentModelList ?? []) yield mapPaymentRecord(orderId, payment, ctx.mappers);
}

/**
 * getPayments: getPayment (one order per request) for each order id, or for every order placed in
 * the window (found with searchOrder by 注文日). Each PaymentModel becomes one record.
 */
export async function* getPayments(ctx: GetPaymentsContext, query: PaymentQuery, call: CallOptions = {}): AsyncGenerator<PaymentRecord<RakutenPaymentModel>> {
  const parsed = parseInput(paymentQuerySchema, query, 'query', { mall: 'rakuten', operation: 'getPayments' });
  if ('orderIds' in parsed) {
    for (const id of new Set(parsed.orderIds)) yield* paymentsOf(ctx, id, call);
    return;
  }
  const window = { from: parsed.from, ...(parsed.to ? { to: parsed.to } : {}) };
  for await (const order of listOrders(ctx, window, call)) yield* paymentsOf(ctx, order.id, call);
}

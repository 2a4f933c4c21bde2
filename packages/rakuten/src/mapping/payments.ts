import {
  incompleteResult,
  isConnectorWide,
  isOutage,
  MallkitError,
  UnreadableOrderError,
  type CallOptions,
  type PaymentRecord,
} from '@mallkit/core';
import type { GetPaymentResponse, RakutenPaymentModel } from '../api/get-payment.js';
import type { RakutenMappers } from './mappers.js';
import { mapPaymentRecord } from './payment-record.js';

/** What the payment stream needs: one getPayment per order, and the shop's mappers. */
export interface PaymentSource {
  /** getPayment of one order (the raw client's method). */
  getPayment(orderNumber: string, call: CallOptions): Promise<GetPaymentResponse>;
  /** The shop's mappers, for the payment method. */
  readonly mappers: RakutenMappers;
}

/**
 * The payments of each order, one getPayment per order. One order whose payments cannot be read
 * (refused for that order, an unreadable answer) never ends the stream: it goes to
 * `call.onOrderError`, or the stream yields every other payment and then throws
 * IncompleteResultError naming it. A connector-wide refusal or an outage ends it at once, since
 * every further order would fail the same way.
 */
export async function* readPayments(
  orderNumbers: AsyncIterable<string> | Iterable<string>,
  source: PaymentSource,
  call: CallOptions,
): AsyncGenerator<PaymentRecord<RakutenPaymentModel>> {
  const failures: UnreadableOrderError[] = [];
  let delivered = 0;
  for await (const orderNumber of orderNumbers) {
    let answer: GetPaymentResponse;
    try {
      answer = await source.getPayment(orderNumber, call);
    } catch (error) {
      if (!MallkitError.isInstance(error) || isConnectorWide(error) || isOutage(error)) throw error;
      const failure = new UnreadableOrderError(`rakuten getPayment: the payments of order ${orderNumber} could not be read: ${error.message}`, {
        mall: 'rakuten',
        operation: 'getPayment',
        orderId: orderNumber,
        mallCode: error.mallCode,
        httpStatus: error.httpStatus,
        cause: error,
        hint: error.hint ?? {
          ja: `注文 ${orderNumber} の支払明細だけ読み取れませんでした（他の注文は取り込まれています）。RMS で注文を確認してください。`,
          en: `Only the payments of order ${orderNumber} could not be read (the others were delivered). Check the order in RMS.`,
        },
      });
      if (call.onOrderError) call.onOrderError(failure);
      else failures.push(failure);
      continue;
    }
    for (const payment of answer.OrderModel?.PaymentModelList ?? []) {
      delivered += 1;
      yield mapPaymentRecord(orderNumber, payment, source.mappers);
    }
  }
  if (failures.length > 0) throw incompleteResult('rakuten', 'getPayments', failures, delivered);
}

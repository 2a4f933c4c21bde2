import type { SandboxContext } from '@mallkit/core/testing';
import { rmsDatetime } from '../api/common.js';
import { UNSET_PRICE } from '../api/constants.js';
import { bodyOf } from './guard.js';
import type { RakutenSandboxStore } from './store.js';
import { jsonAnswer, message, SANDBOX_CODES, validationError } from './wire.js';

/** The getPayment answer for one order: a single PaymentModel, 決済確定 when the seed says it was paid. */
export function getPayment(store: RakutenSandboxStore, ctx: SandboxContext): Response {
  const body = bodyOf(ctx) ?? {};
  const orderNumber = typeof body.orderNumber === 'string' ? body.orderNumber : null;
  if (!orderNumber) return validationError('ORDER_EXT_API_GET_PAYMENT_ERROR_009', 'orderNumberの項目を指定して下さい。');
  if (body.version === undefined || body.version === null) return validationError('ORDER_EXT_API_GET_PAYMENT_ERROR_009', 'versionの項目を指定して下さい。');
  const record = store.orders.get(orderNumber);
  if (!record) return jsonAnswer({ MessageModelList: [message('ERROR', SANDBOX_CODES.paymentNotFound, '指定された注文番号は存在しません。', { orderNumber })] }, 400);
  const { order, paidAt } = record;
  const cancelled = order.orderProgress === 900;
  return jsonAnswer({
    MessageModelList: [message('INFO', 'ORDER_EXT_API_GET_PAYMENT_INFO_101', '支払明細の取得に成功しました。', { orderNumber })],
    OrderModel: {
      orderNumber,
      PaymentModelList: [
        {
          orderPaymentNumber: `${orderNumber}-1`,
          paymentMethod: order.SettlementModel?.settlementMethodCode ?? 1,
          paymentAmount: order.requestPrice === UNSET_PRICE ? null : order.requestPrice,
          paymentCharge: order.paymentCharge ?? 0,
          paymentStatus: cancelled ? 31100 : paidAt ? 30600 : 30100,
          paymentFixDatetime: paidAt ? rmsDatetime(Date.parse(paidAt)) : null,
          payExpectDate: null,
        },
      ],
    },
  });
}


import {
  NotFoundError,
  OrderStateError,
  type CallOptions,
} from '@mallkit/core';
import type { YahooOrderInfo } from '../api/order-info.js';
import { isFraudHeld } from '../mapping/status.js';
import { bool, str } from '../mapping/values.js';
import type { OperationContext } from './context.js';

/*
 * Writes read the order first: Yahoo allows only cancellation on an order under fraud review
 * (FraudHoldStatus 1 or 3; seed 002: 「不正注文審査中の注文データは、キャンセルステータスへの
 * 変更のみ可能です」) and nothing on a read-only order (IsReadOnly: the buyer may still cancel for
 * 10 minutes). Refusing locally gives the OMS a clear OrderStateError instead of a vague NG.
 */

/** The fields a write needs to decide. */
export const STATE_FIELDS = 'OrderId,OrderStatus,IsSeen,FraudHoldStatus,IsReadOnly,ShipStatus,ShipCompanyCode,ShipInvoiceNumber1,ShipInvoiceNumber2';

/** Reads the state of one order; NotFoundError when Yahoo has none. */
export async function readState(ctx: OperationContext, orderId: string, operation: string, call: CallOptions): Promise<YahooOrderInfo> {
  const info = await ctx.client.orderInfo(orderId, call, STATE_FIELDS);
  if (info === null) {
    throw new NotFoundError(`yahoo ${operation}: no such order: ${orderId}`, {
      mall: 'yahoo',
      operation,
      hint: { ja: `注文番号を確認してください: ${orderId}`, en: `Check the order id: ${orderId}` },
    });
  }
  return info;
}

function refuse(orderId: string, operation: string, ja: string, en: string): OrderStateError {
  return new OrderStateError(`yahoo ${operation}: order ${orderId}: ${en}`, { mall: 'yahoo', operation, orderId, hint: { ja, en } });
}

/** Throws OrderStateError when the order may not be changed except by cancellation. */
export function guardWritable(info: YahooOrderInfo, orderId: string, operation: string): void {
  if (isFraudHeld(info.FraudHoldStatus)) {
    throw refuse(
      orderId,
      operation,
      `不正注文審査中の注文です(FraudHoldStatus=${str(info.FraudHoldStatus) ?? ''})。キャンセル以外の操作はできません。審査の結果を待ってください。`,
      `the order is under fraud review (FraudHoldStatus=${str(info.FraudHoldStatus) ?? ''}): only cancellation is allowed until the review ends`,
    );
  }
  if (bool(info.IsReadOnly)) {
    throw refuse(
      orderId,
      operation,
      '注文後10分間の読み取り専用の注文です(購入者がキャンセルできる期間)。10分後に再実行してください。',
      'the order is read-only for its first 10 minutes (the buyer may still cancel): try again later',
    );
  }
  const status = str(info.OrderStatus);
  if (status === '4') throw refuse(orderId, operation, 'キャンセル済みの注文です。', 'the order is cancelled');
  if (status === '5') throw refuse(orderId, operation, '完了済みの注文です。', 'the order is already completed');
}


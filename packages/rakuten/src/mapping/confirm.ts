import { NotFoundError, OrderStateError, type MallkitError, type WriteOutcome } from '@mallkit/core';
import type { RakutenEnvelope, RakutenMessageModel } from '../api/common.js';
import { CONFIRM_CODES } from '../api/confirm-order.js';
import type { RakutenOrderState } from '../api/order-model.js';
import { errorFromMessage, ORDER_CANCELLED_HINT } from '../errors.js';
import { isCancelledProgress } from './order-state.js';

/*
 * What confirmOrder's answer means for each order, and what reading an order back says when the
 * answer could not tell (decision 0003): the kit's batch runner asks these two functions.
 */

const MALL = 'rakuten' as const;

function outcomeOf(id: string, message: RakutenMessageModel | undefined): WriteOutcome {
  if (!message) {
    return { kind: 'doubt', error: new OrderStateError(`rakuten confirmOrder: no result for order ${id} in the answer`, { mall: MALL, operation: 'confirmOrder', orderId: id }) };
  }
  if (message.messageType !== 'ERROR') return { kind: 'done', warnings: message.messageType === 'WARNING' ? [message.message ?? message.messageCode] : [] };
  const error = errorFromMessage(message, { operation: 'confirmOrder', orderId: id });
  // 103 "no longer awaiting confirmation" most likely means "confirmed before"; only the order's
  // state can tell that from a cancellation or another move, so it is read back.
  return message.messageCode === CONFIRM_CODES.alreadyMoved ? { kind: 'doubt', error } : { kind: 'failed', error };
}

/** One outcome per order of the batch, in its order, from confirmOrder's MessageModelList (one message per order). */
export function confirmOutcomes(batch: readonly string[], answer: RakutenEnvelope): WriteOutcome[] {
  const byOrder = new Map<string, RakutenMessageModel>();
  for (const message of answer.MessageModelList ?? []) if (message.orderNumber) byOrder.set(message.orderNumber, message);
  return batch.map((id) => outcomeOf(id, byOrder.get(id)));
}

/**
 * Decides a doubtful confirmation from the order's state read back. Still 100 means "not
 * confirmed": the doubt's own error is reported (retryable after a lost request), so that the
 * caller's next confirmOrders sends it again knowingly. A 103 on a confirmed order is `alreadyDone`;
 * a lost answer on a confirmed order is done, with a warning saying how it was found out.
 */
export function resolveConfirm(id: string, state: RakutenOrderState | undefined, doubt: MallkitError): WriteOutcome {
  if (!state) return { kind: 'failed', error: new NotFoundError(`rakuten confirmOrder: order ${id} was not found when read back`, { mall: MALL, operation: 'confirmOrder' }) };
  if (isCancelledProgress(state.orderProgress)) {
    return {
      kind: 'failed',
      error: new OrderStateError(`rakuten confirmOrder: order ${id} is cancelled (orderProgress ${state.orderProgress})`, {
        mall: MALL,
        operation: 'confirmOrder',
        orderId: id,
        mallCode: doubt.mallCode,
        hint: ORDER_CANCELLED_HINT,
      }),
    };
  }
  if (state.orderProgress === 100) return { kind: 'failed', error: doubt };
  if (doubt.mallCode === CONFIRM_CODES.alreadyMoved) return { kind: 'done', alreadyDone: true };
  return {
    kind: 'done',
    warnings: [`confirmOrder's answer was lost (${doubt.code}); reading the order back shows it confirmed (orderProgress ${state.orderProgress})`],
  };
}

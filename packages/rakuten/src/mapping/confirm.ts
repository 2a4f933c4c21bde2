import { NotFoundError, OrderStateError, type MallkitError, type WriteOutcome } from '@mallkit/core';
import type { RakutenEnvelope, RakutenMessageModel } from '../api/common.js';
import { CONFIRM_CODES } from '../api/confirm-order.js';
import type { RakutenOrderState } from '../api/order-model.js';
import { errorFromMessage, ORDER_CANCELLED_HINT } from '../errors.js';
import { isCancelledProgress } from './order-state.js';
import { ORDER_PROGRESS_NAMES, type OrderProgress } from './status.js';

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
 * orderProgress codes an order reaches only after the shop's 注文確認: confirmOrder moves 100 to
 * 200 楽天処理中 (Rakuten's authorisation and fraud checks), then Rakuten moves it to 300 発送待ち
 * and on. Vendor manuals say so: "注文確認を行うと…注文確認待ちから、楽天処理中へと移動します"
 * (https://manualc2.sokuhan.jp/manualc2/op-ec/rt/rms-pay-conf/), "楽天処理中内の受注の処理が完了すると
 * 「発送待ち」に移動します" (https://docs.shippinno.com/?p=5262).
 */
const AFTER_CONFIRMATION: ReadonlySet<number> = new Set([200, 300, 500, 600, 700]);

/** 400 変更確定待ち without a confirmation time: the shop must settle the change in RMS before anything else. */
const SETTLE_CHANGE_HINT = {
  ja: '注文は「変更確定待ち」（400）です。RMS の受注管理で変更を確定してから、もう一度注文確認してください。',
  en: 'The order is waiting for a change to be settled (400 変更確定待ち). Settle the change in RMS order management, then confirm the order again.',
};

function notConfirmable(id: string, progress: number, doubt: MallkitError): WriteOutcome {
  const name = ORDER_PROGRESS_NAMES[progress as OrderProgress] ?? 'unknown';
  return {
    kind: 'failed',
    error: new OrderStateError(`rakuten confirmOrder: order ${id} cannot be confirmed at orderProgress ${progress} (${name}), and it was not confirmed before`, {
      mall: MALL,
      operation: 'confirmOrder',
      orderId: id,
      mallCode: doubt.mallCode,
      ...(progress === 400 ? { hint: SETTLE_CHANGE_HINT } : {}),
    }),
  };
}

/**
 * Decides a doubtful confirmation from the order's state read back. Still 100 means "not
 * confirmed": the doubt's own error is reported (retryable after a lost request), so that the
 * caller's next confirmOrders sends it again knowingly. The order counts as confirmed only with
 * proof: a confirmation time (shopOrderCfmDatetime), or a progress that comes after 注文確認. A 103
 * on such an order is `alreadyDone`; a lost answer on it is done, with a warning saying how it was
 * found out. Any other progress (400 with no confirmation time) is an OrderStateError naming it.
 */
export function resolveConfirm(id: string, state: RakutenOrderState | undefined, doubt: MallkitError): WriteOutcome {
  if (!state) return { kind: 'failed', error: new NotFoundError(`rakuten confirmOrder: order ${id} was not found when read back`, { mall: MALL, operation: 'confirmOrder' }) };
  const progress = state.orderProgress;
  if (isCancelledProgress(progress)) {
    return {
      kind: 'failed',
      error: new OrderStateError(`rakuten confirmOrder: order ${id} is cancelled (orderProgress ${progress})`, {
        mall: MALL,
        operation: 'confirmOrder',
        orderId: id,
        mallCode: doubt.mallCode,
        hint: ORDER_CANCELLED_HINT,
      }),
    };
  }
  if (progress === 100) return { kind: 'failed', error: doubt };
  const confirmedAt = state.shopOrderCfmDatetime?.trim();
  if (!confirmedAt && !AFTER_CONFIRMATION.has(progress)) return notConfirmable(id, progress, doubt);
  const notes = progress === 400 ? [`order ${id} was confirmed, and now waits for a change to be settled in RMS (orderProgress 400)`] : [];
  if (doubt.mallCode === CONFIRM_CODES.alreadyMoved) return { kind: 'done', alreadyDone: true, warnings: notes };
  return {
    kind: 'done',
    warnings: [`confirmOrder's answer was lost (${doubt.code}); reading the order back shows it confirmed (orderProgress ${progress})`, ...notes],
  };
}

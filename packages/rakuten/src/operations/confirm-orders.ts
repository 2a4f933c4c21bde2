import {
  chunk,
  isConnectorWide,
  isUnknownOutcome,
  MallkitError,
  NotFoundError,
  OrderStateError,
  orderIdsSchema,
  parseInput,
  toBatchResult,
  type BatchItemResult,
  type BatchResult,
  type CallOptions,
} from '@mallkit/core';
import type { RakutenMessageModel } from '../api/common.js';
import { CONFIRM_CODES } from '../api/confirm-order.js';
import type { RakutenClient } from '../client.js';
import { RAKUTEN_LIMITS } from '../constants.js';
import { errorFromMessage } from '../errors.js';
import { ORDER_CANCELLED_HINT } from '../hints.js';
import { isCancelledProgress } from '../mapping/status.js';
import { readOrders } from './read-orders.js';

const MALL = 'rakuten' as const;

/** Why an order's state is read back after confirmOrder. */
type Doubt =
  /** Rakuten answered ERROR_103: the order already left 注文確認待ち (most likely confirmed before). */
  | { readonly kind: 'moved'; readonly message: RakutenMessageModel }
  /** No answer for this order (timeout, reset, 5xx, unreadable body, or no message for it). */
  | { readonly kind: 'unknown'; readonly error: MallkitError };

/**
 * Decides each doubtful order from its state read back with getOrder. Still 100 after an unknown
 * outcome means "not confirmed": reported as a retryable failure, so that the caller's next
 * confirmOrders sends it again knowingly (and a late-arriving first request then shows as 103).
 */
async function resolveByReadingBack(client: RakutenClient, doubts: Map<string, Doubt>, call: CallOptions): Promise<Map<string, BatchItemResult>> {
  const results = new Map<string, BatchItemResult>();
  const states = await readOrders(client, [...doubts.keys()], call);
  for (const [id, doubt] of doubts) {
    const order = states.get(id);
    if (!order) {
      results.set(id, { id, ok: false, error: new NotFoundError(`rakuten confirmOrder: order ${id} was not found when read back`, { mall: MALL, operation: 'confirmOrder' }) });
    } else if (isCancelledProgress(order.orderProgress)) {
      results.set(id, {
        id,
        ok: false,
        error: new OrderStateError(`rakuten confirmOrder: order ${id} is cancelled (orderProgress ${order.orderProgress})`, {
          mall: MALL,
          operation: 'confirmOrder',
          orderId: id,
          mallCode: doubt.kind === 'moved' ? doubt.message.messageCode : null,
          hint: ORDER_CANCELLED_HINT,
        }),
      });
    } else if (order.orderProgress === 100) {
      results.set(id, {
        id,
        ok: false,
        error:
          doubt.kind === 'unknown'
            ? doubt.error
            : errorFromMessage(doubt.message, { operation: 'confirmOrder', orderId: id }),
      });
    } else if (doubt.kind === 'moved') {
      results.set(id, { id, ok: true, alreadyDone: true, warnings: [] });
    } else {
      results.set(id, {
        id,
        ok: true,
        alreadyDone: false,
        warnings: [`confirmOrder's answer was lost (${doubt.error.code}); reading the order back shows it confirmed (orderProgress ${order.orderProgress})`],
      });
    }
  }
  return results;
}

/** Confirms one batch of at most 100 orders and reports each. */
async function confirmBatch(client: RakutenClient, ids: readonly string[], call: CallOptions): Promise<BatchItemResult[]> {
  const results = new Map<string, BatchItemResult>();
  const doubts = new Map<string, Doubt>();
  try {
    const answer = await client.confirmOrder(ids, call);
    const byOrder = new Map<string, RakutenMessageModel>();
    for (const message of answer.MessageModelList ?? []) if (message.orderNumber) byOrder.set(message.orderNumber, message);
    for (const id of ids) {
      const message = byOrder.get(id);
      if (!message) {
        doubts.set(id, { kind: 'unknown', error: new OrderStateError(`rakuten confirmOrder: no result for order ${id} in the answer`, { mall: MALL, operation: 'confirmOrder', orderId: id }) });
      } else if (message.messageType !== 'ERROR') {
        results.set(id, { id, ok: true, alreadyDone: false, warnings: message.messageType === 'WARNING' ? [message.message ?? message.messageCode] : [] });
      } else if (message.messageCode === CONFIRM_CODES.alreadyMoved) {
        doubts.set(id, { kind: 'moved', message });
      } else {
        results.set(id, { id, ok: false, error: errorFromMessage(message, { operation: 'confirmOrder', orderId: id }) });
      }
    }
  } catch (error) {
    if (isConnectorWide(error) || !isUnknownOutcome(error) || !MallkitError.isInstance(error)) throw error;
    for (const id of ids) doubts.set(id, { kind: 'unknown', error });
  }
  if (doubts.size > 0) for (const [id, result] of await resolveByReadingBack(client, doubts, call)) results.set(id, result);
  return ids.map((id) => results.get(id) as BatchItemResult);
}

/**
 * confirmOrders: 100 orders per confirmOrder, one request at a time, a result per order in input
 * order. 103 (already moved) is checked by reading the status back: confirmed orders are
 * `alreadyDone`, cancelled ones OrderStateError. 102 and 105 are OrderStateErrors (105 with the
 * hint to set postage first). A batch whose answer is lost is read back, never re-sent.
 */
export async function confirmOrders(client: RakutenClient, ids: readonly string[], call: CallOptions = {}): Promise<BatchResult> {
  const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: MALL, operation: 'confirmOrders' });
  const results: BatchItemResult[] = [];
  for (const batch of chunk(parsed, RAKUTEN_LIMITS.batchSize)) {
    for (const result of await confirmBatch(client, batch, call)) results.push(result);
  }
  return toBatchResult(results);
}

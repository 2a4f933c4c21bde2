import { MallkitError, orderIdsSchema, parseInput, toBatchResult, type BatchItemResult, type BatchResult, type CallOptions } from '@mallkit/core';
import { str, bool } from '../mapping/values.js';
import type { OperationContext } from './context.js';
import { isUnknownOutcome } from '@mallkit/core';
import { guardWritable, readState } from './order-state.js';

/*
 * "Confirm" on Yahoo is orderStatusChange to 2 処理中: a 新規注文 (OrderStatus 2 unseen) or a
 * 予約中/保留 order becomes 処理中, and the update marks it seen. Already 処理中 and seen →
 * alreadyDone without a write; Yahoo's own od91705 (status unchanged) also means alreadyDone.
 */

const UNCHANGED = 'od91705';

function confirmed(info: { OrderStatus?: string | undefined; IsSeen?: string | undefined }): boolean {
  return str(info.OrderStatus) === '2' && bool(info.IsSeen);
}

async function confirmOne(ctx: OperationContext, orderId: string, call: CallOptions): Promise<BatchItemResult> {
  const info = await readState(ctx, orderId, 'orderStatusChange', call);
  guardWritable(info, orderId, 'orderStatusChange');
  if (confirmed(info)) return { id: orderId, ok: true, alreadyDone: true, warnings: [] };
  try {
    const { warnings } = await ctx.client.orderStatusChange({ orderId, orderStatus: '2' }, call);
    const unchanged = warnings.some((w) => w.code === UNCHANGED);
    return {
      id: orderId,
      ok: true,
      alreadyDone: unchanged,
      warnings: warnings.filter((w) => w.code !== UNCHANGED).map((w) => `${w.code}: ${w.message}`),
    };
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error;
    // The change may have gone through: the order's state says which.
    const after = await readState(ctx, orderId, 'orderStatusChange', call);
    if (confirmed(after)) return { id: orderId, ok: true, alreadyDone: false, warnings: [] };
    throw error;
  }
}

/** confirmOrders: per order, in input order; one failure never hides the others. */
export async function confirmOrders(ctx: OperationContext, ids: readonly string[], call: CallOptions = {}): Promise<BatchResult> {
  const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: 'yahoo', operation: 'confirmOrders' });
  const results: BatchItemResult[] = [];
  for (const id of parsed) {
    try {
      results.push(await confirmOne(ctx, id, call));
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      results.push({ id, ok: false, error });
    }
  }
  return toBatchResult(results);
}

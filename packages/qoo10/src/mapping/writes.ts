import { NotFoundError, OrderStateError, type Hint, type OrderStatus, type ParsedShipmentUpdate, type WriteOutcome } from '@mallkit/core';
import { NOT_ON_REQUEST } from '../errors.js';
import { linesOf } from './order.js';
import type { Qoo10Pack } from './pack.js';
import { text } from './values.js';

/*
 * Write decisions from a cart's state, read before writing and again to resolve a doubt. Qoo10
 * writes are per line (OrderNo), mallkit's per order (PackNo): a cart is confirmed or shipped by
 * writing each of its lines that still needs it, and is done when every live line is.
 */

/** What to do for one cart: nothing more (an outcome), or write these lines. */
export type CartPlan = WriteOutcome | { readonly kind: 'write'; readonly orderNos: readonly string[] };

const CANCELLED: Hint = {
  ja: 'この注文はキャンセル済み、またはキャンセル・返品の申請中です。QSMでクレームを処理してください。',
  en: 'The order is cancelled, or a cancellation or return is pending. Handle the claim in QSM.',
};
const UNPAID: Hint = {
  ja: 'この注文はまだ入金されていません（配送待ち）。入金後に「配送要請」になってから処理してください。',
  en: 'The order is not paid yet (配送待ち). Process it once it is paid and in 配送要請.',
};

function refuse(packNo: string, message: string, hint: Hint, mallCode: string | null = null): WriteOutcome {
  return { kind: 'failed', error: new OrderStateError(`qoo10: order ${packNo}: ${message}`, { mall: 'qoo10', orderId: packNo, mallCode, hint }) };
}

const CLAIMED = new Set<OrderStatus>(['cancelled', 'cancel_requested']);

/** confirmOrders for one cart: its lines in 配送要請 are written; a cart with none left is alreadyDone. */
export function planConfirmation(pack: Qoo10Pack): CartPlan {
  const lines = linesOf(pack);
  if (lines.some((line) => CLAIMED.has(line.status))) return refuse(pack.packNo, 'cancelled or under a cancellation/return claim', CANCELLED);
  if (lines.some((line) => line.status === 'awaiting_payment')) return refuse(pack.packNo, 'not paid yet (ShippingStatus 1)', UNPAID);
  const pending = lines.filter((line) => line.status === 'pending_confirmation').map((line) => line.orderNo);
  if (pending.length > 0) return { kind: 'write', orderNos: pending };
  // Every line is past 配送要請: confirmed before, or moved by a 発送予定日 set in QSM.
  return lines.length > 0 ? { kind: 'done', alreadyDone: true } : refuse(pack.packNo, 'has no line to confirm', NOT_ON_REQUEST);
}

/** After a doubtful confirmation: done when no planned line is still in 配送要請. */
export function confirmationLanded(pack: Qoo10Pack | undefined, orderNos: readonly string[]): boolean {
  if (pack === undefined) return false;
  const statuses = new Map(linesOf(pack).map((line) => [line.orderNo, line.status]));
  return orderNos.every((orderNo) => {
    const status = statuses.get(orderNo);
    return status !== undefined && status !== 'pending_confirmation' && !CLAIMED.has(status) && status !== 'awaiting_payment';
  });
}

/** The lines a shipment covers: the update's `items` (OrderNos), or every line not cancelled. */
function targetLines(pack: Qoo10Pack, update: ParsedShipmentUpdate) {
  const lines = linesOf(pack);
  if (!update.items) return { lines: lines.filter((line) => line.status !== 'cancelled'), missing: [] as string[] };
  const wanted = update.items.map((item) => item.lineId);
  return { lines: lines.filter((line) => wanted.includes(line.orderNo)), missing: wanted.filter((id) => !lines.some((line) => line.orderNo === id)) };
}

/** exportShipments for one cart: lines in 配送要請/配送準備 are written; lines shipped with the same number are alreadyDone. */
export function planShipment(pack: Qoo10Pack, update: ParsedShipmentUpdate): CartPlan {
  const { lines, missing } = targetLines(pack, update);
  if (missing.length > 0) {
    return {
      kind: 'failed',
      error: new NotFoundError(`qoo10: order ${pack.packNo} has no line ${missing.join(', ')}`, {
        mall: 'qoo10',
        operation: 'SetSendingInfo',
        hint: { ja: `items の lineId（OrderNo）を確認してください: ${missing.join(', ')}`, en: `Check the items' lineId (OrderNo): ${missing.join(', ')}` },
      }),
    };
  }
  if (lines.length === 0 || lines.some((line) => CLAIMED.has(line.status))) return refuse(pack.packNo, 'cancelled or under a cancellation/return claim', CANCELLED);
  if (lines.some((line) => line.status === 'awaiting_payment')) return refuse(pack.packNo, 'not paid yet (ShippingStatus 1)', UNPAID);
  const toWrite: string[] = [];
  for (const line of lines) {
    if (line.status === 'shipped' || line.status === 'delivered') {
      const recorded = text(line.row?.TrackingNo);
      if (recorded !== null && recorded !== update.trackingNumber) {
        return refuse(pack.packNo, `line ${line.orderNo} was shipped with another tracking number`, {
          ja: `この注文は別の送り状番号（${recorded}）で発送済みです。変更はQSMで行ってください。`,
          en: `The order was shipped with another tracking number (${recorded}); change it in QSM.`,
        });
      }
      continue;
    }
    toWrite.push(line.orderNo);
  }
  return toWrite.length > 0 ? { kind: 'write', orderNos: toWrite } : { kind: 'done', alreadyDone: true };
}

/** After a doubtful shipment: done when every planned line is shipped with this tracking number. */
export function shipmentLanded(pack: Qoo10Pack | undefined, orderNos: readonly string[], trackingNumber: string): boolean {
  if (pack === undefined) return false;
  return orderNos.every((orderNo) => {
    const row = pack.lines.find((line) => line.OrderNo === orderNo);
    return row !== undefined && text(row.TrackingNo) === trackingNumber;
  });
}

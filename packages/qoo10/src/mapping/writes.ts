import { NotFoundError, OrderStateError, cleanText, type Hint, type ParsedShipmentUpdate, type PrecheckDecision, type WriteOutcome } from '@mallkit/core';
import { isCancelled, linesOf, type Line } from './lines.js';
import type { Qoo10Pack } from './pack.js';

/*
 * Write decisions from a cart's state, read before writing and again to resolve a doubt. Qoo10
 * writes are per line (OrderNo), mallkit's per order (PackNo): a cart is confirmed or shipped by
 * writing each of its live lines that still needs it, and is done when every one of them is. Lines
 * whose cancellation is finished no longer count; a cancellation still pending stops the cart.
 */

/** The lines of one cart to write, in order: the runner's plan for that cart. */
export interface CartWrite {
  readonly orderNos: readonly string[];
}

const CANCELLED: Hint = {
  ja: 'この注文（または指定の明細）はキャンセル済みです。',
  en: 'The order (or the line given) is cancelled.',
};
const CLAIM_PENDING: Hint = {
  ja: 'キャンセル・返品の申請が処理中の明細があります。QSMでクレームを処理してから、もう一度実行してください。',
  en: 'A cancellation or return is pending on a line. Handle the claim in QSM, then run this again.',
};
const UNPAID: Hint = {
  ja: 'この注文はまだ入金されていません（配送待ち）。入金後に「配送要請」になってから処理してください。',
  en: 'The order is not paid yet (配送待ち). Process it once it is paid and in 配送要請.',
};
const UNREADABLE: Hint = {
  ja: '明細の状態を読み取れないため、何も送信していません。QSMで注文の状態を確認し、mallkit の不具合として報告してください。',
  en: "A line's state cannot be read, so nothing was sent. Check the order in QSM and report it as a mallkit issue.",
};

function refuse(packNo: string, message: string, hint: Hint): WriteOutcome {
  return { kind: 'failed', error: new OrderStateError(`qoo10: order ${packNo}: ${message}`, { mall: 'qoo10', orderId: packNo, hint }) };
}

/** Why these lines cannot be written at all, or null: a pending claim, an unreadable state, no payment yet. */
function blocker(packNo: string, lines: readonly Line[]): WriteOutcome | null {
  const ids = (wanted: (line: Line) => boolean) => lines.filter(wanted).map((line) => line.orderNo).join(', ');
  const claimed = ids((line) => line.status.code === 'cancel_requested');
  if (claimed) return refuse(packNo, `a cancellation or return is pending on line ${claimed}`, CLAIM_PENDING);
  const unreadable = ids((line) => line.status.code === 'unmapped');
  if (unreadable) return refuse(packNo, `the state of line ${unreadable} cannot be read`, UNREADABLE);
  if (lines.some((line) => line.status.code === 'awaiting_payment')) return refuse(packNo, 'not paid yet (ShippingStatus 1)', UNPAID);
  return null;
}

/**
 * confirmOrders for one cart: its live lines in 配送要請 are written; lines cancelled before are left
 * alone (the live ones must still be confirmed, or Qoo10's 3-business-day rule penalises the shop);
 * a cart whose live lines are all past 配送要請 is alreadyDone.
 */
export function planConfirmation(pack: Qoo10Pack): PrecheckDecision<CartWrite> {
  const live = linesOf(pack).filter((line) => !isCancelled(line));
  if (live.length === 0) return refuse(pack.packNo, 'cancelled', CANCELLED);
  const blocked = blocker(pack.packNo, live);
  if (blocked) return blocked;
  const pending = live.filter((line) => line.status.code === 'pending_confirmation').map((line) => line.orderNo);
  // Every live line past 配送要請: confirmed before, or moved by a 発送予定日 set in QSM.
  return pending.length > 0 ? { write: { orderNos: pending } } : { kind: 'done', alreadyDone: true };
}

/** After a doubtful confirmation: done when every planned line has left 配送要請 for a later state. */
export function confirmationLanded(pack: Qoo10Pack | undefined, plan: CartWrite | undefined): boolean {
  if (pack === undefined || plan === undefined) return false;
  const statuses = new Map(linesOf(pack).map((line) => [line.orderNo, line.status.code]));
  return plan.orderNos.every((orderNo) => ['confirmed', 'shipped', 'delivered'].includes(statuses.get(orderNo) ?? ''));
}

/** The lines a shipment covers: the update's `items` (OrderNos), or every line not cancelled. */
function targetLines(pack: Qoo10Pack, update: ParsedShipmentUpdate): { lines: Line[]; missing: string[] } {
  const lines = linesOf(pack);
  if (!update.items) return { lines: lines.filter((line) => !isCancelled(line)), missing: [] };
  const wanted = update.items.map((item) => item.lineId);
  return { lines: lines.filter((line) => wanted.includes(line.orderNo)), missing: wanted.filter((id) => !lines.some((line) => line.orderNo === id)) };
}

/**
 * exportShipments for one cart: its live lines in 配送要請 or 配送準備 are written (SetSendingInfo is
 * described for 配送要請 lines; UNVERIFIED live, see api/writes.ts); lines shipped with the same
 * tracking number are alreadyDone; another number recorded is refused (changed in QSM only).
 */
export function planShipment(pack: Qoo10Pack, update: ParsedShipmentUpdate): PrecheckDecision<CartWrite> {
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
  const cancelled = lines.filter(isCancelled).map((line) => line.orderNo);
  if (lines.length === 0 || cancelled.length > 0) return refuse(pack.packNo, cancelled.length > 0 ? `line ${cancelled.join(', ')} is cancelled` : 'cancelled', CANCELLED);
  const blocked = blocker(pack.packNo, lines);
  if (blocked) return blocked;
  const toWrite: string[] = [];
  for (const line of lines) {
    if (line.status.code === 'shipped' || line.status.code === 'delivered') {
      const recorded = cleanText(line.row?.TrackingNo);
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
  return toWrite.length > 0 ? { write: { orderNos: toWrite } } : { kind: 'done', alreadyDone: true };
}

/** After a doubtful shipment: done when every planned line is shipped with this tracking number. */
export function shipmentLanded(pack: Qoo10Pack | undefined, plan: CartWrite | undefined, trackingNumber: string): boolean {
  if (pack === undefined || plan === undefined) return false;
  return plan.orderNos.every((orderNo) => {
    const row = pack.lines.find((line) => line.OrderNo === orderNo);
    return row !== undefined && cleanText(row.TrackingNo) === trackingNumber;
  });
}

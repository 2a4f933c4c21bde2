import { OrderStateError, type Hint, type MallkitError, type WriteOutcome } from '@mallkit/core';
import type { AupayOrderState } from '../api/order-info.js';
import { AUPAY_HINTS } from '../errors.js';
import { isPrepaid, type PaymentMethodTable } from './payment.js';
import { aupayStatusOf, isFraudReview, type StatusTable } from './status.js';

/*
 * What confirmOrders and exportShipments do to an order, decided from its state read just before
 * (searchTradeInfoProc), and what a state read back after an unknown outcome says happened.
 *
 * Confirming is the step OMSs take (Next Engine manual 42157): 新規受付 → 発送待ち, except prepaid
 * methods, which wait in 発送前入金待ち until the buyer pays — reported per order, not an error.
 * Shipping is two calls (updateTradeInfoProc, then updateTradeStsProc to 完了, as CROSS MALL does);
 * an order that already carries the same tracking number only gets the missing status change.
 */

/** What decisions need: the connector's tables and its shipped status. */
export interface WriteContext {
  /** au PAY's statuses and the shop's own. */
  readonly statuses: StatusTable;
  /** settlementName → payment method, to tell prepaid orders. */
  readonly paymentMethods: PaymentMethodTable;
  /** The status exportShipments ends in (default 完了). */
  readonly shippedStatus: string;
}

/** A confirm to send: the status to move the order to, and what to tell about it. */
export interface ConfirmWrite {
  /** A write is to be sent. */
  readonly kind: 'write';
  /** The status to move the order to. */
  readonly target: string;
  /** Notes for the order's result. */
  readonly warnings: readonly string[];
}

/** The calls of one shipment: the shipping data, the status change, or both in that order. */
export type ShipmentStep = 'shipping' | 'status';

/** A shipment to send. */
export interface ShipmentWrite {
  /** A write is to be sent. */
  readonly kind: 'write';
  /** The calls to make, in order. */
  readonly steps: readonly ShipmentStep[];
  /** Notes for the order's result. */
  readonly warnings: readonly string[];
}

/** What a shipment decision compares with the order. */
export interface ShipmentIntent {
  /** The order shipped. */
  readonly orderId: string;
  /** The tracking number to write. */
  readonly trackingNumber: string;
}

/** The per-order note of a prepaid order left waiting for its payment. */
export const AWAITING_PAYMENT_NOTE = '発送前入金待ち: awaiting payment; move it on to 発送待ち once the buyer has paid';
/** The per-order note of an order waiting for its credit authorization. */
export const AWAITING_AUTHORIZATION_NOTE = '与信待ち: awaiting credit authorization; au PAY moves it on';

/** Normalized statuses that lie past the confirm step. */
const CONFIRMED_OR_LATER: ReadonlySet<string> = new Set(['confirmed', 'ready_to_ship', 'shipped', 'delivered', 'completed']);

function refused(orderId: string, message: string, hint: Hint): WriteOutcome {
  return { kind: 'failed', error: new OrderStateError(`aupay: order ${orderId} ${message}`, { mall: 'aupay', orderId, hint }) };
}

function has(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** The refusal of an order no write may touch (cancelled, fraud review, hold, unknown status), or null. */
function untouchable(state: AupayOrderState, context: WriteContext): WriteOutcome | null {
  const status = context.statuses.toStatus(state.orderStatus).code;
  const id = state.orderId;
  if (status === 'cancelled' || status === 'cancel_requested') return refused(id, `is cancelled (${state.orderStatus})`, AUPAY_HINTS.cancelled);
  if (isFraudReview(state.orderStatus)) return refused(id, `is under fraud review (${state.orderStatus})`, AUPAY_HINTS.fraudReview);
  if (status === 'on_hold') return refused(id, `is on hold (${state.orderStatus})`, AUPAY_HINTS.onHold);
  if (status === 'unmapped') return refused(id, `is in the shop's own status ${state.orderStatus}`, AUPAY_HINTS.unknownStatus);
  return null;
}

/** Whether a prepaid order's money has arrived as far as au PAY tells. */
function unpaidPrepaid(state: AupayOrderState, context: WriteContext): boolean {
  return isPrepaid(context.paymentMethods.map(state.settlementName)) && !has(state.paymentDate);
}

/** Decides a confirm from the order's state. */
export function decideConfirm(state: AupayOrderState, context: WriteContext): ConfirmWrite | WriteOutcome {
  const refusal = untouchable(state, context);
  if (refusal) return refusal;
  const name = aupayStatusOf(state.orderStatus);
  const status = context.statuses.toStatus(state.orderStatus).code;
  if (name === '新規予約') return { kind: 'write', target: '予約中', warnings: [] };
  if (name === '発送前入金待ち') {
    return has(state.paymentDate) ? { kind: 'write', target: '発送待ち', warnings: [] } : { kind: 'done', alreadyDone: true, warnings: [AWAITING_PAYMENT_NOTE] };
  }
  if (name === '与信待ち') return { kind: 'done', alreadyDone: true, warnings: [AWAITING_AUTHORIZATION_NOTE] };
  if (status === 'pending_confirmation') {
    return unpaidPrepaid(state, context) ? { kind: 'write', target: '発送前入金待ち', warnings: [AWAITING_PAYMENT_NOTE] } : { kind: 'write', target: '発送待ち', warnings: [] };
  }
  return { kind: 'done', alreadyDone: true };
}

/** After a confirm whose outcome is unknown: done when the order reached (or passed) the status sent. */
export function resolveConfirm(target: string, state: AupayOrderState | undefined, doubt: MallkitError, context: WriteContext): WriteOutcome {
  if (state === undefined) return { kind: 'failed', error: doubt };
  const moved = state.orderStatus.trim() === target || CONFIRMED_OR_LATER.has(context.statuses.toStatus(state.orderStatus).code);
  return moved ? { kind: 'done' } : { kind: 'failed', error: doubt };
}

/** Tracking numbers compared as au PAY may store them: without hyphens or spaces, case-insensitive. */
export function sameTrackingNumber(a: string | undefined, b: string | undefined): boolean {
  const key = (value: string | undefined): string => (value ?? '').normalize('NFKC').replace(/[-\s]/gu, '').toUpperCase();
  return key(a) !== '' && key(a) === key(b);
}

/** Decides a shipment from the order's state. */
export function decideShipment(intent: ShipmentIntent, state: AupayOrderState, context: WriteContext): ShipmentWrite | WriteOutcome {
  const refusal = untouchable(state, context);
  if (refusal) return refusal;
  const name = aupayStatusOf(state.orderStatus);
  if (name === '与信待ち' || ((name === '発送前入金待ち' || context.statuses.toStatus(state.orderStatus).code === 'pending_confirmation') && unpaidPrepaid(state, context))) {
    return refused(intent.orderId, `is not paid yet (${state.orderStatus})`, AUPAY_HINTS.unpaid);
  }
  const shipped = state.orderStatus.trim() === context.shippedStatus;
  if (sameTrackingNumber(state.shippingNumber, intent.trackingNumber)) {
    return shipped ? { kind: 'done', alreadyDone: true } : { kind: 'write', steps: ['status'], warnings: [] };
  }
  // A shipped order with another number: a correction of the number, the status stays.
  return { kind: 'write', steps: shipped ? ['shipping'] : ['shipping', 'status'], warnings: [] };
}

/** Marks an error as the failure of the second half of a shipment: the retry sends only that half. */
export function partialShipment(error: MallkitError, orderId: string): MallkitError {
  const mutable = error as { message: string; hint: Hint | null };
  mutable.message = `aupay: order ${orderId}: the shipping data was written, the status change was not: ${error.message}`;
  mutable.hint = AUPAY_HINTS.partialShipment;
  return error;
}

/** After a shipment whose outcome is unknown: what the order read back carries. */
export function resolveShipment(intent: ShipmentIntent, state: AupayOrderState | undefined, doubt: MallkitError, context: WriteContext): WriteOutcome {
  if (state === undefined || !sameTrackingNumber(state.shippingNumber, intent.trackingNumber)) return { kind: 'failed', error: doubt };
  if (state.orderStatus.trim() === context.shippedStatus) return { kind: 'done' };
  return { kind: 'failed', error: partialShipment(doubt, intent.orderId) };
}

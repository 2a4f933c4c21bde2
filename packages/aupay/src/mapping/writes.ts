import { OrderStateError, isConnectorWide, withHint, type Hint, type MallkitError, type OrderStatus, type WriteOutcome } from '@mallkit/core';
import type { AupayOrderInfo } from '../api/order-info.js';
import { AUPAY_HINTS } from '../errors.js';
import { paymentTiming, type PaymentMethodTable, type PaymentTiming } from './payment.js';
import { aupayStatusOf, isFraudReview, type StatusTable } from './status.js';

/*
 * What confirmOrders and exportShipments do to an order, decided from the order read just before
 * (searchTradeInfoProc), and what the order read back after an unknown outcome says happened.
 *
 * Confirming is the step OMSs take (Next Engine manual 42157): 新規受付 → 発送待ち, except prepaid
 * methods, which wait in 発送前入金待ち until the buyer pays — reported per order, not an error.
 * Shipping is two calls (updateTradeInfoProc, then updateTradeStsProc, as CROSS MALL does); the
 * status sent is 完了, or 発送後入金待ち for cash on delivery and 後払い, whose money comes after
 * delivery ("(後払い/代引) 新規受付 → 発送待ち → ship → 発送後入金待ち/完了", the order flow of
 * yirry007/ksnerp_test). An order that already carries the same tracking number only gets the
 * missing status change; a shipped order with another number only gets the new number.
 *
 * Where the next step depends on when the order is paid — confirming or shipping an order before
 * 発送待ち — a payment method no table maps is refused, never guessed: guessing "not prepaid"
 * would ship unpaid orders.
 */

/** What decisions need: the connector's tables and its shipped statuses. */
export interface WriteContext {
  /** au PAY's statuses and the shop's own. */
  readonly statuses: StatusTable;
  /** settlementName → payment method, to tell when an order is paid. */
  readonly paymentMethods: PaymentMethodTable;
  /** The status a shipment of an order paid before or at ordering ends in (default 完了). */
  readonly shippedStatus: string;
  /** The status a shipment of a cash-on-delivery or 後払い order ends in (default 発送後入金待ち). */
  readonly shippedStatusPaidAfterDelivery: string;
}

/** A confirm to send: the status to move the order to, and what to tell about it. */
export interface ConfirmPlan {
  /** The status to move the order to. */
  readonly target: string;
  /** Notes for the order's result. */
  readonly warnings: readonly string[];
}

/** The calls of one shipment: the shipping data, the status change, or both in that order. */
export type ShipmentStep = 'shipping' | 'status';

/** A shipment to send. */
export interface ShipmentPlan {
  /** The calls to make, in order. */
  readonly steps: readonly ShipmentStep[];
  /** The status the order ends in. */
  readonly target: string;
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

/** A decision: a plan to send, or the outcome without sending. */
export type Decision<Plan> = { readonly write: Plan } | WriteOutcome;

/** The per-order note of a prepaid order left waiting for its payment. */
export const AWAITING_PAYMENT_NOTE = '発送前入金待ち: awaiting payment; confirm again once the buyer has paid (paymentDate set) to move it on to 発送待ち';
/** The per-order note of an order waiting for its credit authorization. */
export const AWAITING_AUTHORIZATION_NOTE = '与信待ち: awaiting credit authorization; au PAY moves it on';
/** The per-order note of a shipment whose status was chosen without knowing when the order is paid. */
export const UNMAPPED_METHOD_SHIPPED_NOTE = 'the payment method is not mapped: the order was moved to the status of orders paid before shipping; map the method in mappers.paymentMethod if it is paid after delivery';

/** Normalized statuses that lie past the confirm step. */
const CONFIRMED_OR_LATER: ReadonlySet<OrderStatus | 'unmapped'> = new Set(['confirmed', 'ready_to_ship', 'shipped', 'delivered', 'completed']);
/** Normalized statuses of an order already shipped. */
const SHIPPED: ReadonlySet<OrderStatus | 'unmapped'> = new Set(['shipped', 'delivered', 'completed']);
/** Normalized statuses before the order is ready to ship: whether it is paid decides what may happen. */
const BEFORE_READY: ReadonlySet<OrderStatus | 'unmapped'> = new Set(['pending_confirmation', 'confirmed']);

function refused(orderId: string, message: string, hint: Hint): WriteOutcome {
  return { kind: 'failed', error: new OrderStateError(`aupay: order ${orderId} ${message}`, { mall: 'aupay', orderId, hint }) };
}

function has(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function statusCode(order: AupayOrderInfo, context: WriteContext): OrderStatus | 'unmapped' {
  return context.statuses.toStatus(order.orderStatus).code;
}

function timingOf(order: AupayOrderInfo, context: WriteContext): PaymentTiming {
  return paymentTiming(context.paymentMethods.map(order.settlementName));
}

/** The refusal of an order no write may touch (cancelled, fraud review, hold, unknown status), or null. */
function untouchable(order: AupayOrderInfo, context: WriteContext): WriteOutcome | null {
  const status = statusCode(order, context);
  const id = order.orderId;
  if (status === 'cancelled' || status === 'cancel_requested') return refused(id, `is cancelled (${order.orderStatus})`, AUPAY_HINTS.cancelled);
  if (isFraudReview(order.orderStatus)) return refused(id, `is under fraud review (${order.orderStatus})`, AUPAY_HINTS.fraudReview);
  if (status === 'on_hold') return refused(id, `is on hold (${order.orderStatus})`, AUPAY_HINTS.onHold);
  if (status === 'unmapped') return refused(id, `is in the shop's own status ${order.orderStatus}`, AUPAY_HINTS.unknownStatus);
  return null;
}

/** The refusal of an order whose payment method no table maps, at a step that depends on it. */
function unmappedMethod(order: AupayOrderInfo): WriteOutcome {
  const name = order.settlementName?.trim() ?? '';
  return refused(order.orderId, `has a payment method no table maps (${name === '' ? 'empty settlementName' : name})`, AUPAY_HINTS.unmappedPayment);
}

/** Decides a confirm from the order as read. */
export function decideConfirm(order: AupayOrderInfo, context: WriteContext): Decision<ConfirmPlan> {
  const refusal = untouchable(order, context);
  if (refusal) return refusal;
  const name = aupayStatusOf(order.orderStatus);
  if (name === '新規予約') return { write: { target: '予約中', warnings: [] } };
  // Still waiting: reported ok (not an error, issue 9) but never alreadyDone, so that an OMS confirms it again.
  if (name === '発送前入金待ち') return has(order.paymentDate) ? { write: { target: '発送待ち', warnings: [] } } : { kind: 'done', warnings: [AWAITING_PAYMENT_NOTE] };
  if (name === '与信待ち') return { kind: 'done', warnings: [AWAITING_AUTHORIZATION_NOTE] };
  if (statusCode(order, context) !== 'pending_confirmation') return { kind: 'done', alreadyDone: true };
  const timing = timingOf(order, context);
  if (timing === 'unknown') return unmappedMethod(order);
  if (timing === 'before_shipping' && !has(order.paymentDate)) return { write: { target: '発送前入金待ち', warnings: [AWAITING_PAYMENT_NOTE] } };
  return { write: { target: '発送待ち', warnings: [] } };
}

/** After a confirm whose outcome is unknown: done when the order reached (or passed) the status sent. */
export function resolveConfirm(plan: ConfirmPlan | undefined, order: AupayOrderInfo | undefined, doubt: MallkitError, context: WriteContext): WriteOutcome {
  if (plan === undefined || order === undefined) return { kind: 'failed', error: doubt };
  const moved = order.orderStatus.trim() === plan.target || CONFIRMED_OR_LATER.has(statusCode(order, context));
  return moved ? { kind: 'done', warnings: plan.warnings } : { kind: 'failed', error: doubt };
}

/** Tracking numbers compared as au PAY may store them: without hyphens or spaces, case-insensitive. */
export function sameTrackingNumber(a: string | undefined, b: string | undefined): boolean {
  const key = (value: string | undefined): string => (value ?? '').normalize('NFKC').replace(/[-\s]/gu, '').toUpperCase();
  return key(a) !== '' && key(a) === key(b);
}

/** Refuses shipping an order that is not paid yet, or whose payment no table tells; null when it may ship. */
function unpaid(order: AupayOrderInfo, context: WriteContext): WriteOutcome | null {
  const name = aupayStatusOf(order.orderStatus);
  const id = order.orderId;
  if (name === '与信待ち') return refused(id, `is not paid yet (${order.orderStatus})`, AUPAY_HINTS.unpaid);
  if (name === '発送前入金待ち') {
    // Paid, but au PAY's order is still waiting: 完了 from here is not a move au PAY is known to take.
    return has(order.paymentDate) ? refused(id, `is paid but still in ${order.orderStatus}`, AUPAY_HINTS.confirmFirst) : refused(id, `is not paid yet (${order.orderStatus})`, AUPAY_HINTS.unpaid);
  }
  if (!BEFORE_READY.has(statusCode(order, context))) return null;
  const timing = timingOf(order, context);
  if (timing === 'unknown') return unmappedMethod(order);
  if (timing === 'before_shipping' && !has(order.paymentDate)) return refused(id, `is not paid yet (${order.orderStatus})`, AUPAY_HINTS.unpaid);
  return null;
}

/** Decides a shipment from the order as read. */
export function decideShipment(intent: ShipmentIntent, order: AupayOrderInfo, context: WriteContext): Decision<ShipmentPlan> {
  const refusal = untouchable(order, context) ?? unpaid(order, context);
  if (refusal) return refusal;
  const timing = timingOf(order, context);
  const target = timing === 'after_delivery' ? context.shippedStatusPaidAfterDelivery : context.shippedStatus;
  const warnings = timing === 'unknown' ? [UNMAPPED_METHOD_SHIPPED_NOTE] : [];
  const shipped = SHIPPED.has(statusCode(order, context)) || order.orderStatus.trim() === target;
  if (sameTrackingNumber(order.shippingNumber, intent.trackingNumber)) {
    return shipped ? { kind: 'done', alreadyDone: true } : { write: { steps: ['status'], target, warnings } };
  }
  // A shipped order with another number: a correction of the number, the status stays.
  return { write: shipped ? { steps: ['shipping'], target: order.orderStatus, warnings: [] } : { steps: ['shipping', 'status'], target, warnings } };
}

/**
 * The failure of the status change after the shipping data was written: the same error (class,
 * code, mallCode) with a hint that says the number is on au PAY and a retry sends only the status,
 * then what the error itself asks for (a refused key, maintenance…).
 */
export function partialShipment(error: MallkitError, orderId: string): MallkitError {
  const hint: Hint = error.hint
    ? { ja: `${AUPAY_HINTS.partialShipment.ja} ${error.hint.ja}`, en: `${AUPAY_HINTS.partialShipment.en} ${error.hint.en}` }
    : AUPAY_HINTS.partialShipment;
  return withHint(error, hint, `aupay: order ${orderId}: the shipping data was written, the status change was not`);
}

/**
 * The outcome of a failed status change after the shipping data was written: reported for this
 * order (the retry sends only the status), and — for a connector-wide error (a refused key,
 * maintenance) — the batch stops after this row, since every further order would be half-shipped.
 */
export function failedAfterShipping(error: MallkitError, orderId: string): WriteOutcome {
  return { kind: 'failed', error: partialShipment(error, orderId), stop: isConnectorWide(error) };
}

/** After a shipment whose outcome is unknown: what the order read back carries. */
export function resolveShipment(intent: ShipmentIntent, order: AupayOrderInfo | undefined, doubt: MallkitError, plan: ShipmentPlan | undefined): WriteOutcome {
  if (plan === undefined || order === undefined || !sameTrackingNumber(order.shippingNumber, intent.trackingNumber)) return { kind: 'failed', error: doubt };
  if (!plan.steps.includes('status') || order.orderStatus.trim() === plan.target) return { kind: 'done', warnings: plan.warnings };
  return { kind: 'failed', error: partialShipment(doubt, intent.orderId) };
}

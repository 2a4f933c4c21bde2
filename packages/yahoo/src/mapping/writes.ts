import { cleanText, type MallkitError, type PrecheckDecision, type WriteOutcome } from '@mallkit/core';
import type { YahooOrderInfo } from '../api/order-info.js';
import type { YahooWarning } from '../api/wire.js';
import { refusedWrite, type WriteRefusal } from '../errors.js';
import { sameNumber, type OrderShipments } from './shipments.js';
import { isFraudHeld } from './status.js';
import { bool } from './values.js';

/*
 * Write decisions from an order's state (the order as orderInfo reads it), before any write (the
 * kit's precheck) and again after an unknown outcome (its resolve). Yahoo allows only cancellation
 * on an order under fraud review (FraudHoldStatus 1 or 3; 「不正注文審査中の注文データは、キャンセル
 * ステータスへの変更のみ可能です」) and nothing on a read-only order (IsReadOnly: the buyer may
 * cancel for 10 minutes).
 */

/** The refusal of any write but cancellation, or null when the order may be changed. */
function refusalOf(state: YahooOrderInfo): WriteRefusal | null {
  if (isFraudHeld(state.FraudHoldStatus)) return { reason: 'fraud_review', fraudHoldStatus: cleanText(state.FraudHoldStatus) ?? '' };
  if (bool(state.IsReadOnly)) return { reason: 'read_only' };
  const status = cleanText(state.OrderStatus);
  if (status === '4') return { reason: 'cancelled' };
  if (status === '5') return { reason: 'completed' };
  return null;
}

/** The outcome of a write whose answer was lost, read back: done (with a warning saying so) when the state shows it. */
function settled(operation: string, doubt: MallkitError, landed: boolean): WriteOutcome {
  if (!landed) return { kind: 'failed', error: doubt };
  return { kind: 'done', warnings: [`${operation}'s answer was lost (${doubt.code}); reading the order back shows the change made`] };
}

function asWarnings(warnings: readonly YahooWarning[]): string[] {
  return warnings.map((w) => `${w.code}: ${w.message}`);
}

/* ---- confirmOrders: orderChange IsSeen=true ---- */

/*
 * Yahoo has no confirm API: a new order (新規注文 / 新規予約) is one not yet seen (IsSeen=false),
 * whatever its OrderStatus. Confirming marks it seen with orderChange, the one documented way
 * (orderChange.html: IsSeen 「未閲覧から閲覧済みにのみ更新できます」), and leaves OrderStatus alone:
 * a 予約中 order stays a reservation, a 保留 stays held.
 */

/** Whether to confirm: already seen → alreadyDone without a write; held, read-only, cancelled or completed → refused. */
export function confirmDecision(state: YahooOrderInfo, orderId: string): PrecheckDecision<never> {
  const refusal = refusalOf(state);
  if (refusal) return { kind: 'failed', error: refusedWrite(orderId, 'orderChange', refusal) };
  return bool(state.IsSeen) ? { kind: 'done', alreadyDone: true } : 'write';
}

/** After an unknown outcome: confirmed when the order now reads seen. */
export function settleConfirm(state: YahooOrderInfo | undefined, doubt: MallkitError): WriteOutcome {
  return settled('orderChange', doubt, state !== undefined && bool(state.IsSeen));
}

/** The outcome of an orderChange that went through; Yahoo's warnings (od91058…) are kept for the shop. */
export function confirmOutcome(warnings: readonly YahooWarning[]): WriteOutcome {
  return { kind: 'done', warnings: asWarnings(warnings) };
}

/* ---- exportShipments: orderShipStatusChange to 3 出荷済み ---- */

/** One order's shipment as it will be sent: Yahoo holds one carrier, at most two numbers and one ship date per order. */
export interface ShipmentPlan {
  readonly orderId: string;
  /** 3 出荷済み, or 4 when the order is already 着荷済み (never moved back). */
  readonly shipStatus: '3' | '4';
  readonly shipCompanyCode: string;
  /** ShipInvoiceNumber1 and 2: the numbers already recorded stay in their slots, new ones fill the free slots; undefined is not sent. */
  readonly invoiceNumbers: readonly [string | undefined, string | undefined];
  /** `YYYYMMDD`: the one already recorded, else the earliest of the call's parcels. */
  readonly shipDate: string;
}

function recordedNumbers(state: YahooOrderInfo): [string | null, string | null] {
  return [cleanText(state.Ship?.ShipInvoiceNumber1), cleanText(state.Ship?.ShipInvoiceNumber2)];
}

/** Shipped (or delivered) with this number recorded in either slot. */
function isShippedWith(state: YahooOrderInfo, trackingNumber: string): boolean {
  const status = cleanText(state.Ship?.ShipStatus);
  return (status === '3' || status === '4') && recordedNumbers(state).some((recorded) => sameNumber(recorded, trackingNumber));
}

/** The plan for an order from what Yahoo has recorded and the call's parcels, or why a parcel cannot be added. */
function planFor(state: YahooOrderInfo, orderId: string, parcels: OrderShipments): { plan: ShipmentPlan; overflow: readonly string[]; carrierConflict: string | null } {
  const recorded = recordedNumbers(state);
  const fresh = parcels.numbers.filter((number) => !recorded.some((kept) => sameNumber(kept, number)));
  // A recorded number keeps its slot (it is sent again unchanged); a free slot takes the next new number.
  const slot = (kept: string | null): string | undefined => kept ?? fresh.shift();
  const invoiceNumbers = [slot(recorded[0]), slot(recorded[1])] as const;
  const recordedCode = cleanText(state.Ship?.ShipCompanyCode);
  const keepsRecorded = recorded.some((kept) => kept !== null);
  const recordedDay = cleanText(state.Ship?.ShipDate)?.replace(/-/g, '');
  return {
    plan: {
      orderId,
      shipStatus: cleanText(state.Ship?.ShipStatus) === '4' ? '4' : '3',
      shipCompanyCode: parcels.shipCompanyCode,
      invoiceNumbers,
      shipDate: recordedDay && /^\d{8}$/.test(recordedDay) ? recordedDay : parcels.shipDate,
    },
    overflow: fresh,
    // Yahoo keeps one ShipCompanyCode per order: another carrier would relabel the parcel already recorded.
    carrierConflict: keepsRecorded && recordedCode !== null && recordedCode !== parcels.shipCompanyCode ? recordedCode : null,
  };
}

/**
 * Whether to ship update `index` of the call: already shipped with its number → alreadyDone; held,
 * read-only, cancelled or completed → refused; a number that finds no free slot, or a carrier other
 * than the one recorded with a kept parcel → refused with OrderStateError naming the update; else
 * the plan to send, which keeps what Yahoo has recorded (a second parcel sent in a later call goes
 * to ShipInvoiceNumber2, never over the first).
 */
export function shipDecision(state: YahooOrderInfo, update: { readonly orderId: string; readonly trackingNumber: string }, index: number, parcels: OrderShipments): PrecheckDecision<ShipmentPlan> {
  const operation = 'orderShipStatusChange';
  const refusal = refusalOf(state);
  if (refusal) return { kind: 'failed', error: refusedWrite(update.orderId, operation, refusal) };
  if (isShippedWith(state, update.trackingNumber)) return { kind: 'done', alreadyDone: true };
  const { plan, overflow, carrierConflict } = planFor(state, update.orderId, parcels);
  const field = `updates[${index}]`;
  if (carrierConflict !== null) {
    return { kind: 'failed', error: refusedWrite(update.orderId, operation, { reason: 'carrier_conflict', field, recorded: carrierConflict, requested: parcels.shipCompanyCode }) };
  }
  if (overflow.some((number) => sameNumber(number, update.trackingNumber))) {
    return { kind: 'failed', error: refusedWrite(update.orderId, operation, { reason: 'slots_full', field, recorded: recordedNumbers(state).filter((n): n is string => n !== null) }) };
  }
  return { write: plan };
}

/** After an unknown outcome: shipped when the order now reads shipped with this update's number. */
export function settleShipment(state: YahooOrderInfo | undefined, trackingNumber: string, doubt: MallkitError): WriteOutcome {
  return settled('orderShipStatusChange', doubt, state !== undefined && isShippedWith(state, trackingNumber));
}

/**
 * The outcome of an orderShipStatusChange that went through, for one update of it. od91113
 * (売上確定済み) and od91115 are kept as warnings for the shop, and so is a ship date Yahoo could
 * not take: it keeps one ShipDate per order.
 */
export function shipOutcome(warnings: readonly YahooWarning[], shipDay: string, plan: ShipmentPlan): WriteOutcome {
  const notes = asWarnings(warnings);
  if (shipDay !== plan.shipDate) {
    notes.push(`Yahoo keeps one ShipDate per order: ${plan.shipDate} is recorded, this parcel's ${shipDay} is not`);
  }
  return { kind: 'done', warnings: notes };
}

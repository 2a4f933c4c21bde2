import {
  carrierCodeOf,
  parseTolerant,
  shipDayOf,
  UnreadableOrderError,
  ValidationError,
  type MallkitError,
  type ParsedShipmentUpdate,
  type ValidationIssue,
  type WriteOutcome,
} from '@mallkit/core';
import { z } from 'zod';
import type { YahooWarning } from '../api/wire.js';
import { group } from '../api/wire.js';
import { refusedWrite } from '../errors.js';
import { CARRIER_TO_SHIP_COMPANY_CODE } from './codes.js';
import { isFraudHeld } from './status.js';
import { bool, str } from './values.js';

/*
 * Write decisions from an order's state, read before any write (the kit's precheck) and again
 * after an unknown outcome (its resolve). Yahoo allows only cancellation on an order under fraud
 * review (FraudHoldStatus 1 or 3; 「不正注文審査中の注文データは、キャンセルステータスへの変更のみ
 * 可能です」) and nothing on a read-only order (IsReadOnly: the buyer may cancel for 10 minutes).
 */

/** The orderInfo fields a write decides on. */
export const STATE_FIELDS = ['OrderId', 'OrderStatus', 'IsSeen', 'FraudHoldStatus', 'IsReadOnly', 'ShipStatus', 'ShipCompanyCode', 'ShipInvoiceNumber1', 'ShipInvoiceNumber2'] as const;

const stateSchema = z.looseObject({
  OrderId: z.string().min(1),
  OrderStatus: z.string().optional(),
  IsSeen: z.string().optional(),
  FraudHoldStatus: z.string().optional(),
  IsReadOnly: z.string().optional(),
  Ship: group(
    z.looseObject({
      ShipStatus: z.string().optional(),
      ShipCompanyCode: z.string().optional(),
      ShipInvoiceNumber1: z.string().optional(),
      ShipInvoiceNumber2: z.string().optional(),
    }),
  ).optional(),
});

/** What a write decides on. */
export type OrderState = z.output<typeof stateSchema>;

/** An order's state as read: the state, or why it could not be read (that order then fails alone). */
export type StateRead = { readonly state: OrderState } | { readonly unreadable: UnreadableOrderError };

/** Reads one state answer; `redact` masks secrets in the excerpt of an unreadable one. */
export function readState(wire: unknown, orderId: string, redact: (text: string) => string): StateRead {
  const parsed = parseTolerant(stateSchema, wire);
  if (parsed.success) return { state: parsed.data };
  return {
    unreadable: new UnreadableOrderError(`yahoo orderInfo: the state of order ${orderId} could not be read`, {
      mall: 'yahoo',
      operation: 'orderInfo',
      orderId,
      excerpt: redact((JSON.stringify(wire) ?? '').slice(0, 300)),
    }),
  };
}

/** The refusal of any write but cancellation, or null when the order may be changed. */
function refusal(state: OrderState, orderId: string, operation: string): MallkitError | null {
  if (isFraudHeld(state.FraudHoldStatus)) return refusedWrite(orderId, operation, { reason: 'fraud_review', fraudHoldStatus: str(state.FraudHoldStatus) ?? '' });
  if (bool(state.IsReadOnly)) return refusedWrite(orderId, operation, { reason: 'read_only' });
  const status = str(state.OrderStatus);
  if (status === '4') return refusedWrite(orderId, operation, { reason: 'cancelled' });
  if (status === '5') return refusedWrite(orderId, operation, { reason: 'completed' });
  return null;
}

function decide(read: StateRead, orderId: string, operation: string, done: (state: OrderState) => boolean): 'write' | WriteOutcome {
  if ('unreadable' in read) return { kind: 'failed', error: read.unreadable };
  const refused = refusal(read.state, orderId, operation);
  if (refused) return { kind: 'failed', error: refused };
  return done(read.state) ? { kind: 'done', alreadyDone: true } : 'write';
}

/** The outcome of a write whose answer was lost, from the state read back: done when the state shows it. */
function settle(read: StateRead | undefined, doubt: MallkitError, done: (state: OrderState) => boolean): WriteOutcome {
  return read !== undefined && 'state' in read && done(read.state) ? { kind: 'done' } : { kind: 'failed', error: doubt };
}

/* ---- confirmOrders: orderStatusChange to 2 処理中 ---- */

/** 処理中 and seen: Yahoo's 「処理中」, what confirming means. */
function isConfirmed(state: OrderState): boolean {
  return str(state.OrderStatus) === '2' && bool(state.IsSeen);
}

/** Whether to confirm: already 処理中 and seen → alreadyDone without a write; held, read-only, cancelled or completed → refused. */
export function confirmDecision(read: StateRead, orderId: string): 'write' | WriteOutcome {
  return decide(read, orderId, 'orderStatusChange', isConfirmed);
}

/** After an unknown outcome: confirmed when the order now reads 処理中 and seen. */
export function settleConfirm(read: StateRead | undefined, doubt: MallkitError): WriteOutcome {
  return settle(read, doubt, isConfirmed);
}

/** Yahoo's "status unchanged" warning: the order was already in that status. */
const UNCHANGED = 'od91705';

/** The outcome of an orderStatusChange that went through: od91705 means alreadyDone; other warnings are kept. */
export function confirmOutcome(warnings: readonly YahooWarning[]): WriteOutcome {
  return {
    kind: 'done',
    alreadyDone: warnings.some((w) => w.code === UNCHANGED),
    warnings: warnings.filter((w) => w.code !== UNCHANGED).map((w) => `${w.code}: ${w.message}`),
  };
}

/* ---- exportShipments: orderShipStatusChange to 3 出荷済み ---- */

/** One order's shipment as it will be sent: Yahoo holds one carrier and at most two numbers per order. */
export interface ShipmentPlan {
  readonly orderId: string;
  readonly shipCompanyCode: string;
  readonly numbers: readonly string[];
  /** `YYYYMMDD`. */
  readonly shipDate: string;
}

/**
 * Gathers the updates of each order into one write (a second parcel becomes ShipInvoiceNumber2).
 * Throws a ValidationError naming the update, before anything is sent, when an order has two
 * carriers or more than two numbers.
 */
export function planShipments(updates: readonly ParsedShipmentUpdate[]): ReadonlyMap<string, ShipmentPlan> {
  const issues: ValidationIssue[] = [];
  const plans = new Map<string, { shipCompanyCode: string; numbers: string[]; shipDate: string }>();
  updates.forEach((update, index) => {
    const shipCompanyCode = CARRIER_TO_SHIP_COMPANY_CODE[carrierCodeOf(update)];
    const plan = plans.get(update.orderId);
    if (!plan) {
      plans.set(update.orderId, { shipCompanyCode, numbers: [update.trackingNumber], shipDate: shipDayOf(update).replace(/-/g, '') });
      return;
    }
    if (plan.shipCompanyCode !== shipCompanyCode) {
      issues.push({ field: `updates[${index}].carrier`, message: 'Yahoo holds one carrier per order: use the same carrier for both parcels' });
    }
    if (!plan.numbers.includes(update.trackingNumber)) plan.numbers.push(update.trackingNumber);
    if (plan.numbers.length > 2) {
      issues.push({ field: `updates[${index}].trackingNumber`, message: 'Yahoo holds at most two tracking numbers per order (ShipInvoiceNumber1/2)' });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'yahoo',
      operation: 'exportShipments',
      hint: {
        ja: `出荷情報を確認してください: ${issues.map((i) => i.field).join(', ')}。1注文につき配送会社は1社、伝票番号は2つまでです。何も送信していません。`,
        en: `Fix the shipments: ${issues.map((i) => i.field).join(', ')}. Yahoo holds one carrier and two tracking numbers per order. Nothing was sent.`,
      },
    });
  }
  return new Map([...plans].map(([orderId, plan]) => [orderId, { orderId, ...plan }]));
}

/** Shipped (or delivered) with every number of the plan recorded. */
function isShipped(state: OrderState, plan: ShipmentPlan): boolean {
  const ship = state.Ship ?? {};
  const status = str(ship.ShipStatus);
  if (status !== '3' && status !== '4') return false;
  const recorded = [str(ship.ShipInvoiceNumber1), str(ship.ShipInvoiceNumber2)];
  return plan.numbers.every((number) => recorded.includes(number));
}

/** Whether to ship: already shipped with these numbers → alreadyDone; held, read-only, cancelled or completed → refused. */
export function shipDecision(read: StateRead, plan: ShipmentPlan): 'write' | WriteOutcome {
  return decide(read, plan.orderId, 'orderShipStatusChange', (state) => isShipped(state, plan));
}

/** After an unknown outcome: shipped when the order now reads shipped with the plan's numbers. */
export function settleShipment(read: StateRead | undefined, plan: ShipmentPlan, doubt: MallkitError): WriteOutcome {
  return settle(read, doubt, (state) => isShipped(state, plan));
}

/** The outcome of an orderShipStatusChange that went through. od91113 (売上確定済み) and od91115 are kept as warnings for the shop. */
export function shipOutcome(warnings: readonly YahooWarning[]): WriteOutcome {
  return { kind: 'done', warnings: warnings.map((w) => `${w.code}: ${w.message}`) };
}

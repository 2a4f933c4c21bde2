import {
  carrierCodeOf,
  InvalidRequestError,
  MallkitError,
  OrderStateError,
  shipDayOf,
  type CarrierCode,
  type ParsedShipmentUpdate,
  type ShipmentRules,
  type WriteOutcome,
} from '@mallkit/core';
import type { RakutenEnvelope } from '../api/common.js';
import { RAKUTEN_LIMITS } from '../api/constants.js';
import type { RakutenOrderState } from '../api/order-model.js';
import type { ShippingModelInput } from '../api/update-order-shipping.js';
import { errorFromMessage, ORDER_CANCELLED_HINT } from '../errors.js';
import { deliveryCompanyFor } from './carrier.js';
import { isCancelledProgress } from './order-state.js';

/*
 * exportShipments' decisions from an order's state: which package (basketId) an update addresses,
 * whether its row is already recorded (idempotency by tracking number), added or updated — a
 * ShippingModel without shippingDetailId is ADDED, so re-sending blindly would duplicate it — and
 * what reading the order back says after a lost answer.
 */

const MALL = 'rakuten' as const;
const OPERATION = 'updateOrderShipping';

/** Carriers whose numbers have a fixed length: 12 digits for ヤマト運輸 and 佐川急便 (the last a check digit). */
const TWELVE_DIGIT_CARRIERS: ReadonlySet<CarrierCode> = new Set<CarrierCode>(['yamato', 'sagawa']);

/**
 * Rakuten's limits on shipment updates, checked before anything is sent (on top of core's rules):
 * shippingNumber at most 120 characters (documented; core's 64 applies first), and the carriers'
 * number formats where they are fixed. Rakuten has no shipping-method or carrier-name field.
 */
export const RAKUTEN_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: RAKUTEN_LIMITS.shippingNumberMaxLength,
  trackingNumberProblem(carrier, trackingNumber) {
    if (!TWELVE_DIGIT_CARRIERS.has(carrier)) return null;
    const digits = trackingNumber.replace(/-/g, '');
    return /^\d{12}$/.test(digits) ? null : `${carrier} tracking numbers are 12 digits (hyphens allowed), got ${JSON.stringify(trackingNumber)}`;
  },
};

/** A shipment update ready for Rakuten: the wire values decided, nothing sent yet. */
export interface PreparedShipment {
  /** Its position in the user's list, for field names in errors. */
  readonly index: number;
  /** The update as the user gave it, checked. */
  readonly update: ParsedShipmentUpdate;
  /** `YYYY-MM-DD`, JST. */
  readonly shippingDate: string;
  /** The deliveryCompany code (`1001`). */
  readonly deliveryCompany: string;
  /** The tracking number as checked (full-width characters already read as half-width). */
  readonly shippingNumber: string;
  /** Notes for the result (carrier sent as その他, fields Rakuten has no place for). */
  readonly warnings: readonly string[];
}

/** Decides the wire values of a checked update; `deliveryCompany` holds the shop's carrier → code overrides. */
export function prepareShipment(update: ParsedShipmentUpdate, index: number, deliveryCompany: Readonly<Partial<Record<CarrierCode, string>>>): PreparedShipment {
  const company = deliveryCompanyFor(carrierCodeOf(update), deliveryCompany);
  const warnings: string[] = [];
  if (!company.exact || typeof update.carrier !== 'string') {
    const name = typeof update.carrier === 'string' ? update.carrier : update.carrier.name;
    warnings.push(`Rakuten has no deliveryCompany code for ${name}; sent as 1000 その他`);
  }
  if (update.items) warnings.push('Rakuten records shipments per destination (basketId); the items list was not sent');
  if (update.shippingMethod !== undefined) warnings.push('Rakuten has no shipping-method field in updateOrderShipping; shippingMethod was not sent');
  return { index, update, shippingDate: shipDayOf(update), deliveryCompany: company.code, shippingNumber: update.trackingNumber, warnings };
}

function sameNumber(a: string | null | undefined, b: string): boolean {
  // Shops type tracking numbers with and without hyphens; Rakuten stores what it is given.
  const plain = (value: string): string => value.replace(/[\s-]/g, '');
  return a !== null && a !== undefined && plain(a) === plain(b);
}

type Package = NonNullable<RakutenOrderState['PackageModelList']>[number];

/** The package an update addresses: the one named by `deliveryId`, or the order's only one. */
function packageFor(state: RakutenOrderState, prepared: PreparedShipment): Package | MallkitError {
  const live = (state.PackageModelList ?? []).filter((pkg) => pkg.packageDeleteFlag !== 1);
  const wanted = prepared.update.deliveryId;
  const field = `updates[${prepared.index}].deliveryId`;
  if (wanted !== undefined) {
    return (
      live.find((pkg) => String(pkg.basketId) === wanted) ??
      new InvalidRequestError(`rakuten ${OPERATION}: order ${state.orderNumber} has no destination (basketId) ${wanted}`, { mall: MALL, operation: OPERATION, field })
    );
  }
  if (live.length === 1 && live[0]) return live[0];
  return new InvalidRequestError(
    `rakuten ${OPERATION}: order ${state.orderNumber} has ${live.length} destinations; name one with deliveryId (${live.map((p) => p.basketId).join(', ')})`,
    { mall: MALL, operation: OPERATION, field },
  );
}

/**
 * The row to write: none when the same tracking number is already recorded with the same carrier
 * and date (idempotent); an update of that row when it differs, or of a lone row with no number;
 * otherwise a new row.
 */
function rowFor(pkg: Package, prepared: PreparedShipment): ShippingModelInput | null {
  const rows = pkg.ShippingModelList ?? [];
  const wire = { deliveryCompany: prepared.deliveryCompany, shippingNumber: prepared.shippingNumber, shippingDate: prepared.shippingDate };
  const same = rows.find((row) => sameNumber(row.shippingNumber, prepared.shippingNumber));
  if (same) {
    if (same.deliveryCompany === wire.deliveryCompany && same.shippingDate === wire.shippingDate) return null;
    return { shippingDetailId: same.shippingDetailId, ...wire };
  }
  const blank = rows.filter((row) => !row.shippingNumber?.trim());
  if (rows.length === blank.length && blank.length === 1 && blank[0]) return { shippingDetailId: blank[0].shippingDetailId, ...wire };
  return wire;
}

/** What one update will send: the package and its row. */
export interface ShipmentPlan {
  /** The package (送付先) the row goes to. */
  readonly basketId: number;
  /** The row: added without shippingDetailId, updated with it. */
  readonly row: ShippingModelInput;
}

/**
 * Decides an update from the order's current state: refused (cancelled order, no such
 * destination), already recorded (`alreadyDone`), or a plan to send.
 */
export function planShipment(state: RakutenOrderState, prepared: PreparedShipment): ShipmentPlan | WriteOutcome {
  if (isCancelledProgress(state.orderProgress)) {
    return {
      kind: 'failed',
      error: new OrderStateError(`rakuten ${OPERATION}: order ${state.orderNumber} is cancelled (orderProgress ${state.orderProgress})`, {
        mall: MALL,
        operation: OPERATION,
        orderId: state.orderNumber,
        hint: ORDER_CANCELLED_HINT,
      }),
    };
  }
  const pkg = packageFor(state, prepared);
  if (MallkitError.isInstance(pkg)) return { kind: 'failed', error: pkg };
  const row = rowFor(pkg, prepared);
  return row === null ? { kind: 'done', alreadyDone: true, warnings: prepared.warnings } : { basketId: pkg.basketId, row };
}

/** The outcome of updateOrderShipping's answer: an ERROR message refuses it; WARNING messages become warnings. */
export function shipmentOutcome(prepared: PreparedShipment, answer: RakutenEnvelope): WriteOutcome {
  const messages = answer.MessageModelList ?? [];
  const failure = messages.find((m) => m.messageType === 'ERROR');
  if (failure) return { kind: 'failed', error: errorFromMessage(failure, { operation: OPERATION, orderId: prepared.update.orderId }) };
  const notes = messages.filter((m) => m.messageType === 'WARNING').map((m) => m.message ?? m.messageCode);
  return { kind: 'done', warnings: [...prepared.warnings, ...notes] };
}

/** After a lost answer: the shipment landed when the package read back holds a row with its number. */
export function resolveShipment(prepared: PreparedShipment, state: RakutenOrderState | undefined, doubt: MallkitError): WriteOutcome {
  const pkg = state ? packageFor(state, prepared) : null;
  const landed = pkg !== null && !MallkitError.isInstance(pkg) && (pkg.ShippingModelList ?? []).some((row) => sameNumber(row.shippingNumber, prepared.shippingNumber));
  if (!landed) return { kind: 'failed', error: doubt };
  return {
    kind: 'done',
    warnings: [...prepared.warnings, `updateOrderShipping's answer was lost (${doubt.code}); reading the order back shows the shipment recorded`],
  };
}

/** True for a plan, false for an outcome decided without sending. */
export function isPlan(decision: ShipmentPlan | WriteOutcome): decision is ShipmentPlan {
  return 'row' in decision;
}

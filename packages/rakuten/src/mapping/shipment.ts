import {
  carrierCodeOf,
  InvalidRequestError,
  MallkitError,
  OrderStateError,
  shipDayOf,
  type CarrierCode,
  type Hint,
  type ParsedShipmentUpdate,
  type PrecheckDecision,
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

/**
 * Rakuten's own limits on shipment updates, checked before anything is sent, on top of core's
 * rules (which check the carriers' number formats first): shippingNumber at most 120 characters
 * (specs/rakuten.md §4.5; core's 64 applies first), and shipments recorded per destination
 * (basketId), never per item line. Rakuten has no shipping-method or carrier-name field.
 */
export const RAKUTEN_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: RAKUTEN_LIMITS.shippingNumberMaxLength,
  lineItems: false,
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

/** 100: the shop has not confirmed the order yet. */
const CONFIRM_FIRST_HINT: Hint = {
  ja: 'この注文はまだ「注文確認待ち」（100）です。先に注文確認（confirmOrders）を行い、楽天の処理が終わって「発送待ち」になってから発送完了報告をしてください。',
  en: 'The order still awaits confirmation (100 注文確認待ち). Confirm it first (confirmOrders), and report the shipment once Rakuten has moved it to 発送待ち.',
};

/** 200: Rakuten is still authorising the payment and checking the order. */
const WAIT_FOR_RAKUTEN_HINT: Hint = {
  ja: 'この注文は「楽天処理中」（200：与信・不正注文チェック中）です。楽天の処理が終わって「発送待ち」になるまで発送しないでください。処理後にもう一度発送完了報告をしてください。',
  en: 'Rakuten is still processing the order (200 楽天処理中: payment authorisation and fraud checks). Do not ship it before it reaches 発送待ち; report the shipment again then.',
};

/**
 * An order Rakuten has not cleared for shipping: 100 (not confirmed) and 200 (Rakuten's
 * processing after 注文確認). Vendor manuals: "楽天市場の処理が完了しないと、その後の発送処理を行う
 * ことができない" (https://manualc2.sokuhan.jp/manualc2/op-ec/rt/rms-pay-conf/). Rakuten's own
 * error code for such an update is not public; the connector refuses it before sending.
 */
function notClearedForShipping(state: RakutenOrderState): WriteOutcome | null {
  const waiting = state.orderProgress === 100 ? CONFIRM_FIRST_HINT : state.orderProgress === 200 ? WAIT_FOR_RAKUTEN_HINT : null;
  if (waiting === null) return null;
  const what = state.orderProgress === 100 ? 'is not confirmed yet (orderProgress 100)' : 'is still being processed by Rakuten (orderProgress 200)';
  return {
    kind: 'failed',
    error: new OrderStateError(`rakuten ${OPERATION}: order ${state.orderNumber} ${what}; it cannot be reported shipped yet`, {
      mall: MALL,
      operation: OPERATION,
      orderId: state.orderNumber,
      hint: waiting,
    }),
  };
}

/**
 * Decides an update from the order's current state: refused (cancelled, not cleared for shipping,
 * no such destination), already recorded (`alreadyDone`), or a plan to send.
 */
export function planShipment(state: RakutenOrderState, prepared: PreparedShipment): PrecheckDecision<ShipmentPlan> {
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
  const waiting = notClearedForShipping(state);
  if (waiting) return waiting;
  const pkg = packageFor(state, prepared);
  if (MallkitError.isInstance(pkg)) return { kind: 'failed', error: pkg };
  const row = rowFor(pkg, prepared);
  return row === null ? { kind: 'done', alreadyDone: true, warnings: prepared.warnings } : { write: { basketId: pkg.basketId, row } };
}

/** The outcome of updateOrderShipping's answer: an ERROR message refuses it; WARNING messages become warnings. */
export function shipmentOutcome(prepared: PreparedShipment, answer: RakutenEnvelope): WriteOutcome {
  const messages = answer.MessageModelList ?? [];
  const failure = messages.find((m) => m.messageType === 'ERROR');
  if (failure) return { kind: 'failed', error: errorFromMessage(failure, { operation: OPERATION, orderId: prepared.update.orderId }) };
  const notes = messages.filter((m) => m.messageType === 'WARNING').map((m) => m.message ?? m.messageCode);
  return { kind: 'done', warnings: [...prepared.warnings, ...notes] };
}

/**
 * After a lost answer: the shipment landed when the package read back holds the row that was
 * sent — the same number, deliveryCompany and shippingDate. A row with the same number alone is not
 * enough: an update (a corrected date or carrier) that was lost leaves the old row in place.
 */
export function resolveShipment(prepared: PreparedShipment, state: RakutenOrderState | undefined, doubt: MallkitError, plan: ShipmentPlan | undefined): WriteOutcome {
  const pkg = state ? packageFor(state, prepared) : null;
  const sent = plan?.row ?? { deliveryCompany: prepared.deliveryCompany, shippingNumber: prepared.shippingNumber, shippingDate: prepared.shippingDate };
  const landed =
    pkg !== null &&
    !MallkitError.isInstance(pkg) &&
    (pkg.ShippingModelList ?? []).some((row) => sameNumber(row.shippingNumber, sent.shippingNumber) && row.deliveryCompany === sent.deliveryCompany && row.shippingDate === sent.shippingDate);
  if (!landed) return { kind: 'failed', error: doubt };
  return {
    kind: 'done',
    warnings: [...prepared.warnings, `updateOrderShipping's answer was lost (${doubt.code}); reading the order back shows the shipment recorded`],
  };
}

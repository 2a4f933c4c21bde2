import { createHash } from 'node:crypto';
import { OrderStateError, ValidationError, type CarrierCode, type ParsedShipmentUpdate, type ShipmentRules, type WriteOutcome } from '@mallkit/core';
import { toAmazonDateTime } from '../api/common.js';
import type { ConfirmShipmentBody } from '../api/orders-v0.js';
import { AMAZON_HINTS } from '../errors.js';
import { toAmazonCarrier } from './carrier.js';
import type { AmazonOrder } from './order.js';
import { futureShipDateProblem, readShipDate, shipInstant, shipsBeforePurchase, type ShipDateInput } from './ship-date.js';

const MALL = 'amazon' as const;
const OPERATION = 'exportShipments';
const INT32_MAX = 2_147_483_647;

/**
 * Amazon's own limits on a shipment, checked by the kit before anything is sent. The Orders API
 * model declares no lengths; Amazon's order-fulfillment feed schema, which writes the same fields
 * (OrderFulfillment.xsd: CarrierName, ShippingMethod and ShipperTrackingNumber are amzn-base.xsd
 * `String`), caps each at 50 characters. Ship dates are checked here as instants (below), so the
 * kit's day check is left to this package.
 */
export const AMAZON_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: 50,
  shippingMethodMaxLength: 50,
  carrierNameMaxLength: 50,
  futureShipDates: true,
};

/**
 * A package's confirmShipment id, derived from the order and the tracking number: a positive
 * integer (Amazon refuses anything else, jlevers/selling-partner-api#489) below 2^31, the same on
 * every retry, so that re-sending a shipment updates that package instead of adding a second one.
 * Hyphens and spaces in the tracking number do not change it.
 */
export function packageReferenceId(orderId: string, trackingNumber: string): string {
  const tracking = trackingNumber.normalize('NFKC').replace(/[\s-]/gu, '');
  const digest = createHash('sha256').update(`${orderId}\u0000${tracking}`).digest();
  return String((digest.readUInt32BE(0) % (INT32_MAX - 1)) + 1);
}

function invalid(field: string, message: string, withShipDateHint: boolean): ValidationError {
  return new ValidationError([{ field, message }], { mall: MALL, operation: OPERATION, hint: withShipDateHint ? AMAZON_HINTS.shipDate : null });
}

/**
 * The checks that need no order, for the whole batch before anything is sent: ship dates after now
 * (as instants: Amazon refuses a time later today too) and destinations an Amazon order cannot
 * have. Returns each update's ship date.
 */
export function checkShipmentsBeforeSending(updates: readonly ParsedShipmentUpdate[], now: number): ShipDateInput[] {
  const issues: Array<{ field: string; message: string }> = [];
  const dates = updates.map((update, index) => {
    const date = readShipDate(update.shippedAt);
    const problem = futureShipDateProblem(date, now);
    if (problem) issues.push({ field: `updates[${index}].shippedAt`, message: `${problem}: Amazon refuses future ship dates` });
    if (update.deliveryId !== undefined && update.deliveryId !== update.orderId) {
      issues.push({ field: `updates[${index}].deliveryId`, message: 'an Amazon order has one destination: its deliveryId is the order id' });
    }
    return date;
  });
  if (issues.length > 0) {
    const dated = issues.some((issue) => issue.field.endsWith('shippedAt'));
    throw new ValidationError(issues, { mall: MALL, operation: OPERATION, hint: dated ? AMAZON_HINTS.shipDate : null });
  }
  return dates;
}

/** What is needed to build an order's confirmShipment: the connector's settings. */
export interface ShipmentSettings {
  readonly marketplaceId: string;
  readonly carrierCodes: Readonly<Partial<Record<CarrierCode, string>>>;
}

/** A shipment ready to send, and the order as it was before. */
export interface ShipmentPlan {
  readonly body: ConfirmShipmentBody;
  readonly before: AmazonOrder;
}

function stateProblem(order: AmazonOrder): OrderStateError | null {
  const code = order.status.code;
  if (code !== 'cancelled' && code !== 'awaiting_payment') return null;
  const cancelled = code === 'cancelled';
  return new OrderStateError(`amazon ${OPERATION}: order ${order.id} is ${order.status.raw} and cannot be shipped`, {
    mall: MALL,
    operation: OPERATION,
    orderId: order.id,
    mallCode: order.status.raw,
    hint: {
      ja: cancelled ? 'キャンセル済みの注文は出荷通知できません。' : '支払い承認前（Pending）の注文は出荷できません。Unshipped になるまで待ってください。',
      en: cancelled ? 'A cancelled order cannot be confirmed as shipped.' : 'The order is Pending (payment not authorized): wait until it is Unshipped.',
    },
  });
}

/** The orderItems of the package: the lines named in the update, or every line of the order. */
function orderItemsFor(order: AmazonOrder, update: ParsedShipmentUpdate, index: number): ConfirmShipmentBody['packageDetail']['orderItems'] | ValidationError {
  const lines = order.deliveries.flatMap((delivery) => delivery.items);
  if (!update.items) return lines.map((line) => ({ orderItemId: line.lineId, quantity: line.quantity }));
  const chosen: Array<{ orderItemId: string; quantity: number }> = [];
  for (const [itemIndex, wanted] of update.items.entries()) {
    const line = lines.find((candidate) => candidate.lineId === wanted.lineId);
    const field = `updates[${index}].items[${itemIndex}]`;
    if (!line) return invalid(`${field}.lineId`, `order ${order.id} has no item ${wanted.lineId}`, false);
    if (wanted.quantity > line.quantity) return invalid(`${field}.quantity`, `only ${line.quantity} ordered`, false);
    chosen.push({ orderItemId: line.lineId, quantity: wanted.quantity });
  }
  return chosen;
}

/** True when Amazon already holds this very package (same id, tracking number and ship time). */
function alreadyRecorded(order: AmazonOrder, body: ConfirmShipmentBody): boolean {
  const raw = order.raw;
  if (!('orderId' in raw)) return false;
  const sent = body.packageDetail;
  return (raw.packages ?? []).some(
    (pkg) =>
      pkg.packageReferenceId === sent.packageReferenceId &&
      pkg.trackingNumber === sent.trackingNumber &&
      pkg.shipTime !== undefined &&
      Date.parse(pkg.shipTime) === Date.parse(sent.shipDate),
  );
}

/**
 * Decides an update from the order as Amazon holds it: refused for the order's state (cancelled,
 * payment pending), a ship date before the purchase or lines the order does not have; done when
 * Amazon already has the package; otherwise the confirmShipment to send.
 */
export function planShipment(order: AmazonOrder, update: ParsedShipmentUpdate, date: ShipDateInput, index: number, settings: ShipmentSettings): ShipmentPlan | WriteOutcome {
  const state = stateProblem(order);
  if (state) return { kind: 'failed', error: state };
  const purchasedAt = Date.parse(order.orderedAt);
  if (shipsBeforePurchase(date, purchasedAt)) {
    return { kind: 'failed', error: invalid(`updates[${index}].shippedAt`, `before the purchase (${order.orderedAt}): Amazon refuses ship dates before the order date`, true) };
  }
  const orderItems = orderItemsFor(order, update, index);
  if (orderItems instanceof ValidationError) return { kind: 'failed', error: orderItems };
  const body: ConfirmShipmentBody = {
    marketplaceId: settings.marketplaceId,
    packageDetail: {
      packageReferenceId: packageReferenceId(order.id, update.trackingNumber),
      ...toAmazonCarrier(update.carrier, settings.carrierCodes),
      ...(update.shippingMethod ? { shippingMethod: update.shippingMethod } : {}),
      trackingNumber: update.trackingNumber,
      shipDate: toAmazonDateTime(shipInstant(date, purchasedAt)),
      orderItems,
    },
  };
  return alreadyRecorded(order, body) ? { kind: 'done', alreadyDone: true } : { body, before: order };
}

/** Units of each line Amazon counts as shipped (v0 QuantityShipped, v2026 quantityFulfilled). */
function shippedUnits(order: AmazonOrder): Map<string, number> {
  const raw = order.raw;
  if ('orderId' in raw) return new Map(raw.orderItems.map((item) => [item.orderItemId, item.fulfillment?.quantityFulfilled ?? 0]));
  return new Map(raw.items.map((item) => [item.OrderItemId, item.QuantityShipped ?? 0]));
}

/**
 * After an unknown outcome, whether the order read back shows the package: v2026 lists packages
 * (the same id, tracking number and ship time must be there — the write may have been an update
 * of that package); v0 has none, so every line sent must show its units shipped on top of what was
 * shipped before.
 */
export function shipmentLanded(after: AmazonOrder, plan: ShipmentPlan): boolean {
  if ('orderId' in after.raw) return alreadyRecorded(after, plan.body);
  const sent = plan.body.packageDetail;
  const before = shippedUnits(plan.before);
  const now = shippedUnits(after);
  const ordered = new Map(after.deliveries.flatMap((delivery) => delivery.items).map((line) => [line.lineId, line.quantity]));
  return sent.orderItems.every((line) => {
    const target = Math.min(ordered.get(line.orderItemId) ?? line.quantity, (before.get(line.orderItemId) ?? 0) + line.quantity);
    return (now.get(line.orderItemId) ?? 0) >= target;
  });
}

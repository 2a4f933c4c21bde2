import { createHash } from 'node:crypto';
import {
  NotFoundError,
  OrderStateError,
  ValidationError,
  type CarrierCode,
  type MallkitError,
  type ParsedShipmentUpdate,
  type PrecheckDecision,
  type ShipmentRules,
  type WriteOutcome,
} from '@mallkit/core';
import { toAmazonDateTime } from '../api/common.js';
import type { ConfirmShipmentBody } from '../api/orders-v0.js';
import { AMAZON_HINTS, notFoundHint } from '../errors.js';
import type { ShipDespiteStatus } from '../options.js';
import { toAmazonCarrier } from './carrier.js';
import type { AmazonOrder } from './order.js';
import { readShipDate, shipInstant, shipsBeforePurchase } from './ship-date.js';

const MALL = 'amazon' as const;
const OPERATION = 'exportShipments';
const INT32_MAX = 2_147_483_647;

/**
 * Amazon's own limits on a shipment, checked by the kit before anything is sent. The Orders API
 * model declares no lengths; Amazon's order-fulfillment feed schema, which writes the same fields
 * (OrderFulfillment.xsd: CarrierName, ShippingMethod and ShipperTrackingNumber are amzn-base.xsd
 * `String`), caps each at 50 characters. Ship dates are compared as instants: Amazon refuses a
 * time later today, not only a later day.
 */
export const AMAZON_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: 50,
  shippingMethodMaxLength: 50,
  carrierNameMaxLength: 50,
  shipDates: { precision: 'instant' },
};

/**
 * A package's confirmShipment id, derived from the order and the tracking number: a positive
 * integer (Amazon refuses anything else, jlevers/selling-partner-api#489) below 2^31, the same for
 * the same package, so that the read-back can recognise it. Hyphens and spaces in the tracking
 * number do not change it. A corrected tracking number is a new id (a second package): correct a
 * wrong number in Seller Central (注文管理 → 出荷通知を編集), not by sending the shipment again.
 */
export function packageReferenceId(orderId: string, trackingNumber: string): string {
  const tracking = trackingNumber.normalize('NFKC').replace(/[\s-]/gu, '');
  const digest = createHash('sha256').update(`${orderId}\u0000${tracking}`).digest();
  return String((digest.readUInt32BE(0) % (INT32_MAX - 1)) + 1);
}

function invalid(field: string, message: string, withShipDateHint: boolean): ValidationError {
  return new ValidationError([{ field, message }], { mall: MALL, operation: OPERATION, hint: withShipDateHint ? AMAZON_HINTS.shipDate : null });
}

/** Refuses, for the whole batch before anything is sent, destinations an Amazon order cannot have (it has one: the order itself). */
export function checkDestinations(updates: readonly ParsedShipmentUpdate[]): void {
  const issues = updates.flatMap((update, index) =>
    update.deliveryId !== undefined && update.deliveryId !== update.orderId
      ? [{ field: `updates[${index}].deliveryId`, message: 'an Amazon order has one destination: its deliveryId is the order id' }]
      : [],
  );
  if (issues.length > 0) throw new ValidationError(issues, { mall: MALL, operation: OPERATION });
}

/** What is needed to build an order's confirmShipment: the connector's settings. */
export interface ShipmentSettings {
  readonly marketplaceId: string;
  readonly carrierCodes: Readonly<Partial<Record<CarrierCode, string>>>;
  /** Statuses shipped anyway (options.shipDespite). */
  readonly shipDespite: readonly ShipDespiteStatus[];
}

/** A shipment ready to send, and the order as it was before. */
export interface ShipmentPlan {
  readonly body: ConfirmShipmentBody;
  readonly before: AmazonOrder;
}

/** An order's state for exportShipments: the order read, or why it could not be (unreadable, or 404 with Amazon's request id). */
export type ShipmentState = AmazonOrder | MallkitError;

/** The NotFoundError of an order Amazon answered 404 for, with what Amazon said. */
export function shipmentNotFound(id: string, answer: { readonly requestId: string | null; readonly httpStatus?: number | null; readonly mallCode?: string | null }): NotFoundError {
  return new NotFoundError(`amazon confirmShipment: no such order ${id}`, {
    mall: MALL,
    operation: 'confirmShipment',
    mallCode: answer.mallCode ?? null,
    httpStatus: answer.httpStatus ?? null,
    requestId: answer.requestId,
    hint: notFoundHint([id]),
  });
}

const REFUSED: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = {
  cancelled: { ja: 'キャンセル済みの注文は出荷通知できません。', en: 'A cancelled order cannot be confirmed as shipped.' },
  awaiting_payment: {
    ja: '支払い承認前（Pending）の注文は出荷できません。Unshipped になるまで待ってください。',
    en: 'The order is Pending (payment not authorized): wait until it is Unshipped.',
  },
  // BuyerRequestedCancel: "check this before confirming shipment" (ordersV0.json OrderItem, v2026 ItemCancellationRequest).
  cancel_requested: {
    ja: '購入者からキャンセル依頼が届いています。セラーセントラルでキャンセル依頼に対応してください（キャンセルするか、依頼を断ってから出荷）。それでも出荷通知する場合は shipDespite に cancel_requested を指定してください。',
    en: "The buyer asked to cancel this order: answer the request in Seller Central (cancel the order, or decline the request and ship). To confirm the shipment anyway, add 'cancel_requested' to shipDespite.",
  },
  // PendingAvailability: a preorder whose "payment has not been authorized" (ordersV0.json OrderStatuses); Unfulfillable: MCF only.
  on_hold: {
    ja: '予約注文（発売前・支払い未承認）または出荷不可の注文です。Unshipped になってから出荷通知してください。それでも出荷通知する場合は shipDespite に on_hold を指定してください。',
    en: "A preorder before its release (payment not authorized yet) or an unfulfillable order: confirm the shipment once it is Unshipped. To confirm it anyway, add 'on_hold' to shipDespite.",
  },
};

function stateProblem(order: AmazonOrder, shipDespite: readonly ShipDespiteStatus[]): OrderStateError | null {
  const code = order.status.code;
  const hint = REFUSED[code];
  if (!hint || (shipDespite as readonly string[]).includes(code)) return null;
  return new OrderStateError(`amazon ${OPERATION}: order ${order.id} is ${order.status.raw} (${code}) and is not shipped`, {
    mall: MALL,
    operation: OPERATION,
    orderId: order.id,
    mallCode: order.status.raw,
    hint,
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

/** Units of each line Amazon counts as shipped (v0 QuantityShipped, v2026 quantityFulfilled). */
function shippedUnits(order: AmazonOrder): Map<string, number> {
  const raw = order.raw;
  if ('orderId' in raw) return new Map(raw.orderItems.map((item) => [item.orderItemId, item.fulfillment?.quantityFulfilled ?? 0]));
  return new Map(raw.items.map((item) => [item.OrderItemId, item.QuantityShipped ?? 0]));
}

/** v2026: Amazon already holds this very package (same id, tracking number and ship time). */
function packageRecorded(order: AmazonOrder, body: ConfirmShipmentBody): boolean {
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

/** v0 (no packages in its answers): every line of the package is already shipped in full. */
function linesAlreadyShipped(order: AmazonOrder, body: ConfirmShipmentBody): boolean {
  if ('orderId' in order.raw) return false;
  const shipped = shippedUnits(order);
  const ordered = new Map(order.deliveries.flatMap((delivery) => delivery.items).map((line) => [line.lineId, line.quantity]));
  return body.packageDetail.orderItems.every((line) => (shipped.get(line.orderItemId) ?? 0) >= (ordered.get(line.orderItemId) ?? Number.POSITIVE_INFINITY));
}

const V0_ALREADY_SHIPPED =
  'Orders API v0 shows no packages: every line of this shipment is already shipped, so it was not sent again; the tracking number could not be compared (check it in Seller Central)';

/**
 * Decides an update from the order as Amazon holds it: refused for the order's state (cancelled,
 * payment pending, a buyer's cancellation request, a preorder on hold — the last two unless the
 * shop opted in), a ship date before the purchase, or lines the order does not have; done when
 * Amazon already has the package (v0: when its lines are all shipped); otherwise the
 * confirmShipment to send.
 */
export function planShipment(order: AmazonOrder, update: ParsedShipmentUpdate, index: number, settings: ShipmentSettings): PrecheckDecision<ShipmentPlan> {
  const state = stateProblem(order, settings.shipDespite);
  if (state) return { kind: 'failed', error: state };
  const purchasedAt = Date.parse(order.orderedAt);
  const date = readShipDate(update.shippedAt);
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
  if (packageRecorded(order, body)) return { kind: 'done', alreadyDone: true };
  if (linesAlreadyShipped(order, body)) return { kind: 'done', alreadyDone: true, warnings: [V0_ALREADY_SHIPPED] };
  return { write: { body, before: order } };
}

/**
 * After an unknown outcome, whether the order read back shows the package: v2026 lists packages
 * (the same id, tracking number and ship time must be there); v0 has none, so every line sent
 * must show its units shipped on top of what was shipped before.
 */
function shipmentLanded(after: AmazonOrder, plan: ShipmentPlan): boolean {
  if ('orderId' in after.raw) return packageRecorded(after, plan.body);
  const sent = plan.body.packageDetail;
  const before = shippedUnits(plan.before);
  const now = shippedUnits(after);
  const ordered = new Map(after.deliveries.flatMap((delivery) => delivery.items).map((line) => [line.lineId, line.quantity]));
  return sent.orderItems.every((line) => {
    const target = Math.min(ordered.get(line.orderItemId) ?? line.quantity, (before.get(line.orderItemId) ?? 0) + line.quantity);
    return (now.get(line.orderItemId) ?? 0) >= target;
  });
}

/** The kit's `resolve`: a lost answer whose package the read-back shows is done, and says so; otherwise the doubt stands. */
export function resolveShipment(_update: ParsedShipmentUpdate, after: AmazonOrder | undefined, doubt: MallkitError, plan: ShipmentPlan | undefined): WriteOutcome {
  if (plan !== undefined && after !== undefined && shipmentLanded(after, plan)) {
    return { kind: 'done', warnings: [`the answer to confirmShipment was lost (${doubt.message}); the order read back shows the package, so it landed`] };
  }
  return { kind: 'failed', error: doubt };
}

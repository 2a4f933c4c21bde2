import type { HttpHandler } from 'msw';
import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { toAmazonDateTime } from '../api/common.js';
import type { AmazonOrderPackage } from '../api/orders-2026.js';
import { withPackage } from './order-changes.js';
import { denied, rateOf, type AmazonSandboxState } from './state.js';
import { invalidInput, noContent, errorAnswer } from './wire.js';

/** confirmShipment takes UTC with `Z`; `+00:00` and other shapes are refused (jlevers/selling-partner-api#698). */
const Z_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function confirm(state: AmazonSandboxState, ctx: SandboxContext): Response {
  const rate = rateOf(state, 'confirmShipment');
  const orderId = String(ctx.params['orderId'] ?? '');
  const order = state.store.get(orderId);
  if (!order) return errorAnswer(404, 'NotFound', `Order ${orderId} not found.`, undefined, rate);
  let body: Record<string, unknown> | null;
  try {
    body = record(JSON.parse(ctx.bodyText));
  } catch {
    body = null;
  }
  if (!body) return invalidInput('The request body is not valid JSON.', rate);
  if (typeof body['marketplaceId'] !== 'string') return invalidInput('marketplaceId is required.', rate);
  const detail = record(body['packageDetail']);
  if (!detail) return invalidInput('packageDetail is required.', rate);
  const referenceId = detail['packageReferenceId'];
  if (typeof referenceId !== 'string' || !/^\d+$/.test(referenceId) || Number(referenceId) <= 0) {
    return invalidInput('PackageReferenceId: is invalid, must be a positive numeric value.', rate);
  }
  const carrierCode = detail['carrierCode'];
  if (typeof carrierCode !== 'string' || carrierCode.trim() === '') return invalidInput('CarrierCode is required for shipment confirmation in this marketplace.', rate);
  if (carrierCode === 'Other' && (typeof detail['carrierName'] !== 'string' || detail['carrierName'].trim() === '')) {
    return invalidInput('CarrierName is required when CarrierCode is Other.', rate);
  }
  const trackingNumber = detail['trackingNumber'];
  if (typeof trackingNumber !== 'string' || trackingNumber.trim() === '') return invalidInput('TrackingNumber is required.', rate);
  const shipDate = detail['shipDate'];
  if (typeof shipDate !== 'string' || !Z_DATE.test(shipDate) || Number.isNaN(Date.parse(shipDate))) {
    return invalidInput(`Date time: ${String(shipDate)} is invalid, must be formatted by ISO 8601 standards.`, rate);
  }
  const shipAt = Date.parse(shipDate);
  if (shipAt > ctx.clock.now()) return invalidInput(`ShipDate: ${shipDate} is invalid, it cannot be in the future.`, rate);
  if (shipAt < Date.parse(order.createdTime)) return invalidInput(`ShipDate: ${shipDate} is invalid, it cannot be before the order date.`, rate);
  const lines = detail['orderItems'];
  if (!Array.isArray(lines) || lines.length === 0) {
    return invalidInput('OrderItemId is invalid, please obtain the value through the getOrderItems API or Manage Orders page', rate);
  }
  const packageItems: Array<{ orderItemId: string; quantity: number }> = [];
  for (const line of lines) {
    const entry = record(line);
    const item = order.orderItems.find((i) => i.orderItemId === entry?.['orderItemId']);
    const quantity = entry?.['quantity'];
    if (!item || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0 || quantity > item.quantityOrdered) {
      return invalidInput('OrderItemId is invalid, please obtain the value through the getOrderItems API or Manage Orders page', rate);
    }
    packageItems.push({ orderItemId: item.orderItemId, quantity });
  }
  const status = order.fulfillment?.fulfillmentStatus;
  if (status === 'CANCELLED' || status === 'PENDING') return invalidInput(`Order ${orderId} is in status ${status} and cannot be confirmed.`, rate);

  const now = toAmazonDateTime(ctx.clock.now());
  const pkg: AmazonOrderPackage = {
    packageReferenceId: referenceId,
    createdTime: now,
    packageStatus: { status: 'SHIPPED' },
    carrier: carrierCode === 'Other' ? String(detail['carrierName']) : carrierCode,
    shipTime: shipDate,
    ...(typeof detail['shippingMethod'] === 'string' ? { shippingService: detail['shippingMethod'] } : {}),
    trackingNumber,
    packageItems,
  };
  state.store.put(withPackage(order, pkg, ctx.clock.now()));
  return noContent(rate);
}

/** v0 confirmShipment with Amazon's validations. */
export function shipmentHandlers(kit: SandboxKit, state: AmazonSandboxState, baseUrls: readonly string[]): HttpHandler[] {
  return baseUrls.map((base) =>
    kit.route('POST', `${base}/orders/v0/orders/:orderId/shipmentConfirmation`, 'confirmShipment', (ctx) => denied(state, ctx) ?? confirm(state, ctx)),
  );
}

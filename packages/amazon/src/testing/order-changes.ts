import { createHash } from 'node:crypto';
import { toAmazonDateTime } from '../api/common.js';
import type { AmazonOrder2026, AmazonOrderPackage, FulfillmentStatus } from '../api/orders-2026.js';

/*
 * What happens to a sandbox order after it was placed, as Amazon records it: each change moves
 * `lastUpdatedTime` to the moment it happened — "the most recent time when any aspect of this order
 * was modified by Amazon or the seller" (orders_2026-01-01.json Order.lastUpdatedTime) — which is
 * what searches by `lastUpdatedAfter` (v2026) and `LastUpdatedAfter` (v0) select on. Each function
 * returns the changed order, or null when the change does not apply to the order's status.
 */

const statusOf = (order: AmazonOrder2026): FulfillmentStatus | undefined => order.fulfillment?.fulfillmentStatus as FulfillmentStatus | undefined;

function withStatus(order: AmazonOrder2026, status: FulfillmentStatus, at: number): AmazonOrder2026 {
  return { ...order, lastUpdatedTime: toAmazonDateTime(at), ...(order.fulfillment ? { fulfillment: { ...order.fulfillment, fulfillmentStatus: status } } : {}) };
}

/**
 * The order once a package is confirmed (confirmShipment, or the seller in Seller Central): the
 * package added (the same packageReferenceId replaces its package), every item's shipped units
 * counted again, PARTIALLY_SHIPPED until every unit is out, then SHIPPED.
 */
export function withPackage(order: AmazonOrder2026, pkg: AmazonOrderPackage, at: number): AmazonOrder2026 {
  // UNVERIFIED: Amazon does not document a repeated packageReferenceId (ordersV0.json says only that
  // it "uniquely identifies a package within the scope of an order"); the connector never re-sends.
  const packages = [...(order.packages ?? []).filter((p) => p.packageReferenceId !== pkg.packageReferenceId), pkg];
  const shippedUnits = new Map<string, number>();
  for (const p of packages) for (const i of p.packageItems ?? []) shippedUnits.set(i.orderItemId, (shippedUnits.get(i.orderItemId) ?? 0) + i.quantity);
  const complete = order.orderItems.every((i) => (shippedUnits.get(i.orderItemId) ?? 0) >= i.quantityOrdered);
  return {
    ...withStatus(order, complete ? 'SHIPPED' : 'PARTIALLY_SHIPPED', at),
    packages,
    orderItems: order.orderItems.map((i) => {
      const shipped = Math.min(i.quantityOrdered, shippedUnits.get(i.orderItemId) ?? 0);
      return { ...i, fulfillment: { ...i.fulfillment, quantityFulfilled: shipped, quantityUnfulfilled: i.quantityOrdered - shipped } };
    }),
  };
}

/** A 12-digit tracking number of the order's `n`-th package: the same order and package always get the same one. */
function trackingNumberOf(orderId: string, n: number): string {
  const hex = createHash('sha256').update(`${orderId}#${n}`).digest('hex');
  return (BigInt(`0x${hex}`) % 10n ** 12n).toString().padStart(12, '0');
}

/**
 * The seller ships every unit still unshipped in one package, with Yamato, now (as in Seller
 * Central's 出荷通知). Only an order ready for shipment can ship: UNSHIPPED or PARTIALLY_SHIPPED.
 * A buyer's cancellation request does not stop it — Amazon leaves that check to the seller
 * (ordersV0.json BuyerRequestedCancel: "check this before confirming shipment").
 */
export function shipRemainingUnits(order: AmazonOrder2026, at: number): AmazonOrder2026 | null {
  const status = statusOf(order);
  if (status !== 'UNSHIPPED' && status !== 'PARTIALLY_SHIPPED') return null;
  const packed = new Map<string, number>();
  for (const p of order.packages ?? []) for (const i of p.packageItems ?? []) packed.set(i.orderItemId, (packed.get(i.orderItemId) ?? 0) + i.quantity);
  const packageItems = order.orderItems
    .map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered - (packed.get(i.orderItemId) ?? 0) }))
    .filter((i) => i.quantity > 0);
  if (packageItems.length === 0) return null;
  const reference = String(Math.max(0, ...(order.packages ?? []).map((p) => Number(p.packageReferenceId) || 0)) + 1);
  const now = toAmazonDateTime(at);
  return withPackage(
    order,
    {
      packageReferenceId: reference,
      createdTime: now,
      packageStatus: { status: 'SHIPPED' },
      carrier: 'Yamato Transport',
      shipTime: now,
      shippingService: '宅急便',
      trackingNumber: trackingNumberOf(order.orderId, Number(reference)),
      packageItems,
    },
    at,
  );
}

/**
 * The order is cancelled: by the seller in Seller Central (a buyer's request granted, or no stock),
 * or by the buyer while it is still pending. Once a unit has shipped it cannot be (a return is
 * another process, outside the Orders API).
 */
export function cancelOrder(order: AmazonOrder2026, at: number): AmazonOrder2026 | null {
  const status = statusOf(order);
  if (status !== 'PENDING_AVAILABILITY' && status !== 'PENDING' && status !== 'UNSHIPPED') return null;
  return withStatus(order, 'CANCELLED', at);
}

/**
 * Payment is authorized: a convenience-store or ATM payment arrived, or a pre-order's release date
 * came and the card was charged. PENDING ("not ready for shipment") and PENDING_AVAILABILITY
 * become UNSHIPPED ("ready for shipment"), and the address is released to the seller
 * (orders_2026-01-01.json FulfillmentStatus).
 */
export function authorizePayment(order: AmazonOrder2026, at: number): AmazonOrder2026 | null {
  const status = statusOf(order);
  if (status !== 'PENDING' && status !== 'PENDING_AVAILABILITY') return null;
  return withStatus(order, 'UNSHIPPED', at);
}

/**
 * The delivery address changes before shipment. GUESS: Amazon documents no address change of a
 * seller-fulfilled order through the API; if the buyer changes it before the order ships, it is a
 * modification "of any aspect of this order" and moves lastUpdatedTime like any other. An order
 * whose address is not released (PENDING) or that has shipped has none to change.
 */
export function changeDeliveryAddress(order: AmazonOrder2026, at: number): AmazonOrder2026 | null {
  const address = order.recipient?.deliveryAddress;
  if (statusOf(order) !== 'UNSHIPPED' || !address) return null;
  const moved = { ...address, addressLine2: `${address.addressLine2 ? `${address.addressLine2} ` : ''}（転居先）` };
  return { ...order, lastUpdatedTime: toAmazonDateTime(at), recipient: { ...order.recipient, deliveryAddress: moved } };
}

import {
  InvalidRequestError,
  isConnectorWide,
  isUnknownOutcome,
  MallkitError,
  NotFoundError,
  OrderStateError,
  toBatchResult,
  type BatchItemResult,
  type BatchResult,
  type CallOptions,
  type CarrierCode,
  type Clock,
  type ShipmentUpdate,
} from '@mallkit/core';
import type { RakutenOrderModel, RakutenPackageModel, RakutenShippingModel } from '../api/order-model.js';
import { buildUpdateOrderShippingBody, type ShippingModelInput } from '../api/update-order-shipping.js';
import type { RakutenClient } from '../client.js';
import { errorFromMessage } from '../errors.js';
import { ORDER_CANCELLED_HINT } from '../hints.js';
import { isCancelledProgress } from '../mapping/status.js';
import { prepareShipments, type PreparedShipment } from './shipment-input.js';
import { readOrders } from './read-orders.js';

const MALL = 'rakuten' as const;

/** What exportShipments needs from the connector. */
export interface ExportShipmentsContext {
  readonly client: RakutenClient;
  readonly clock: Clock;
  readonly deliveryCompany: Readonly<Partial<Record<CarrierCode, string>>>;
}

function sameNumber(a: string | null | undefined, b: string): boolean {
  // Shops type tracking numbers with and without hyphens; Rakuten stores what it is given.
  const plain = (value: string): string => value.replace(/[\s-]/g, '');
  return a !== null && a !== undefined && plain(a) === plain(b);
}

/** The package an update addresses: the one named, or the order's only one. */
function packageFor(order: RakutenOrderModel, prepared: PreparedShipment): RakutenPackageModel | MallkitError {
  const live = order.PackageModelList.filter((pkg) => pkg.packageDeleteFlag !== 1);
  const wanted = prepared.update.deliveryId;
  if (wanted !== undefined) {
    return (
      live.find((pkg) => String(pkg.basketId) === wanted) ??
      new InvalidRequestError(`rakuten updateOrderShipping: order ${order.orderNumber} has no destination (basketId) ${wanted}`, {
        mall: MALL,
        operation: 'updateOrderShipping',
        field: `updates[${prepared.index}].deliveryId`,
      })
    );
  }
  if (live.length === 1 && live[0]) return live[0];
  return new InvalidRequestError(
    `rakuten updateOrderShipping: order ${order.orderNumber} has ${live.length} destinations; name one with deliveryId (${live.map((p) => p.basketId).join(', ')})`,
    { mall: MALL, operation: 'updateOrderShipping', field: `updates[${prepared.index}].deliveryId` },
  );
}

/**
 * The row to write: none when the same tracking number is already recorded with the same carrier
 * and date (idempotent); an update of that row when it differs, or of a lone row with no number;
 * otherwise a new row (a ShippingModel without shippingDetailId is ADDED, so re-sending blindly
 * would duplicate it).
 */
function rowFor(pkg: RakutenPackageModel, prepared: PreparedShipment): ShippingModelInput | null {
  const rows: RakutenShippingModel[] = pkg.ShippingModelList ?? [];
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

async function sendOne(ctx: ExportShipmentsContext, order: RakutenOrderModel, prepared: PreparedShipment, call: CallOptions): Promise<BatchItemResult> {
  const id = order.orderNumber;
  if (isCancelledProgress(order.orderProgress)) {
    return {
      id,
      ok: false,
      error: new OrderStateError(`rakuten updateOrderShipping: order ${id} is cancelled (orderProgress ${order.orderProgress})`, {
        mall: MALL,
        operation: 'updateOrderShipping',
        orderId: id,
        hint: ORDER_CANCELLED_HINT,
      }),
    };
  }
  const pkg = packageFor(order, prepared);
  if (MallkitError.isInstance(pkg)) return { id, ok: false, error: pkg };
  const row = rowFor(pkg, prepared);
  if (row === null) return { id, ok: true, alreadyDone: true, warnings: [...prepared.warnings] };
  try {
    const answer = await ctx.client.updateOrderShipping(buildUpdateOrderShippingBody(id, pkg.basketId, row), call);
    const messages = answer.MessageModelList ?? [];
    const failure = messages.find((m) => m.messageType === 'ERROR');
    if (failure) return { id, ok: false, error: errorFromMessage(failure, { operation: 'updateOrderShipping', orderId: id }) };
    const notes = messages.filter((m) => m.messageType === 'WARNING').map((m) => m.message ?? m.messageCode);
    return { id, ok: true, alreadyDone: false, warnings: [...prepared.warnings, ...notes] };
  } catch (error) {
    if (isConnectorWide(error) || !MallkitError.isInstance(error)) throw error;
    if (!isUnknownOutcome(error)) return { id, ok: false, error };
    // The answer was lost: read the package back and look for the row instead of adding it twice.
    const after = (await readOrders(ctx.client, [id], call)).get(id);
    const landed = after?.PackageModelList.find((p) => p.basketId === pkg.basketId)?.ShippingModelList?.some((r) => sameNumber(r.shippingNumber, prepared.shippingNumber));
    if (landed) {
      return { id, ok: true, alreadyDone: false, warnings: [...prepared.warnings, `updateOrderShipping's answer was lost (${error.code}); reading the order back shows the shipment recorded`] };
    }
    return { id, ok: false, error };
  }
}

/**
 * exportShipments: validates every update first (nothing is sent if one is bad), reads the orders
 * (100 per getOrder) for their basketId and recorded shipments, then sends one updateOrderShipping
 * per update. Results are per update, in input order; an update already recorded is `alreadyDone`.
 */
export async function exportShipments(ctx: ExportShipmentsContext, updates: readonly ShipmentUpdate[], call: CallOptions = {}): Promise<BatchResult> {
  const prepared = prepareShipments(updates, ctx.clock, ctx.deliveryCompany);
  if (prepared.length === 0) return toBatchResult([]);
  const orders = await readOrders(ctx.client, prepared.map((p) => p.update.orderId), call);
  const results: BatchItemResult[] = [];
  for (const item of prepared) {
    const order = orders.get(item.update.orderId);
    if (!order) {
      results.push({
        id: item.update.orderId,
        ok: false,
        error: new NotFoundError(`rakuten getOrder: no such order for this shop: ${item.update.orderId}`, { mall: MALL, operation: 'getOrder' }),
      });
      continue;
    }
    const result = await sendOne(ctx, order, item, call);
    results.push(result);
    // A later update to the same order must see the row this one added.
    if (result.ok && !result.alreadyDone && prepared.some((p) => p.index > item.index && p.update.orderId === order.orderNumber)) {
      const fresh = (await readOrders(ctx.client, [order.orderNumber], call)).get(order.orderNumber);
      if (fresh) orders.set(order.orderNumber, fresh);
    }
  }
  return toBatchResult(results);
}

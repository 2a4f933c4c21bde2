import {
  MallkitError,
  NotFoundError,
  OrderStateError,
  ValidationError,
  formatJst,
  parseInput,
  shipmentUpdatesSchema,
  toBatchResult,
  type BatchItemResult,
  type BatchResult,
  type CallOptions,
  type Hint,
  type ParsedShipmentUpdate,
} from '@mallkit/core';
import { toAmazonDateTime } from '../api/common.js';
import type { ConfirmShipmentBody } from '../api/orders-v0.js';
import { toAmazonCarrier } from '../mapping/carrier.js';
import type { AmazonOrder } from '../mapping/order.js';
import { packageReferenceId } from '../shipments/package-reference-id.js';
import { futureShipDateProblem, readShipDate, SHIP_DATE_HINT, shipInstant, type ShipDateInput } from '../shipments/ship-date.js';
import type { OperationContext } from './context.js';
import { readOrder } from './read-order.js';

const MALL = 'amazon' as const;
const OPERATION = 'exportShipments';

function invalid(field: string, message: string, hint: Hint | null = SHIP_DATE_HINT): ValidationError {
  return new ValidationError([{ field, message }], { mall: MALL, operation: OPERATION, hint });
}

/** Checks that need no order: future ship dates and destinations Amazon cannot have. Throws before anything is sent. */
function checkBeforeSending(updates: readonly ParsedShipmentUpdate[], now: number): ShipDateInput[] {
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
    throw new ValidationError(issues, {
      mall: MALL,
      operation: OPERATION,
      hint: issues.some((i) => i.field.endsWith('shippedAt')) ? SHIP_DATE_HINT : null,
    });
  }
  return dates;
}

function orderItemsFor(order: AmazonOrder, update: ParsedShipmentUpdate, index: number): ConfirmShipmentBody['packageDetail']['orderItems'] {
  const lines = order.deliveries.flatMap((d) => d.items);
  if (!update.items) return lines.map((line) => ({ orderItemId: line.lineId, quantity: line.quantity }));
  return update.items.map((wanted, itemIndex) => {
    const line = lines.find((l) => l.lineId === wanted.lineId);
    if (!line) throw invalid(`updates[${index}].items[${itemIndex}].lineId`, `order ${order.id} has no item ${wanted.lineId}`, null);
    if (wanted.quantity > line.quantity) {
      throw invalid(`updates[${index}].items[${itemIndex}].quantity`, `only ${line.quantity} ordered`, null);
    }
    return { orderItemId: line.lineId, quantity: wanted.quantity };
  });
}

function stateProblem(order: AmazonOrder): OrderStateError | null {
  const status = order.status.raw;
  if (order.status.code === 'cancelled' || order.status.code === 'awaiting_payment') {
    return new OrderStateError(`amazon ${OPERATION}: order ${order.id} is ${status} and cannot be shipped`, {
      mall: MALL,
      operation: OPERATION,
      orderId: order.id,
      mallCode: status,
      hint: {
        ja: order.status.code === 'cancelled' ? 'キャンセル済みの注文は出荷通知できません。' : '支払い承認前（Pending）の注文は出荷できません。Unshipped になるまで待ってください。',
        en: order.status.code === 'cancelled' ? 'A cancelled order cannot be confirmed as shipped.' : 'The order is Pending (payment not authorized): wait until it is Unshipped.',
      },
    });
  }
  return null;
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

async function exportOne(
  ctx: OperationContext,
  update: ParsedShipmentUpdate,
  date: ShipDateInput,
  index: number,
  call: CallOptions,
): Promise<BatchItemResult> {
  const id = update.orderId;
  try {
    // The order is read first: its items (orderItems must list them), its purchase time (ship
    // dates before it are refused) and its packages (what Amazon already recorded).
    const order = await readOrder(ctx, id, call);
    if (NotFoundError.isInstance(order)) {
      const error = new NotFoundError(`amazon ${OPERATION}: no such order ${id}`, {
        mall: MALL,
        operation: OPERATION,
        mallCode: order.mallCode,
        httpStatus: order.httpStatus,
        requestId: order.requestId,
      });
      return { id, ok: false, error };
    }
    const state = stateProblem(order);
    if (state) return { id, ok: false, error: state };
    const purchasedAt = Date.parse(order.orderedAt);
    const tooEarly = date.kind === 'day' ? date.day < formatJst(purchasedAt, 'date') : date.at < purchasedAt;
    if (tooEarly) {
      const error = invalid(`updates[${index}].shippedAt`, `before the purchase (${order.orderedAt}): Amazon refuses ship dates before the order date`);
      return { id, ok: false, error };
    }
    const carrier = toAmazonCarrier(update.carrier, ctx.carrierCodes);
    const body: ConfirmShipmentBody = {
      marketplaceId: ctx.marketplaceId,
      packageDetail: {
        packageReferenceId: packageReferenceId(id, update.trackingNumber),
        ...carrier,
        ...(update.shippingMethod ? { shippingMethod: update.shippingMethod } : {}),
        trackingNumber: update.trackingNumber,
        shipDate: toAmazonDateTime(shipInstant(date, purchasedAt)),
        orderItems: orderItemsFor(order, update, index),
      },
    };
    if (alreadyRecorded(order, body)) return { id, ok: true, alreadyDone: true, warnings: [] };
    await ctx.client.confirmShipment(id, body, call);
    return { id, ok: true, alreadyDone: false, warnings: [] };
  } catch (error) {
    if (MallkitError.isInstance(error)) return { id, ok: false, error };
    throw error;
  }
}

/**
 * exportShipments: one v0 confirmShipment per update (the only shipment write Amazon has, not
 * deprecated). Future ship dates are refused for the whole batch before anything is sent; each
 * order is then read, checked and confirmed on its own, and reported on its own.
 */
export async function exportShipments(ctx: OperationContext, updates: unknown, call: CallOptions = {}): Promise<BatchResult> {
  const parsed = parseInput(shipmentUpdatesSchema, updates, 'updates', { mall: MALL, operation: OPERATION });
  const dates = checkBeforeSending(parsed, ctx.client.clock.now());
  const results: BatchItemResult[] = [];
  for (const [index, update] of parsed.entries()) {
    results.push(await exportOne(ctx, update, dates[index] as ShipDateInput, index, call));
  }
  return toBatchResult(results);
}

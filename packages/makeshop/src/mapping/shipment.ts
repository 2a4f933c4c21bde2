import {
  InvalidRequestError,
  OrderStateError,
  ValidationError,
  type CarrierCode,
  type Delivery,
  type MallkitError,
  type Order,
  type ParsedShipmentUpdate,
  shipDayOf,
  type ValidationIssue,
  type WriteOutcome,
} from '@mallkit/core';
import type { DeliveryUpdateInput } from '../api/documents.js';
import type { MakeshopWireOrder } from '../api/order-schema.js';
import { carrierCodeFor, MAKESHOP_CARRIER_CODES } from './carrier.js';

/*
 * The write decisions of exportShipments, from the order's state read first: which destination a
 * shipment goes to, whether makeshop already has it, whether the order may be shipped at all.
 */

/** A shipment update with makeshop's carrier code, checked before anything is sent. */
export interface PlannedShipment {
  readonly update: ParsedShipmentUpdate;
  readonly carrierCode: string;
}

/**
 * Finds makeshop's carrier code of every update and refuses, before any request, what makeshop
 * cannot take: a carrier without a code, and line-level shipments (makeshop records a shipment per
 * destination).
 */
export function planShipments(updates: readonly ParsedShipmentUpdate[], own: Readonly<Partial<Record<CarrierCode, string>>>): PlannedShipment[] {
  const issues: ValidationIssue[] = [];
  const planned = updates.map((update, index) => {
    const carrierCode = carrierCodeFor(update, own);
    if (carrierCode === null) {
      const known = Object.values(MAKESHOP_CARRIER_CODES).map((entry) => entry.name).join(', ');
      issues.push({ field: `updates[${index}].carrier`, message: `makeshop has no carrier code for it (known: ${known}); add one with the carrierCodes option` });
    }
    if (update.items !== undefined) {
      issues.push({ field: `updates[${index}].items`, message: 'makeshop records a shipment per destination, not per line: leave items out' });
    }
    return { update, carrierCode: carrierCode ?? '' };
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'makeshop',
      operation: 'exportShipments',
      hint: { ja: `出荷情報を確認してください: ${issues.map((issue) => issue.field).join(', ')}。何も送信していません。`, en: `Fix the shipments: ${issues.map((issue) => issue.field).join(', ')}. Nothing was sent.` },
    });
  }
  return planned;
}

/** The destination a shipment goes to: the one named, or the order's only one. */
export function destinationOf(order: Order<MakeshopWireOrder>, update: ParsedShipmentUpdate): { readonly position: number; readonly delivery: Delivery } | MallkitError {
  const position = update.deliveryId === undefined ? (order.deliveries.length === 1 ? 0 : -1) : order.deliveries.findIndex((delivery) => delivery.deliveryId === update.deliveryId);
  const delivery = order.deliveries[position];
  if (delivery !== undefined) return { position, delivery };
  const ids = order.deliveries.map((candidate) => candidate.deliveryId).join(', ');
  return new InvalidRequestError(
    update.deliveryId === undefined
      ? `makeshop exportShipments: order ${order.id} has ${order.deliveries.length} destinations: say which with deliveryId (${ids})`
      : `makeshop exportShipments: order ${order.id} has no destination ${update.deliveryId} (it has ${ids})`,
    {
      mall: 'makeshop',
      operation: 'exportShipments',
      field: 'deliveryId',
      hint: { ja: `送付先を deliveryId で指定してください（${ids}）。`, en: `Name the destination with deliveryId (${ids}).` },
    },
  );
}

/** Decides from the order's state: write it, report it done, or refuse it. */
export function precheckShipment(planned: PlannedShipment, order: Order<MakeshopWireOrder>): 'write' | WriteOutcome {
  const refuse = (ja: string, en: string): WriteOutcome => ({
    kind: 'failed',
    error: new OrderStateError(`makeshop exportShipments: order ${order.id}: ${en}`, { mall: 'makeshop', operation: 'exportShipments', orderId: order.id, hint: { ja, en } }),
  });
  if (order.status.code === 'cancelled') return refuse('キャンセルされた注文は出荷登録できません。', 'the order is cancelled');
  if (order.flags.provisional) {
    return refuse('仮注文です（決済未完了）。決済が完了して通常の注文になってから出荷登録してください。', 'it is a provisional order (仮注文): payment has not completed; ship it once it is a normal order');
  }
  const target = destinationOf(order, planned.update);
  if (!('position' in target)) return { kind: 'failed', error: target };
  const recorded = target.delivery.shipments.some((shipment) => shipment.trackingNumber === planned.update.trackingNumber);
  return recorded ? { kind: 'done', alreadyDone: true } : 'write';
}

/** After a write whose outcome is unknown: it landed when the order read back carries the tracking number. */
export function resolveShipment(planned: PlannedShipment, order: Order<MakeshopWireOrder> | undefined, doubt: MallkitError): WriteOutcome {
  if (order === undefined) return { kind: 'failed', error: doubt };
  const target = destinationOf(order, planned.update);
  const landed = 'position' in target && target.delivery.shipments.some((shipment) => shipment.trackingNumber === planned.update.trackingNumber);
  return landed ? { kind: 'done' } : { kind: 'failed', error: doubt };
}

/** The mutation's input for a shipment whose destination was resolved from the order. */
export function deliveryUpdateOf(planned: PlannedShipment, order: Order<MakeshopWireOrder>, sendMail: boolean): DeliveryUpdateInput {
  const target = destinationOf(order, planned.update);
  if (!('position' in target)) throw target;
  return {
    displayOrderNumber: order.id,
    deliveryId: target.position + 1,
    destinationCount: order.deliveries.length,
    deliveryStatus: 'Y',
    carrierCode: planned.carrierCode,
    slipNumber: planned.update.trackingNumber,
    shippingDate: shipDayOf(planned.update),
    sendMail,
  };
}

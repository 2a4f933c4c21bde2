import {
  formatJst,
  OrderStateError,
  shipDayOf,
  ValidationError,
  type MallkitError,
  type Order,
  type ParsedShipmentUpdate,
  type WriteOutcome,
} from '@mallkit/core';
import type { ShopserveOrder } from '../api/order-record.js';
import type { StatusChange } from '../api/status-update.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { carrierNameFor } from './carriers.js';
import { statusAxesOf } from './status.js';

/*
 * Write decisions from an order's state, read before writing and read back after a doubt:
 * confirming sets 確認ステータス, shipping sets 発送ステータス with 配送会社, お問い合わせ番号 and
 * 発送予定日 in one call (Shopserve refuses a carrier without a tracking number, so they always
 * travel together).
 */

const DAY_MS = 86_400_000;

function cancelled(order: Order<ShopserveOrder>, operation: string): WriteOutcome {
  return {
    kind: 'failed',
    error: new OrderStateError(`shopserve ${operation}: order ${order.id} is cancelled`, {
      mall: 'shopserve',
      operation,
      orderId: order.id,
      mallCode: order.status.raw,
      hint: { ja: 'キャンセル済みの注文は更新できません。', en: 'A cancelled order cannot be changed.' },
    }),
  };
}

/** The change that confirms an order. */
export function confirmChange(wire: ShopserveWireProfile): StatusChange {
  return { confirmation_status: wire.values.confirmed };
}

/** Before confirming: a cancelled order is refused, a confirmed one is already done. */
export function confirmDecision(order: Order<ShopserveOrder>, wire: ShopserveWireProfile): 'write' | WriteOutcome {
  if (statusAxesOf(order.raw.basic, wire.values).cancelled === true) return cancelled(order, 'confirmOrders');
  return statusAxesOf(order.raw.basic, wire.values).confirmed === true ? { kind: 'done', alreadyDone: true } : 'write';
}

/** After a confirm whose outcome is unknown: done when the order reads back confirmed. */
export function confirmResolved(order: Order<ShopserveOrder> | undefined, doubt: MallkitError, wire: ShopserveWireProfile): WriteOutcome {
  return order !== undefined && statusAxesOf(order.raw.basic, wire.values).confirmed === true ? { kind: 'done' } : { kind: 'failed', error: doubt };
}

/** The change that records a shipment: 発送済, carrier, tracking number and the ship date as 発送予定日. */
export function shipmentChange(update: ParsedShipmentUpdate, wire: ShopserveWireProfile): StatusChange {
  return {
    shipping_status: wire.values.shipped,
    delivery_company: carrierNameFor(update, wire),
    tracking_number: update.trackingNumber,
    scheduled_shipping_date: formatJst(Date.parse(`${shipDayOf(update)}T00:00:00+09:00`), wire.dayFormat),
  };
}

/** True when the order already records this shipment (発送済 with the same tracking number and carrier). */
function alreadyRecorded(update: ParsedShipmentUpdate, order: Order<ShopserveOrder>, wire: ShopserveWireProfile): boolean {
  const { basic } = order.raw;
  return (
    statusAxesOf(basic, wire.values).shipped === true &&
    basic.tracking_number?.trim() === update.trackingNumber &&
    basic.delivery_company?.trim() === carrierNameFor(update, wire)
  );
}

/** What decides a shipment besides the order. */
export interface ShipmentRulesInForce {
  /** Now, on the connector's clock (epoch ms). */
  readonly now: number;
  /** Orders older than this many days are refused. */
  readonly maxOrderAgeDays: number;
  /** The input field of the update, for the ValidationError (`updates[2].orderId`). */
  readonly field: string;
}

/**
 * Before shipping: cancelled orders are refused; orders placed more than `maxOrderAgeDays` ago
 * are refused with a ValidationError saying why (nothing is sent for them); a shipment already
 * recorded is done; anything else is written (a different tracking number replaces the one on the
 * order, as integrators overwrite a provisional number).
 */
export function shipDecision(update: ParsedShipmentUpdate, order: Order<ShopserveOrder>, wire: ShopserveWireProfile, rules: ShipmentRulesInForce): 'write' | WriteOutcome {
  if (statusAxesOf(order.raw.basic, wire.values).cancelled === true) return cancelled(order, 'exportShipments');
  const ageDays = (rules.now - Date.parse(order.orderedAt)) / DAY_MS;
  if (ageDays > rules.maxOrderAgeDays) {
    return {
      kind: 'failed',
      error: new ValidationError(
        [{ field: rules.field, message: `order ${order.id} was placed on ${order.orderedAt.slice(0, 10)}, more than ${rules.maxOrderAgeDays} days ago: shipments are written back only for orders placed within that time` }],
        {
          mall: 'shopserve',
          operation: 'exportShipments',
          hint: {
            ja: `注文日から${rules.maxOrderAgeDays}日を過ぎた注文には発送情報を書き戻しません。受注台帳で直接更新してください。何も送信していません。`,
            en: `Shipments are not written back for orders older than ${rules.maxOrderAgeDays} days; update it in the 受注台帳 directly. Nothing was sent.`,
          },
        },
      ),
    };
  }
  if (update.deliveryId !== undefined && !order.deliveries.some((delivery) => delivery.deliveryId === update.deliveryId)) {
    const field = rules.field.replace(/orderId$/, 'deliveryId');
    return {
      kind: 'failed',
      error: new ValidationError([{ field, message: `order ${order.id} has no destination ${update.deliveryId} (it has ${order.deliveries.map((d) => d.deliveryId).join(', ') || 'none'})` }], {
        mall: 'shopserve',
        operation: 'exportShipments',
        hint: { ja: 'deliveryId は order.deliveries[].deliveryId から指定してください。何も送信していません。', en: 'Take deliveryId from order.deliveries[].deliveryId. Nothing was sent.' },
      }),
    };
  }
  return alreadyRecorded(update, order, wire) ? { kind: 'done', alreadyDone: true } : 'write';
}

/** After a shipment whose outcome is unknown: done when the order reads back with it. */
export function shipResolved(update: ParsedShipmentUpdate, order: Order<ShopserveOrder> | undefined, doubt: MallkitError, wire: ShopserveWireProfile): WriteOutcome {
  return order !== undefined && alreadyRecorded(update, order, wire) ? { kind: 'done' } : { kind: 'failed', error: doubt };
}

/**
 * Notes for a shipment Shopserve can record only for the whole order: an order with several
 * destinations keeps one tracking number, and a partial shipment (`items`) cannot be told apart.
 */
export function shipmentWarnings(update: ParsedShipmentUpdate, order: Order<ShopserveOrder> | undefined): string[] {
  const warnings: string[] = [];
  if (order !== undefined && order.deliveries.length > 1) {
    warnings.push(`order ${order.id} has ${order.deliveries.length} destinations but Shopserve keeps one tracking number per order: ${update.trackingNumber} now stands for the whole order`);
  }
  if (update.items !== undefined) {
    warnings.push(`Shopserve records shipments per order, not per item: the order is marked shipped as a whole (items were not sent)`);
  }
  return warnings;
}

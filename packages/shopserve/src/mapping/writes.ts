import {
  carrierCodeOf,
  formatJst,
  InvalidRequestError,
  OrderStateError,
  ResponseFormatError,
  shipDayOf,
  tryParseJst,
  ValidationError,
  type CarrierCode,
  type MallkitError,
  type ParsedShipmentUpdate,
  type PrecheckDecision,
  type ValueMapper,
  type WriteOutcome,
} from '@mallkit/core';
import type { ShopserveOrder } from '../api/order-record.js';
import type { StatusChange } from '../api/status-update.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { carrierNameFor } from './carriers.js';
import { statusAxesOf } from './status.js';

/*
 * Write decisions from an order's raw state, read before writing and read back after: confirming
 * sets 確認ステータス; shipping sets 発送ステータス with 配送会社, お問い合わせ番号 and 発送予定日 in
 * one call (Shopserve refuses a carrier without a tracking number, so they always travel together).
 */

const DAY_MS = 86_400_000;

/** What a write sends, decided before sending, and the notes its result carries once it landed. */
export interface WritePlan {
  /** The fields 注文状態更新 sets. */
  readonly change: StatusChange;
  /** Notes for the result row once the write landed (one tracking number for several destinations…). */
  readonly warnings: readonly string[];
}

/** What the decisions need besides the order. */
export interface WriteRules {
  /** The wire profile: enum spellings and carrier names sent and read back. */
  readonly wire: ShopserveWireProfile;
  /** The connector's carrier mapper: a carrier Shopserve spells its own way still reads back as ours. */
  readonly carriers: ValueMapper<CarrierCode>;
}

function cancelled(order: ShopserveOrder, operation: string): WriteOutcome {
  return {
    kind: 'failed',
    error: new OrderStateError(`shopserve ${operation}: order ${order.serial_code} is cancelled`, {
      mall: 'shopserve',
      operation,
      orderId: order.serial_code,
      mallCode: order.basic.cancelled,
      hint: { ja: 'キャンセル済みの注文は更新できません。', en: 'A cancelled order cannot be changed.' },
    }),
  };
}

/** Before confirming: a cancelled order is refused, a confirmed one is already done, any other is confirmed. */
export function confirmDecision(order: ShopserveOrder, rules: WriteRules): PrecheckDecision<WritePlan> {
  const axes = statusAxesOf(order.basic, rules.wire);
  if (axes.cancelled === true) return cancelled(order, 'confirmOrders');
  if (axes.confirmed === true) return { kind: 'done', alreadyDone: true };
  return { write: { change: { confirmation_status: rules.wire.values.confirmed }, warnings: [] } };
}

/** True when the order reads 確認済. */
export function confirmLanded(order: ShopserveOrder, rules: WriteRules): boolean {
  return statusAxesOf(order.basic, rules.wire).confirmed === true;
}

/** Tracking numbers compared as Shopserve may store them: without hyphens and spaces, in capitals. */
function sameTracking(a: string | null, b: string): boolean {
  const compact = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();
  return a !== null && compact(a) === compact(b);
}

/** True when the order already records this shipment: 発送済, the same tracking number, the same carrier. */
export function shipmentLanded(update: ParsedShipmentUpdate, order: ShopserveOrder, rules: WriteRules): boolean {
  const { basic } = order;
  if (statusAxesOf(basic, rules.wire).shipped !== true || !sameTracking(basic.tracking_number, update.trackingNumber)) return false;
  const sent = carrierNameFor(update, rules.wire);
  const stored = basic.delivery_company?.trim() ?? '';
  const code = carrierCodeOf(update);
  return stored === sent || (code !== 'other' && rules.carriers.map(stored)?.code === code);
}

/** What decides a shipment besides the order. */
export interface ShipmentRulesInForce extends WriteRules {
  /** Now, on the connector's clock (epoch ms). */
  readonly now: number;
  /** Orders older than this many days are refused. */
  readonly maxOrderAgeDays: number;
  /** The update's position in the input, for errors naming `updates[i]`. */
  readonly index: number;
}

/** The change that records a shipment: 発送済, carrier, tracking number and the ship date as 発送予定日. */
function shipmentChange(update: ParsedShipmentUpdate, wire: ShopserveWireProfile): StatusChange {
  return {
    shipping_status: wire.values.shipped,
    delivery_company: carrierNameFor(update, wire),
    tracking_number: update.trackingNumber,
    scheduled_shipping_date: formatJst(Date.parse(`${shipDayOf(update)}T00:00:00+09:00`), wire.dayFormat),
  };
}

function refused(field: string, message: string, hint: { ja: string; en: string }): WriteOutcome {
  return { kind: 'failed', error: new ValidationError([{ field, message }], { mall: 'shopserve', operation: 'exportShipments', hint }) };
}

/**
 * Notes for a shipment Shopserve can record only for the whole order: an order with several
 * destinations keeps one tracking number, and items are not sent (core refuses an update naming
 * items unless the user opted in with `shipItemsAsWholeOrder`).
 */
function shipmentWarnings(update: ParsedShipmentUpdate, order: ShopserveOrder): string[] {
  const destinations = order.detail?.deliveries.length ?? 0;
  return [
    ...(destinations > 1 ? [`order ${order.serial_code} has ${destinations} destinations but Shopserve keeps one tracking number per order: ${update.trackingNumber} now stands for the whole order`] : []),
    ...(update.items !== undefined ? ['Shopserve records shipments per order, not per item: the order is marked shipped as a whole (items were not sent)'] : []),
  ];
}

/**
 * Before shipping: cancelled orders are refused; orders placed more than `maxOrderAgeDays` ago
 * are refused with a ValidationError saying why (nothing is sent for them); a destination the order
 * does not have is refused; a shipment already recorded is done; anything else is written (a
 * different tracking number replaces the one on the order, as integrators overwrite a provisional one).
 */
export function shipDecision(update: ParsedShipmentUpdate, order: ShopserveOrder, rules: ShipmentRulesInForce): PrecheckDecision<WritePlan> {
  if (statusAxesOf(order.basic, rules.wire).cancelled === true) return cancelled(order, 'exportShipments');
  const orderedAt = tryParseJst(order.basic.ordered_at)?.getTime() ?? rules.now;
  if ((rules.now - orderedAt) / DAY_MS > rules.maxOrderAgeDays) {
    return refused(
      `updates[${rules.index}].orderId`,
      `order ${order.serial_code} was placed on ${formatJst(orderedAt, 'date')}, more than ${rules.maxOrderAgeDays} days ago: shipments are written back only for orders placed within that time`,
      {
        ja: `注文日から${rules.maxOrderAgeDays}日を過ぎた注文には発送情報を書き戻しません。受注台帳で直接更新してください。何も送信していません。`,
        en: `Shipments are not written back for orders older than ${rules.maxOrderAgeDays} days; update it in the 受注台帳 directly. Nothing was sent.`,
      },
    );
  }
  const deliveryIds = (order.detail?.deliveries ?? []).map((delivery, index) => delivery.delivery_no ?? String(index + 1));
  if (update.deliveryId !== undefined && !deliveryIds.includes(update.deliveryId)) {
    return refused(`updates[${rules.index}].deliveryId`, `order ${order.serial_code} has no destination ${update.deliveryId} (it has ${deliveryIds.join(', ') || 'none'})`, {
      ja: 'deliveryId は order.deliveries[].deliveryId から指定してください。何も送信していません。',
      en: 'Take deliveryId from order.deliveries[].deliveryId. Nothing was sent.',
    });
  }
  if (shipmentLanded(update, order, rules)) return { kind: 'done', alreadyDone: true };
  return { write: { change: shipmentChange(update, rules.wire), warnings: shipmentWarnings(update, order) } };
}

/** Errors that stand for "written, not yet checked": the read-back decides. */
const unchecked = new WeakSet<MallkitError>();

/**
 * The outcome of a write Shopserve answered with success. While the request is unverified, a
 * success answer proves nothing (a lenient API ignores a misnamed field and answers 200), so the
 * write is left in doubt and the kit reads the order back; `readBack: false` trusts the answer.
 */
export function writeAnswered(plan: WritePlan | undefined, orderId: string, operation: string, readBack: boolean): WriteOutcome {
  if (!readBack) return { kind: 'done', warnings: plan?.warnings ?? [] };
  const error = new ResponseFormatError(`shopserve ${operation}: Shopserve accepted the update of order ${orderId}, but whether it took effect could not be read back`, {
    mall: 'shopserve',
    operation,
    hint: {
      ja: '更新は受け付けられましたが、反映を確認できませんでした。受注台帳で注文を確認してください。',
      en: 'Shopserve accepted the update, but it could not be read back to check it took effect. Check the order in the 受注台帳.',
    },
  });
  unchecked.add(error);
  return { kind: 'doubt', error };
}

/**
 * After a write in doubt (a timeout, or a success answer not yet checked): done when the order
 * reads back with the change. A success answer whose change is not on the order means the request
 * is not Shopserve's: the row fails with a hint to correct `wire`, and the batch stops, since every
 * further order would be the same no-op.
 */
export function writeResolved(landed: boolean, plan: WritePlan | undefined, doubt: MallkitError, orderId: string): WriteOutcome {
  if (landed) return { kind: 'done', warnings: plan?.warnings ?? [] };
  if (!unchecked.has(doubt)) return { kind: 'failed', error: doubt };
  const operation = doubt.operation ?? 'write';
  const error = new InvalidRequestError(
    `shopserve ${operation}: Shopserve answered the status update of order ${orderId} with success, but the order reads back unchanged: the request's path, field names or values are not the ones Shopserve reads`,
    {
      mall: 'shopserve',
      operation,
      hint: {
        ja: '注文状態更新APIは成功を返しましたが、注文は変わっていません。管理画面「サーバー → ショップサーブAPI」の仕様書と照らし合わせ、wire.statusUpdate・wire.fieldNames・wire.values を直してください。残りの注文は送信していません。',
        en: "The status update answered success but the order did not change. Compare the request with the specification in the admin screen (サーバー → ショップサーブAPI) and correct wire.statusUpdate, wire.fieldNames or wire.values. The remaining orders were not sent.",
      },
    },
  );
  return { kind: 'failed', error, stop: true };
}

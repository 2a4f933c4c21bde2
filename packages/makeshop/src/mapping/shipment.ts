import {
  InvalidRequestError,
  OrderStateError,
  shipDayOf,
  type CarrierCode,
  type Delivery,
  type MallkitError,
  type Order,
  type ParsedShipmentUpdate,
  type PrecheckDecision,
  type WriteOutcome,
} from '@mallkit/core';
import type { DeliveryUpdateInput } from '../api/documents.js';
import type { MakeshopWireOrder } from '../api/order-schema.js';
import { carrierCodeFor, MAKESHOP_CARRIER_CODES } from './carrier.js';

/*
 * The write decisions of exportShipments, from the order's state read first: which destination a
 * shipment goes to, whether makeshop already has it, whether the order may be shipped at all.
 * makeshop records one tracking number per destination (legacy `deliver`: one deliverynum per
 * destination; the GraphQL mutation is inferred from it), so a second, different number for a
 * destination would replace the first: refused unless the shop asks for replacing.
 */

/** What the decisions need from the connector options. */
export interface ShipmentPolicy {
  /** The shop's own carrier codes (`carrierCodes` option). */
  readonly carrierCodes: Readonly<Partial<Record<CarrierCode, string>>>;
  /** Whether makeshop mails its 発送メール (`sendShippingMail` option). */
  readonly sendMail: boolean;
  /** Whether a different number may replace one a destination already holds (`replaceTrackingNumbers` option). */
  readonly replaceTrackingNumbers: boolean;
}

/** The ShipmentRules' carrier check: a carrier makeshop has no code for is refused before anything is sent. */
export function carrierProblem(own: ShipmentPolicy['carrierCodes']): (carrier: CarrierCode, update: ParsedShipmentUpdate) => string | null {
  return (_carrier, update) => {
    if (carrierCodeFor(update, own) !== null) return null;
    const known = Object.values(MAKESHOP_CARRIER_CODES).map((entry) => entry.name).join(', ');
    return `makeshop has no carrier code for it (known: ${known}); add one with the carrierCodes option`;
  };
}

/** A tracking number as carriers read it: NFKC, no hyphens or spaces, upper case (`４９１２-３４５６` = `49123456`). */
function compact(trackingNumber: string): string {
  return trackingNumber.normalize('NFKC').replace(/[\s\-‐‑–—－]/g, '').toUpperCase();
}

/** True when two tracking numbers are the same parcel written differently. */
function sameTrackingNumber(a: string, b: string): boolean {
  return compact(a) === compact(b);
}

/** The destination a shipment goes to: the one named, or the order's only one. */
function destinationOf(order: Order<MakeshopWireOrder>, update: ParsedShipmentUpdate): { readonly position: number; readonly delivery: Delivery } | MallkitError {
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

function refuse(order: Order<MakeshopWireOrder>, ja: string, en: string): WriteOutcome {
  return { kind: 'failed', error: new OrderStateError(`makeshop exportShipments: order ${order.id}: ${en}`, { mall: 'makeshop', operation: 'exportShipments', orderId: order.id, hint: { ja, en } }) };
}

/** A refusal that no recorded number changes: the order is cancelled, or a 仮注文. */
function closedOrder(order: Order<MakeshopWireOrder>): WriteOutcome | null {
  if (order.status.code === 'cancelled') return refuse(order, 'キャンセルされた注文は出荷登録できません。', 'the order is cancelled');
  if (!order.flags.provisional) return null;
  return refuse(order, '仮注文です（決済未完了）。決済が完了して通常の注文になってから出荷登録してください。', 'it is a provisional order (仮注文): payment has not completed; ship it once it is a normal order');
}

/** Why the order's status does not allow a new shipment, or null when it does (ready to ship, or shipped and a destination still without a number). */
function notReady(order: Order<MakeshopWireOrder>): WriteOutcome | null {
  const code = order.status.code;
  if (code === 'ready_to_ship' || code === 'shipped') return null;
  if (code === 'awaiting_payment') return refuse(order, 'makeshopでは未入金の前払い注文です。入金を確認し、makeshopの入金状態を更新してから出荷登録してください。', 'makeshop shows a pay-first order not yet paid; record the payment in makeshop first');
  if (code === 'unmapped') {
    return refuse(order, `makeshopの注文の状態が分かりません（${order.status.raw || '未送信'}）。注文の警告を確認してください。`, `makeshop's status of the order is unknown (${order.status.raw || 'not sent'}); see the order's warnings`);
  }
  return refuse(
    order,
    '保留中の注文です（返送、または仮注文・入金状態が不明）。注文の警告を確認してください。入金状態が取れないと分かっていて出荷してよい場合は readyWhenPaymentUnknown を指定してください。',
    'the order is on hold (returned, or its 仮注文 or payment state is unknown); see its warnings, and set readyWhenPaymentUnknown only if you know shipping it is safe',
  );
}

/**
 * Refusal when makeshop's answer carries no tracking number field for the destination (the
 * inferred `slipNumber` is not in makeshop's schema, or a replaced document leaves it out): what
 * makeshop already holds could not be compared, and an unknown outcome never read back.
 */
function noTrackingField(order: Order<MakeshopWireOrder>): WriteOutcome {
  return {
    kind: 'failed',
    error: new InvalidRequestError(`makeshop exportShipments: order ${order.id}: makeshop's answer has no tracking number field (slipNumber), so a shipment cannot be checked or read back`, {
      mall: 'makeshop',
      operation: 'exportShipments',
      field: 'slipNumber',
      hint: {
        ja: 'makeshopの注文に伝票番号の項目（推定名 slipNumber）がないため、二重登録の確認も結果の読み戻しもできません。何も送信していません。documents オプションの getOrder で実際の項目名を slipNumber という別名で指定してください。',
        en: "makeshop's order has no tracking number field (inferred name slipNumber), so duplicates cannot be detected nor outcomes read back. Nothing was sent. Name the real field in the documents option's getOrder, aliased as slipNumber.",
      },
    }),
  };
}

/** The exportShipments decisions of one connector: precheck and read-back, as the kit's batch runner takes them. */
export function shipmentDecisions(policy: ShipmentPolicy) {
  return {
    /** Decides from the order's state: the mutation's input to send, done already, or refused. */
    precheck(update: ParsedShipmentUpdate, order: Order<MakeshopWireOrder>): PrecheckDecision<DeliveryUpdateInput> {
      const closed = closedOrder(order);
      if (closed !== null) return closed;
      const target = destinationOf(order, update);
      if (!('position' in target)) return { kind: 'failed', error: target };
      if (!('slipNumber' in (order.raw.deliveryInfos[target.position] ?? {}))) return noTrackingField(order);
      const recorded = target.delivery.shipments.flatMap((shipment) => (shipment.trackingNumber === null ? [] : [shipment.trackingNumber]));
      if (recorded.some((number) => sameTrackingNumber(number, update.trackingNumber))) return { kind: 'done', alreadyDone: true };
      const held = notReady(order);
      if (held !== null) return held;
      if (recorded.length > 0 && !policy.replaceTrackingNumbers) {
        return refuse(
          order,
          `送付先 ${target.delivery.deliveryId} には伝票番号 ${recorded.join(', ')} が登録済みです。makeshopは送付先ごとに伝票番号を1つ持つため、上書きになります。上書きする場合は replaceTrackingNumbers を指定してください。`,
          `destination ${target.delivery.deliveryId} already holds tracking number ${recorded.join(', ')}; makeshop keeps one per destination, so this would replace it: set replaceTrackingNumbers to do so`,
        );
      }
      const carrierCode = carrierCodeFor(update, policy.carrierCodes);
      if (carrierCode === null) return { kind: 'failed', error: new InvalidRequestError(`makeshop exportShipments: no carrier code for order ${order.id}`, { mall: 'makeshop', operation: 'exportShipments', field: 'carrier' }) };
      return {
        write: {
          displayOrderNumber: order.id,
          deliveryId: target.position + 1,
          destinationCount: order.deliveries.length,
          deliveryStatus: 'Y',
          carrierCode,
          slipNumber: update.trackingNumber,
          shippingDate: shipDayOf(update),
          sendMail: policy.sendMail,
        },
      };
    },
    /** After a write whose outcome is unknown: it landed when the destination read back carries the tracking number. */
    resolve(update: ParsedShipmentUpdate, order: Order<MakeshopWireOrder> | undefined, doubt: MallkitError, plan: DeliveryUpdateInput | undefined): WriteOutcome {
      const delivery = plan === undefined ? undefined : order?.deliveries[plan.deliveryId - 1];
      const landed = delivery?.shipments.some((shipment) => shipment.trackingNumber !== null && sameTrackingNumber(shipment.trackingNumber, update.trackingNumber)) ?? false;
      return landed ? { kind: 'done' } : { kind: 'failed', error: doubt };
    },
  };
}

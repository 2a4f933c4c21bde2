import {
  cleanText,
  mapWithWarning,
  MallUnavailableError,
  toIsoJst,
  tryParseJst,
  type CarrierCode,
  type ConnectorMappers,
  type Delivery,
  type Order,
  type OrderWarning,
  type ValueMapper,
} from '@mallkit/core';
import { takeAnnotations, type OrderAnnotations } from '../api/annotations.js';
import type { MakeshopDeliveryInfo, MakeshopWireOrder } from '../api/order-schema.js';
import { toAmounts } from './amounts.js';
import { toParty } from './party.js';
import { paidAtOf, paidFlag, paymentMethodOf } from './payment.js';
import { deliveryStatusOf, mapStatus, readOrderStatus } from './status.js';
import { missingField, PROVISIONAL_WARNING, stateUnknown, unknownStatusValue, unparsedValue } from './warnings.js';

/** What mapping an order needs besides the order. */
export interface OrderMappingContext {
  readonly shopId: string;
  /** Payment methods, time slots and carrier names, with the shop's overrides. */
  readonly mappers: ConnectorMappers;
  /** Recorded carrier codes (`001`–`031`), with the shop's overrides. */
  readonly carrierCodes: ValueMapper<CarrierCode>;
  /** The `readyWhenPaymentUnknown` option: an N order of unknown 仮注文 or payment state is ready_to_ship instead of on_hold. */
  readonly readyWhenPaymentUnknown?: boolean;
}

/** `YYYY-MM-DD` of a date makeshop wrote (`2026/11/25`, `2026-11-25`, with or without a time); null and a warning when unreadable. */
function dayOf(value: string | null | undefined, field: string, warnings: OrderWarning[]): string | null {
  if (!value?.trim()) return null;
  const date = tryParseJst(value);
  if (date === null) {
    warnings.push(unparsedValue(field, value, 'not a date'));
    return null;
  }
  return toIsoJst(date).slice(0, 10);
}

function toDelivery(wire: MakeshopDeliveryInfo, index: number, context: OrderMappingContext, warnings: OrderWarning[]): Delivery {
  const field = `deliveries[${index}]`;
  const carrier = mapWithWarning(context.carrierCodes, wire.carrierCode, `${field}.shipments[0].carrier`, warnings);
  const tracking = cleanText(wire.slipNumber);
  return {
    // makeshop's destinations have no id in the material found: their 1-based position is the id.
    deliveryId: String(index + 1),
    recipient: toParty(
      {
        name: wire.receiverName,
        kana: wire.receiverKana,
        postalCode: wire.receiverPostalCode,
        prefecture: wire.receiverPrefecture,
        city: wire.receiverCity,
        address: wire.receiverAddress,
        tel: wire.receiverTel,
      },
      `${field}.recipient`,
      warnings,
    ),
    items: wire.basketInfos.map((line, position) => {
      const wholeYen = Number.isInteger(line.price);
      if (!wholeYen) warnings.push(unparsedValue(`${field}.items[${position}].unitPrice`, line.price, 'not a whole amount in yen'));
      return {
        lineId: `${index + 1}-${position + 1}`,
        productId: cleanText(line.productCode) ?? '',
        sku: null,
        name: line.productName,
        quantity: line.amount,
        unitPrice: wholeYen ? line.price : null,
        taxRate: null,
        options: [],
        notes: [],
      };
    }),
    carrier: null,
    shippingMethod: cleanText(wire.deliveryMethodName),
    requestedDate: dayOf(wire.deliveryDate, `${field}.requestedDate`, warnings),
    timeSlot: mapWithWarning(context.mappers.timeSlot, wire.deliveryTime, `${field}.timeSlot`, warnings),
    shipments:
      tracking === null && carrier === null
        ? []
        : [{ carrier, trackingNumber: tracking, shippedOn: dayOf(wire.shippingDate, `${field}.shipments[0].shippedOn`, warnings) }],
  };
}

/**
 * The order's status from its delivery status — as sent, or else the status of the search that
 * found it — its order status and its payment, with a warning for whatever is missing or unknown.
 */
function statusOf(raw: MakeshopWireOrder, annotations: OrderAnnotations, payment: { paid: boolean | null; method: Order['payment']['method'] }, context: OrderMappingContext, warnings: OrderWarning[]) {
  const orderStatus = readOrderStatus(raw.orderStatus);
  if (orderStatus === 'unknown') warnings.push(unknownStatusValue('status', String(raw.orderStatus), { ja: '注文ステータス', en: 'order status' }));
  const sentText = cleanText(raw.deliveryStatus);
  let delivery = deliveryStatusOf(raw);
  let rawStatus = sentText ?? '';
  if (sentText === null && annotations.searchedStatus !== null) {
    // makeshop returned this order to a search for this delivery status: that is its status.
    delivery = annotations.searchedStatus;
    rawStatus = delivery;
    warnings.push({
      code: 'missing_field',
      field: 'status',
      message: {
        ja: `makeshopが注文の配送状態（deliveryStatus）を送りませんでした。状態は、この注文を返した配送状態 ${delivery} の検索から決めています。`,
        en: `makeshop sent no deliveryStatus on the order; its status comes from the search for deliveryStatus ${delivery} that returned it.`,
      },
    });
  }
  const ready = context.readyWhenPaymentUnknown === true;
  const mapped = mapStatus(delivery, rawStatus, { orderStatus, paid: payment.paid, method: payment.method.code === 'unmapped' ? (payment.method.raw === '' ? null : 'unmapped') : payment.method.code, readyWhenUnknown: ready });
  if (mapped.status.code === 'unmapped') {
    warnings.push(
      rawStatus === ''
        ? missingField('status', { ja: '配送状態（deliveryStatus）', en: 'delivery status (deliveryStatus)' })
        : unknownStatusValue('status', rawStatus, { ja: '配送状態', en: 'delivery status' }),
    );
  }
  if (mapped.unknown !== null) warnings.push(stateUnknown(mapped.unknown, ready));
  return { status: mapped.status, provisional: orderStatus === 'provisional' };
}

/**
 * A makeshop order in the normalized model. The order date (`YYYY-MM-DD HH:MM:SS`, JST) must be
 * readable (else the order is reported unreadable), and so must every field makeshop resolved
 * (an order makeshop reported field errors for is unreadable); everything makeshop may not send
 * becomes null with a warning. A 仮注文 is flagged provisional, waits for payment, and carries a
 * warning not to ship it. `order.raw` is the order exactly as makeshop sent it.
 */
export function toOrder(annotated: MakeshopWireOrder, context: OrderMappingContext, notes: readonly OrderWarning[]): Order<MakeshopWireOrder> {
  const { wire: raw, annotations } = takeAnnotations(annotated);
  if (annotations.fieldErrors.length > 0) {
    throw new MallUnavailableError(`makeshop could not resolve fields of this order: ${annotations.fieldErrors.join(' / ')}`, { mall: 'makeshop', operation: 'searchOrder' });
  }
  const warnings: OrderWarning[] = [...notes];
  const method = paymentMethodOf(raw, context.mappers, warnings);
  const buyer = toParty(
    {
      name: raw.senderName,
      kana: raw.senderKana,
      postalCode: raw.senderPostalCode,
      prefecture: raw.senderPrefecture,
      city: raw.senderCity,
      address: raw.senderAddress,
      tel: raw.senderTel,
      email: raw.senderEmail,
    },
    'buyer',
    warnings,
  );
  const deliveries = raw.deliveryInfos.map((delivery, index) => toDelivery(delivery, index, context, warnings));
  const { status, provisional } = statusOf(raw, annotations, { paid: paidFlag(raw.paymentStatus), method }, context, warnings);
  if (provisional) warnings.push(PROVISIONAL_WARNING);
  return {
    mall: 'makeshop',
    shopId: context.shopId,
    id: raw.displayOrderNumber,
    displayNumber: raw.displayOrderNumber,
    status,
    orderedAt: toIsoJst(raw.orderDate),
    updatedAt: null,
    confirmedAt: null,
    buyer,
    deliveries,
    amounts: toAmounts(raw, warnings),
    payment: { method, paidAt: paidAtOf(raw, warnings) },
    flags: {
      fraudReview: false,
      suspect: false,
      provisional,
      buyerMayCancel: false,
      gift: false,
      multipleDestinations: deliveries.length > 1,
      preorder: false,
      deliveryPromise: false,
      business: false,
    },
    notes: { buyerComment: null, shopMemo: null },
    warnings,
    raw,
  };
}

import { toIsoJst, tryParseJst, type CarrierCode, type ConnectorMappers, type Delivery, type Order, type OrderWarning, type ValueMapper } from '@mallkit/core';
import type { MakeshopDeliveryInfo, MakeshopWireOrder } from '../api/order-schema.js';
import { toAmounts } from './amounts.js';
import { recordedCarrier } from './carrier.js';
import { toParty } from './party.js';
import { paidAtOf, paidFlag, paymentMethodOf } from './payment.js';
import { isProvisional, mapStatus } from './status.js';
import { missingField, PROVISIONAL_WARNING, unmappedValue, unparsedValue } from './warnings.js';

/** What mapping an order needs besides the order. */
export interface OrderMappingContext {
  readonly shopId: string;
  /** Payment methods, time slots and carrier names, with the shop's overrides. */
  readonly mappers: ConnectorMappers;
  /** Recorded carrier codes (`001`–`031`), with the shop's overrides. */
  readonly carrierCodes: ValueMapper<CarrierCode>;
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
  const timeSlot = context.mappers.timeSlot.map(wire.deliveryTime);
  if (timeSlot?.code === 'unmapped') warnings.push(unmappedValue(`${field}.timeSlot`, timeSlot.raw, 'timeSlot'));
  const carrier = recordedCarrier(wire.carrierCode, context.carrierCodes);
  if (carrier?.code === 'unmapped') warnings.push(unmappedValue(`${field}.shipments[0].carrier`, carrier.raw, 'makeshop carrier code'));
  const tracking = wire.slipNumber?.trim() || null;
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
    items: wire.basketInfos.map((line, position) => ({
      lineId: `${index + 1}-${position + 1}`,
      productId: line.productCode?.trim() ?? '',
      sku: null,
      name: line.productName,
      quantity: line.amount,
      unitPrice: line.price,
      taxRate: null,
      options: [],
      notes: [],
    })),
    carrier: null,
    shippingMethod: wire.deliveryMethodName?.trim() || null,
    requestedDate: dayOf(wire.deliveryDate, `${field}.requestedDate`, warnings),
    timeSlot,
    shipments:
      tracking === null && carrier === null
        ? []
        : [{ carrier, trackingNumber: tracking, shippedOn: dayOf(wire.shippingDate, `${field}.shipments[0].shippedOn`, warnings) }],
  };
}

/**
 * A makeshop order in the normalized model. The order date (`YYYY-MM-DD HH:MM:SS`, JST) must be
 * readable (else the order is reported unreadable); everything makeshop may not send becomes null
 * with a warning. A 仮注文 is flagged provisional, waits for payment, and carries a warning not to
 * ship it.
 */
export function toOrder(raw: MakeshopWireOrder, context: OrderMappingContext, notes: readonly OrderWarning[]): Order<MakeshopWireOrder> {
  const warnings: OrderWarning[] = [...notes];
  const provisional = isProvisional(raw.orderStatus);
  if (provisional) warnings.push(PROVISIONAL_WARNING);
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
  const status = mapStatus(raw, { paid: paidFlag(raw.paymentStatus), method: method.code });
  if (status.code === 'unmapped') {
    warnings.push(status.raw === '' ? missingField('status', { ja: '配送状態', en: 'delivery status' }) : unmappedValue('status', status.raw, 'deliveryStatus'));
  }
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

import { cleanText, formatJst, mapWithWarning, toIsoJst, tryParseJst, type CarrierCode, type Delivery, type Order, type OrderWarning, type TimeSlotCode, type ValueMapper } from '@mallkit/core';
import type { AupayOrderInfo } from '../api/order-info.js';
import { toAmounts } from './amounts.js';
import { isGiftLine, toItems } from './items.js';
import { toParty, type RawParty } from './party.js';
import type { PaymentMethodTable } from './payment.js';
import { isFraudReview, isPreorderStatus, type StatusTable } from './status.js';
import { textOf } from './text.js';

/** What normalizing an order needs: the shop and the connector's tables. */
export interface OrderMappingContext {
  /** The connector's shopId, written into every order. */
  readonly shopId: string;
  /** au PAY's statuses and the shop's own. */
  readonly statuses: StatusTable;
  /** settlementName → payment method. */
  readonly paymentMethods: PaymentMethodTable;
  /** au PAY carrier code → carrier. */
  readonly carriers: ValueMapper<CarrierCode>;
  /** deliveryRequestTime → time slot. */
  readonly timeSlots: ValueMapper<TimeSlotCode>;
}

/**
 * A date field read as JST, or null; a value that is there but is not a date gets an
 * `unparsed_value` warning (the raw text stays in `order.raw`).
 */
function dateOf(value: string | null | undefined, field: string, what: { ja: string; en: string }, warnings: OrderWarning[]): Date | null {
  const text = cleanText(value);
  if (text === null) return null;
  const date = tryParseJst(text);
  if (date === null) {
    warnings.push({
      code: 'unparsed_value',
      field,
      message: { ja: `${what.ja}「${text}」を日付として読めませんでした。`, en: `The ${what.en} "${text}" is not a date.` },
      raw: text,
    });
  }
  return date;
}

/**
 * The warning of a status no table knows: a shop status (貴店舗カスタムステータス). Core's
 * mapWithWarning would point at `mappers`; statuses are mapped with `customStatuses`.
 */
function unmappedStatus(raw: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field: 'status',
    message: {
      ja: `受注ステータス「${raw}」は変換表にありません（店舗独自のステータス）。コネクターの customStatuses で意味を設定してください。`,
      en: `The order status "${raw}" is not in the table (a shop-defined status); say what it means with the connector's customStatuses.`,
    },
    raw,
  };
}

function buyerOf(order: AupayOrderInfo): RawParty {
  return {
    name: order.ordererName,
    kana: order.ordererKana,
    zipCode: order.ordererZipCode,
    address: order.ordererAddress,
    phone1: order.ordererPhoneNumber1,
    phone2: order.ordererPhoneNumber2,
    email: order.mailAddress,
  };
}

/** The recipient: the sender* fields (お届け先, despite the name); the buyer when au PAY left them empty. */
function recipientOf(order: AupayOrderInfo, warnings: OrderWarning[]): RawParty {
  if (order.senderName?.trim() || order.senderAddress?.trim()) {
    return {
      name: order.senderName,
      kana: order.senderKana,
      zipCode: order.senderZipCode,
      address: order.senderAddress,
      phone1: order.senderPhoneNumber1,
      phone2: order.senderPhoneNumber2,
      email: undefined,
    };
  }
  warnings.push({
    code: 'missing_field',
    field: 'deliveries[0].recipient',
    message: { ja: 'お届け先が空のため、注文者をお届け先としました。', en: 'The recipient fields are empty; the buyer is used as the recipient.' },
  });
  return { ...buyerOf(order), email: undefined };
}

/** The one destination of an au PAY order (au PAY has one per order; its id is the order id). */
function deliveryOf(order: AupayOrderInfo, context: OrderMappingContext, warnings: OrderWarning[]): Delivery {
  const carrier = mapWithWarning(context.carriers, order.shippingCarrier, 'deliveries[0].carrier', warnings);
  const timeSlot = mapWithWarning(context.timeSlots, order.deliveryRequestTime, 'deliveries[0].timeSlot', warnings);
  const requested = dateOf(order.deliveryRequestDay, 'deliveries[0].requestedDate', { ja: 'お届け希望日', en: 'requested delivery date' }, warnings);
  if (order.detail.length === 0) {
    warnings.push({ code: 'missing_field', field: 'deliveries[0].items', message: { ja: '注文に明細がありません。', en: 'The order has no lines.' } });
  }
  const trackingNumber = cleanText(order.shippingNumber);
  const shipped = dateOf(cleanText(order.shipDate) ?? order.shippingDate, 'deliveries[0].shipments[0].shippedOn', { ja: '発送日', en: 'ship date' }, warnings);
  return {
    deliveryId: order.orderId,
    recipient: toParty(recipientOf(order, warnings)),
    items: toItems(order.detail, warnings),
    carrier,
    shippingMethod: cleanText(order.deliveryName),
    requestedDate: requested === null ? null : formatJst(requested, 'date'),
    timeSlot,
    shipments: trackingNumber === null ? [] : [{ carrier, trackingNumber, shippedOn: shipped === null ? null : formatJst(shipped, 'date') }],
  };
}

/**
 * One au PAY order in the normalized model. orderDate is JST; au PAY has no update timestamp
 * (`updatedAt` is null). Every mapped value keeps its raw text; statuses, methods, carriers and
 * time slots no table knows come out `unmapped` with a warning. `order.raw` is the order as sent.
 */
export function toOrder(order: AupayOrderInfo, context: OrderMappingContext, notes: readonly OrderWarning[]): Order<AupayOrderInfo> {
  const warnings: OrderWarning[] = [...notes];
  const status = context.statuses.toStatus(order.orderStatus);
  if (status.code === 'unmapped') warnings.push(unmappedStatus(status.raw));
  const method = mapWithWarning(context.paymentMethods, order.settlementName, 'payment.method', warnings, { required: true });
  const delivery = deliveryOf(order, context, warnings);
  const paidAt = dateOf(order.paymentDate, 'payment.paidAt', { ja: '入金日', en: 'payment date' }, warnings);
  return {
    mall: 'aupay',
    shopId: context.shopId,
    id: order.orderId,
    displayNumber: order.orderId,
    status,
    orderedAt: toIsoJst(order.orderDate.trim()),
    updatedAt: null,
    confirmedAt: null,
    buyer: toParty(buyerOf(order)),
    deliveries: [delivery],
    amounts: toAmounts(order, warnings),
    payment: { method: method ?? { code: 'unmapped', raw: '' }, paidAt: paidAt === null ? null : toIsoJst(paidAt) },
    flags: {
      fraudReview: isFraudReview(order.orderStatus),
      suspect: false,
      provisional: false,
      buyerMayCancel: false,
      gift: order.detail.some(isGiftLine),
      multipleDestinations: false,
      preorder: isPreorderStatus(order.orderStatus) || (order.sellMethodSegment !== undefined && order.sellMethodSegment.trim() !== '' && order.sellMethodSegment.trim() !== '1'),
      deliveryPromise: false,
      business: false,
    },
    notes: { buyerComment: textOf(order.userComment), shopMemo: textOf(order.memo) },
    warnings,
    raw: order,
  };
}

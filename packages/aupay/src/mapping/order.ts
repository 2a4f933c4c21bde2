import { toIsoJst, tryParseJst, type CarrierCode, type Delivery, type Mapped, type Order, type OrderWarning, type TimeSlotCode, type ValueMapper } from '@mallkit/core';
import type { AupayOrderInfo } from '../api/order-info.js';
import { toAmounts } from './amounts.js';
import { calendarDayOf } from './dates.js';
import { isGiftLine, toItem } from './items.js';
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

function unmapped(field: string, what: { ja: string; en: string }, raw: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field,
    message: {
      ja: `${what.ja}「${raw}」は変換表にありません。コネクターの変換設定（mappers / customStatuses）に追加してください。`,
      en: `The ${what.en} "${raw}" is not in the mapping table; add it to the connector's overrides (mappers / customStatuses).`,
    },
    raw,
  };
}

function noteUnmapped<Code extends string>(value: Mapped<Code> | null, field: string, what: { ja: string; en: string }, warnings: OrderWarning[]): void {
  if (value !== null && value.code === 'unmapped') warnings.push(unmapped(field, what, value.raw));
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
  const carrier = context.carriers.map(order.shippingCarrier);
  noteUnmapped(carrier, 'deliveries[0].carrier', { ja: '配送会社コード', en: 'carrier code' }, warnings);
  const timeSlot = context.timeSlots.map(order.deliveryRequestTime);
  noteUnmapped(timeSlot, 'deliveries[0].timeSlot', { ja: 'お届け時間帯', en: 'delivery time slot' }, warnings);
  const requested = order.deliveryRequestDay?.trim() ?? '';
  const requestedDate = calendarDayOf(requested);
  if (requested !== '' && requestedDate === null) {
    warnings.push({
      code: 'unparsed_value',
      field: 'deliveries[0].requestedDate',
      message: { ja: `お届け希望日「${requested}」を日付として読めませんでした。`, en: `The requested delivery date "${requested}" is not a date.` },
      raw: requested,
    });
  }
  if (order.detail.length === 0) {
    warnings.push({ code: 'missing_field', field: 'deliveries[0].items', message: { ja: '注文に明細がありません。', en: 'The order has no lines.' } });
  }
  const trackingNumber = order.shippingNumber?.trim() ?? '';
  return {
    deliveryId: order.orderId,
    recipient: toParty(recipientOf(order, warnings)),
    items: order.detail.map((detail, index) => toItem(detail, index, warnings)),
    carrier,
    shippingMethod: order.deliveryName?.trim() || null,
    requestedDate,
    timeSlot,
    shipments: trackingNumber === '' ? [] : [{ carrier, trackingNumber, shippedOn: calendarDayOf(order.shipDate ?? order.shippingDate) }],
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
  noteUnmapped(status, 'status', { ja: '受注ステータス', en: 'order status' }, warnings);
  const method = context.paymentMethods.map(order.settlementName);
  noteUnmapped(method, 'payment.method', { ja: '決済方法', en: 'payment method' }, warnings);
  if (method === null) {
    warnings.push({ code: 'missing_field', field: 'payment.method', message: { ja: '決済方法（settlementName）が空です。', en: 'The payment method (settlementName) is empty.' } });
  }
  const delivery = deliveryOf(order, context, warnings);
  const paidAt = tryParseJst(order.paymentDate);
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

import {
  formatJst,
  toIsoJst,
  tryParseJst,
  type CarrierCode,
  type Delivery,
  type Mapped,
  type Order,
  type OrderAmounts,
  type OrderItem,
  type OrderWarning,
  type PaymentMethodCode,
  type RecordedShipment,
  type TimeSlotCode,
  type ValueMapper,
} from '@mallkit/core';
import type { AmazonOrder2026, AmazonOrderItem2026 } from '../api/orders-2026.js';
import type { AmazonOrderV0Bundle } from '../api/orders-v0.js';
import { parseYen, sumYen } from './money.js';
import { buyerParty, recipientParty } from './party.js';
import { pickPaymentRaw } from './payment.js';
import { adaptV0Bundle } from './v0-adapter.js';
import { mapStatus } from './status.js';

/** `order.raw`: the v2026 order as sent, or what the v0 path read (order, items, address, buyer). */
export type AmazonRawOrder = AmazonOrder2026 | AmazonOrderV0Bundle;

/** A normalized Amazon order: `order.raw` is the {@link AmazonRawOrder} it was read from. */
export type AmazonOrder = Order<AmazonRawOrder>;

/** The mappers an order is normalized with (built-in tables + the shop's overrides). */
export interface OrderMappers {
  readonly paymentMethod: ValueMapper<PaymentMethodCode>;
  readonly carrier: ValueMapper<CarrierCode>;
  readonly timeSlot: { map(raw: string | null | undefined): Mapped<TimeSlotCode> | null };
}

/** What the mapper needs besides the order. */
export interface MapOrderContext {
  readonly shopId: string;
  readonly mappers: OrderMappers;
  /** The status string as the API sent it (v0 keeps its own spelling). */
  readonly rawStatus?: string;
  readonly raw: AmazonRawOrder;
}

/** An optional time of the order in JST, milliseconds kept; null when absent or unreadable. */
function iso(value: string | undefined): string | null {
  const date = tryParseJst(value);
  return date ? toIsoJst(date) : null;
}

function hour(date: Date): string {
  return formatJst(date, 'iso').slice(11, 16);
}

/** The buyer's お届け日時指定: Amazon sends it as a window on the item; read as JST date + `HH:mm-HH:mm`. */
function scheduledDelivery(items: readonly AmazonOrderItem2026[]): { date: string | null; slotRaw: string | null } {
  for (const item of items) {
    const window = item.fulfillment?.shipping?.scheduledDeliveryWindow;
    const start = tryParseJst(window?.earliestDateTime);
    const end = tryParseJst(window?.latestDateTime);
    if (!start) continue;
    // A window spanning the whole day names a date, not a time slot.
    const wholeDay = hour(start) === '00:00' && (!end || end.getTime() - start.getTime() >= 86_399_000);
    return { date: formatJst(start, 'date'), slotRaw: end && !wholeDay ? `${hour(start)}-${hour(end)}` : null };
  }
  return { date: null, slotRaw: null };
}

type Breakdowns = ReadonlyArray<{ type: string; subtotal: { amount: string; currencyCode: string } }>;

class AmountReader {
  readonly warnings: OrderWarning[] = [];

  yen(money: { amount: string; currencyCode: string } | undefined, field: string): number | null {
    if (!money) return null;
    const value = parseYen(money.amount, money.currencyCode);
    if (value === null) {
      this.warnings.push({
        code: 'unparsed_value',
        field,
        raw: `${money.amount} ${money.currencyCode}`,
        message: {
          ja: `金額 ${money.amount} ${money.currencyCode} を整数の円として読めませんでした。`,
          en: `The amount ${money.amount} ${money.currencyCode} is not a whole number of yen.`,
        },
      });
    }
    return value;
  }

  byType(breakdowns: Breakdowns | undefined, type: string, field: string): number | null {
    return sumYen((breakdowns ?? []).filter((b) => b.type === type).map((b) => this.yen(b.subtotal, field)));
  }
}

function mapItem(item: AmazonOrderItem2026, reader: AmountReader, index: number): OrderItem {
  const gift = item.fulfillment?.packing?.giftOption;
  const notes = [
    gift?.giftWrapLevel ? `ギフト包装: ${gift.giftWrapLevel}` : null,
    gift?.giftMessage ? `ギフトメッセージ: ${gift.giftMessage}` : null,
  ].filter((note): note is string => note !== null);
  return {
    lineId: item.orderItemId,
    productId: item.product.asin ?? item.product.sellerSku ?? item.orderItemId,
    sku: item.product.sellerSku ?? null,
    name: item.product.title ?? '',
    quantity: item.quantityOrdered,
    unitPrice: reader.yen(item.product.price?.unitPrice, `deliveries[0].items[${index}].unitPrice`),
    taxRate: null,
    options: [],
    notes,
  };
}

function itemGoods(item: AmazonOrderItem2026, reader: AmountReader): number | null {
  const fromProceeds = reader.byType(item.proceeds?.breakdowns, 'ITEM', 'amounts.goods');
  if (fromProceeds !== null) return fromProceeds;
  const unit = reader.yen(item.product.price?.unitPrice, 'amounts.goods');
  return unit === null ? null : unit * item.quantityOrdered;
}

/** Order-level breakdowns when Amazon sends them, else the items' ones added up. */
function orderBreakdown(order: AmazonOrder2026, reader: AmountReader, type: string, field: string): number | null {
  const own = reader.byType(order.proceeds?.breakdowns, type, field);
  if (own !== null) return own;
  return sumYen(order.orderItems.map((item) => reader.byType(item.proceeds?.breakdowns, type, field)));
}

function mapAmounts(order: AmazonOrder2026, reader: AmountReader): OrderAmounts {
  const goods = sumYen(order.orderItems.map((item) => itemGoods(item, reader)));
  const discount = orderBreakdown(order, reader, 'DISCOUNT', 'amounts.discounts');
  const total = reader.yen(order.proceeds?.grandTotal, 'amounts.total');
  return {
    goods,
    shipping: orderBreakdown(order, reader, 'SHIPPING', 'amounts.shipping'),
    fees: sumYen([orderBreakdown(order, reader, 'COD_FEE', 'amounts.fees'), orderBreakdown(order, reader, 'GIFT_WRAP', 'amounts.fees')]),
    // Amazon writes discounts as negative proceeds; the model wants a positive number.
    discounts: discount === null ? null : Math.abs(discount),
    // Amazon does not say how much of the bill the buyer paid with points or coupons.
    points: null,
    coupons: null,
    tax: orderBreakdown(order, reader, 'TAX', 'amounts.tax'),
    total,
    billed: total,
  };
}

function mapShipments(order: AmazonOrder2026, carrier: ValueMapper<CarrierCode>): RecordedShipment[] {
  return (order.packages ?? []).map((pkg) => {
    const shipped = tryParseJst(pkg.shipTime);
    return {
      carrier: carrier.map(pkg.carrier),
      trackingNumber: pkg.trackingNumber ?? null,
      shippedOn: shipped ? formatJst(shipped, 'date') : null,
    };
  });
}

function unmappedWarning(field: string, raw: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field,
    raw,
    message: {
      ja: `「${raw}」を対応付けできませんでした。変換設定（mappers）を追加してください。`,
      en: `"${raw}" is not mapped; add it to the connector's mappers.`,
    },
  };
}

function missingPaymentWarning(): OrderWarning {
  return {
    code: 'missing_field',
    field: 'payment.method',
    raw: null,
    message: {
      ja: 'Amazonの応答に支払い方法がありません（includedData に PAYMENT がない、または未確定）。',
      en: 'Amazon sent no payment method (includedData lacks PAYMENT, or it is not known yet).',
    },
  };
}

/** Normalizes a v2026-shaped order (the v0 path adapts its answers to this shape first). */
export function mapOrder(order: AmazonOrder2026, ctx: MapOrderContext): AmazonOrder {
  const reader = new AmountReader();
  const fulfillmentStatus = order.fulfillment?.fulfillmentStatus ?? 'UNKNOWN';
  const cancelRequested = order.orderItems.some((item) => item.cancellation?.cancellationRequest?.requester === 'BUYER');
  const status = mapStatus(ctx.rawStatus ?? fulfillmentStatus, fulfillmentStatus, cancelRequested);
  const programs = new Set(order.programs ?? []);
  const items = order.orderItems.map((item, index) => mapItem(item, reader, index));
  const amounts = mapAmounts(order, reader);
  const paymentRaw = pickPaymentRaw(undefined, (order.payment?.paymentExecutions ?? []).map((p) => p.paymentMethod ?? '').filter(Boolean));
  // No payment data (PAYMENT not asked for, or not yet known): say so, never a guessed method.
  const method = ctx.mappers.paymentMethod.map(paymentRaw) ?? { code: 'unmapped' as const, raw: '' };
  const scheduled = scheduledDelivery(order.orderItems);
  const timeSlot = ctx.mappers.timeSlot.map(scheduled.slotRaw);

  const warnings: OrderWarning[] = [...reader.warnings];
  if (status.code === 'unmapped') warnings.push(unmappedWarning('status', status.raw));
  if (paymentRaw === null) warnings.push(missingPaymentWarning());
  else if (method.code === 'unmapped') warnings.push(unmappedWarning('payment.method', method.raw));
  if (timeSlot?.code === 'unmapped') warnings.push(unmappedWarning('deliveries[0].timeSlot', timeSlot.raw));
  if (!order.recipient?.deliveryAddress && fulfillmentStatus !== 'PENDING' && fulfillmentStatus !== 'CANCELLED') {
    warnings.push({
      code: 'missing_field',
      field: 'deliveries[0].recipient',
      message: {
        ja: '配送先がありません。アプリに配送先情報のロール（Direct-to-Consumer Delivery (Restricted)）があるか確認してください。',
        en: 'No recipient: check that the app has the role for recipient data (Direct-to-Consumer Delivery (Restricted)).',
      },
    });
  }

  const delivery: Delivery = {
    deliveryId: order.orderId,
    recipient: recipientParty(order.recipient?.deliveryAddress),
    items,
    carrier: null,
    shippingMethod: order.fulfillment?.fulfillmentServiceLevel ?? null,
    requestedDate: scheduled.date,
    timeSlot,
    shipments: mapShipments(order, ctx.mappers.carrier),
  };

  return {
    mall: 'amazon',
    shopId: ctx.shopId,
    id: order.orderId,
    displayNumber: order.orderId,
    status,
    // An unreadable purchase time throws (RangeError): the reader reports this order alone as unreadable.
    orderedAt: toIsoJst(order.createdTime),
    updatedAt: iso(order.lastUpdatedTime),
    confirmedAt: null,
    buyer: buyerParty(order.buyer),
    deliveries: [delivery],
    amounts,
    payment: { method, paidAt: null },
    flags: {
      fraudReview: false,
      suspect: false,
      // Pending: placed but payment not yet authorized; Amazon releases the address only after.
      provisional: fulfillmentStatus === 'PENDING',
      buyerMayCancel: false,
      gift: order.orderItems.some((item) => item.fulfillment?.packing?.giftOption !== undefined),
      multipleDestinations: false,
      preorder: programs.has('PREORDER') || fulfillmentStatus === 'PENDING_AVAILABILITY',
      deliveryPromise: programs.has('PRIME') || programs.has('PREMIUM'),
      business: programs.has('AMAZON_BUSINESS'),
    },
    notes: { buyerComment: order.recipient?.deliveryPreference?.addressInstruction ?? null, shopMemo: null },
    warnings,
    raw: ctx.raw,
  };
}

/**
 * Normalizes what either read path returned: a v2026 order as it is, a v0 bundle through the v0
 * adapter (its raw status kept in v0 spelling). `notes` are the tolerant reader's warnings.
 */
export function normalizeAmazonOrder(raw: AmazonRawOrder, notes: readonly OrderWarning[], ctx: Omit<MapOrderContext, 'raw' | 'rawStatus'>): AmazonOrder {
  const order = 'orderId' in raw ? mapOrder(raw, { ...ctx, raw }) : mapOrder(adaptV0Bundle(raw), { ...ctx, rawStatus: raw.order.OrderStatus, raw });
  return notes.length === 0 ? order : { ...order, warnings: [...notes, ...order.warnings] };
}

/** Amazon's ship-by and deliver-by promises of an order, in JST, from its raw form. */
export interface AmazonWindows {
  /** When Amazon expects the order to ship (出荷期限), earliest and latest; null when not sent. */
  readonly shipBy: { readonly earliest: string | null; readonly latest: string | null } | null;
  /** When Amazon promised the buyer delivery (お届け予定日), earliest and latest; null when not sent. */
  readonly deliverBy: { readonly earliest: string | null; readonly latest: string | null } | null;
}

/** Reads the shipBy/deliverBy windows (v2026 `fulfillment.*Window`, v0 Earliest/Latest*Date). */
export function amazonWindows(order: AmazonOrder): AmazonWindows {
  const raw = order.raw;
  if ('orderId' in raw) {
    const window = (w: { earliestDateTime?: string | undefined; latestDateTime?: string | undefined } | undefined) =>
      w ? { earliest: iso(w.earliestDateTime), latest: iso(w.latestDateTime) } : null;
    return { shipBy: window(raw.fulfillment?.shipByWindow), deliverBy: window(raw.fulfillment?.deliverByWindow) };
  }
  const o = raw.order;
  return {
    shipBy: o.EarliestShipDate || o.LatestShipDate ? { earliest: iso(o.EarliestShipDate), latest: iso(o.LatestShipDate) } : null,
    deliverBy: o.EarliestDeliveryDate || o.LatestDeliveryDate ? { earliest: iso(o.EarliestDeliveryDate), latest: iso(o.LatestDeliveryDate) } : null,
  };
}

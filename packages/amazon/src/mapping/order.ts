import {
  formatJst,
  mapWithWarning,
  toIsoJst,
  tryParseJst,
  type CarrierCode,
  type Delivery,
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
  readonly timeSlot: ValueMapper<TimeSlotCode>;
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

/** An item's goods: its ITEM proceeds, else unit price × quantity; null (and a warning) when Amazon sent neither. */
function itemGoods(item: AmazonOrderItem2026, index: number, reader: AmountReader): number | null {
  const fromProceeds = reader.byType(item.proceeds?.breakdowns, 'ITEM', 'amounts.goods');
  if (fromProceeds !== null) return fromProceeds;
  const unitPrice = item.product.price?.unitPrice;
  if (unitPrice === undefined) {
    reader.warnings.push({
      code: 'missing_field',
      field: 'amounts.goods',
      raw: null,
      message: {
        ja: `商品 ${item.orderItemId}（${index + 1}行目）に価格がありません（includedData に PROCEEDS がない可能性）。商品合計は不明です。`,
        en: `Item ${item.orderItemId} (line ${index + 1}) has no price (includedData may lack PROCEEDS); the goods total is unknown.`,
      },
    });
    return null;
  }
  const unit = reader.yen(unitPrice, 'amounts.goods');
  return unit === null ? null : unit * item.quantityOrdered;
}

/** The sum of every item's goods, or null when one of them is unknown (a partial sum would look like a real total). */
function mapGoods(order: AmazonOrder2026, reader: AmountReader): number | null {
  const parts = order.orderItems.map((item, index) => itemGoods(item, index, reader));
  return parts.length === 0 || parts.includes(null) ? null : parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

/** Order-level breakdowns when Amazon sends them, else the items' ones added up. */
function orderBreakdown(order: AmazonOrder2026, reader: AmountReader, type: string, field: string): number | null {
  const own = reader.byType(order.proceeds?.breakdowns, type, field);
  if (own !== null) return own;
  return sumYen(order.orderItems.map((item) => reader.byType(item.proceeds?.breakdowns, type, field)));
}

/**
 * Proceeds categories that are neither goods, shipping, tax nor discount (orders_2026-01-01.json
 * OrderProceedsBreakdown.type): they go to `fees`, so that the parts add up to the total.
 * DELIVERY_TIP is order-level only; OTHER is Amazon's catch-all.
 */
const FEE_TYPES = ['COD_FEE', 'GIFT_WRAP', 'DELIVERY_TIP', 'OTHER'] as const;

function mapAmounts(order: AmazonOrder2026, reader: AmountReader): OrderAmounts {
  const discount = orderBreakdown(order, reader, 'DISCOUNT', 'amounts.discounts');
  const total = reader.yen(order.proceeds?.grandTotal, 'amounts.total');
  return {
    goods: mapGoods(order, reader),
    shipping: orderBreakdown(order, reader, 'SHIPPING', 'amounts.shipping'),
    fees: sumYen(FEE_TYPES.map((type) => orderBreakdown(order, reader, type, 'amounts.fees'))),
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

/**
 * Whether the parts add up to the total: goods + shipping + fees − discounts, with the TAX
 * breakdown on top or already inside (JP prices include consumption tax; whether Amazon's TAX
 * proceeds are added or included is not documented, so both are accepted). Absent categories
 * count as none; an unknown goods or total skips the check.
 */
function amountsWarning(amounts: OrderAmounts): OrderWarning | null {
  if (amounts.goods === null || amounts.total === null) return null;
  const base = amounts.goods + (amounts.shipping ?? 0) + (amounts.fees ?? 0) - (amounts.discounts ?? 0);
  if (amounts.total === base || amounts.total === base + (amounts.tax ?? 0)) return null;
  const parts = `goods ${amounts.goods} + shipping ${amounts.shipping ?? 0} + fees ${amounts.fees ?? 0} − discounts ${amounts.discounts ?? 0} (tax ${amounts.tax ?? 0})`;
  return {
    code: 'inconsistent_amounts',
    field: 'amounts.total',
    raw: `${parts} ≠ total ${amounts.total}`,
    message: {
      ja: `金額の内訳（${parts}）が合計 ${amounts.total} 円と一致しません。セラーセントラルで注文の金額を確認してください。`,
      en: `The amounts (${parts}) do not add up to the total of ${amounts.total} yen; check the order in Seller Central.`,
    },
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

function statusWarning(raw: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field: 'status',
    raw,
    message: {
      ja: `ステータス「${raw}」を対応付けできませんでした。mallkit の不具合として報告してください。`,
      en: `The status "${raw}" is not mapped; report it as a mallkit issue.`,
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
  const amountsProblem = amountsWarning(amounts);
  const warnings: OrderWarning[] = [...reader.warnings, ...(amountsProblem ? [amountsProblem] : [])];
  const paymentRaw = pickPaymentRaw(undefined, (order.payment?.paymentExecutions ?? []).map((p) => p.paymentMethod ?? '').filter(Boolean));
  // No payment data (PAYMENT not asked for, or not yet known): say so, never a guessed method.
  const method = mapWithWarning(ctx.mappers.paymentMethod, paymentRaw, 'payment.method', warnings) ?? { code: 'unmapped' as const, raw: '' };
  if (paymentRaw === null) warnings.push(missingPaymentWarning());
  const scheduled = scheduledDelivery(order.orderItems);
  const timeSlot = mapWithWarning(ctx.mappers.timeSlot, scheduled.slotRaw, 'deliveries[0].timeSlot', warnings);
  if (status.code === 'unmapped') warnings.push(statusWarning(status.raw));
  if (order.orderItems.length === 0) {
    warnings.push({
      code: 'missing_field',
      field: 'deliveries[0].items',
      raw: null,
      message: { ja: 'Amazonの応答に注文商品がありません。セラーセントラルで注文を確認してください。', en: 'Amazon sent no items for this order; check it in Seller Central.' },
    });
  }
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

import { cleanText, mapWithWarning, toIsoJst, type Delivery, type Order, type OrderAmounts, type OrderItem, type OrderWarning, type RecordedShipment } from '@mallkit/core';
import type { YahooOrderInfo, YahooOrderItem } from '../api/order-info.js';
import { changedAt } from './changed-at.js';
import { YAHOO_TIME_ZONE_CODES, type YahooMappers } from './codes.js';
import { addressFields, toParty } from './party.js';
import { isFraudHeld, mapOrderStatus } from './status.js';
import { bool, int, isoDate, isoTime } from './values.js';

/** A normalized Yahoo order; `order.raw` is the parsed orderInfo `<OrderInfo>`. */
export type YahooOrder = Order<YahooOrderInfo>;

function warning(field: string, ja: string, en: string, raw?: string | null): OrderWarning {
  return { code: 'missing_field', field, message: { ja, en }, ...(raw === undefined ? {} : { raw }) };
}

function toItem(item: YahooOrderItem, index: number): OrderItem {
  const taxRatio = int(item.ItemTaxRatio);
  const options = (item.ItemOption ?? [])
    .map((option) => ({ name: cleanText(option.Name) ?? '', value: cleanText(option.Value) ?? '' }))
    .filter((option) => option.name !== '' || option.value !== '');
  const inscriptions = (item.Inscription ?? [])
    .map((entry) => [cleanText(entry.Name), cleanText(entry.Value)].filter((part): part is string => part !== null).join(': '))
    .filter((note) => note !== '');
  return {
    lineId: cleanText(item.LineId) ?? String(index + 1),
    productId: cleanText(item.ItemId) ?? '',
    sku: cleanText(item.SubCode),
    name: cleanText(item.Title) ?? '',
    quantity: int(item.Quantity) ?? 0,
    unitPrice: int(item.UnitPrice),
    taxRate: taxRatio === null ? null : taxRatio / 100,
    options,
    notes: inscriptions,
  };
}

function sum(values: ReadonlyArray<number | null>): number | null {
  if (values.every((value) => value === null)) return null;
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function toAmounts(info: YahooOrderInfo, items: readonly OrderItem[], warnings: OrderWarning[]): OrderAmounts {
  const detail = info.Detail ?? {};
  // 商品金額合計 is not in the answer: the docs say to add UnitPrice × Quantity over the lines.
  const goods = items.some((item) => item.unitPrice === null) ? null : items.reduce((total, item) => total + (item.unitPrice ?? 0) * item.quantity, 0);
  if (goods === null) warnings.push(warning('amounts.goods', '商品単価のない明細があります', 'An item has no UnitPrice'));
  const shipping = int(detail.ShipCharge);
  const fees = sum([int(detail.PayCharge), int(detail.GiftWrapCharge)]);
  const discounts = int(detail.Discount);
  const points = int(detail.UsePoint);
  // Mall coupons and 商品券 are paid by Yahoo, not the buyer; store coupons are already in UnitPrice.
  const coupons = sum([int(detail.TotalMallCouponDiscount), int(detail.GiftCardDiscount)]);
  const billed = int(detail.TotalPrice) ?? int(detail.SettleAmount);
  const adjustments = int(detail.Adjustments) ?? 0;
  const total =
    goods === null ? null : goods + (shipping ?? 0) + (fees ?? 0) - (discounts ?? 0) + adjustments;
  return { goods, shipping, fees, discounts, points, coupons, tax: null, total, billed };
}

function toShipments(info: YahooOrderInfo, mappers: YahooMappers): RecordedShipment[] {
  const ship = info.Ship ?? {};
  const carrier = mappers.carrier.map(ship.ShipCompanyCode);
  const shippedOn = isoDate(ship.ShipDate);
  const numbers = [cleanText(ship.ShipInvoiceNumber1), cleanText(ship.ShipInvoiceNumber2)].filter((n): n is string => n !== null);
  if (numbers.length === 0) return cleanText(ship.ShipStatus) === '3' || cleanText(ship.ShipStatus) === '4' ? [{ carrier, trackingNumber: null, shippedOn }] : [];
  return numbers.map((trackingNumber) => ({ carrier, trackingNumber, shippedOn }));
}

function toDelivery(info: YahooOrderInfo, items: readonly OrderItem[], mappers: YahooMappers, warnings: OrderWarning[]): Delivery {
  const ship = info.Ship ?? {};
  const requestTime = cleanText(ship.ShipRequestTime);
  const zoneCode = cleanText(ship.ShipRequestTimeZoneCode);
  const zone = zoneCode === null ? undefined : YAHOO_TIME_ZONE_CODES[zoneCode];
  const timeSlot =
    requestTime !== null
      ? mapWithWarning(mappers.timeSlot, requestTime, 'deliveries[0].timeSlot', warnings)
      : zone !== undefined && zoneCode !== null
        ? { code: zone, raw: zoneCode }
        : null;
  const carrier = mapWithWarning(mappers.carrier, ship.ShipCompanyCode, 'deliveries[0].carrier', warnings);
  return {
    // Yahoo has one destination per order: the order id names it.
    deliveryId: cleanText(info.OrderId) ?? '',
    recipient: toParty(addressFields(ship, 'Ship')),
    items,
    carrier,
    shippingMethod: cleanText(ship.ShipMethodName) ?? cleanText(ship.ShipMethod),
    requestedDate: isoDate(ship.ShipRequestDate),
    timeSlot,
    shipments: toShipments(info, mappers),
  };
}

function toIsoOrNull(date: Date | null): string | null {
  return date === null ? null : toIsoJst(date);
}

/** What the mapping needs besides the order: the shop's name and its code tables. */
export interface OrderMappingContext {
  readonly shopId: string;
  readonly mappers: YahooMappers;
}

/**
 * Maps one orderInfo `<OrderInfo>` (already checked against its schema) to the normalized order.
 * `notes` are the tolerant reader's warnings (a repeated value, the first kept), kept on the order.
 */
export function toOrder(info: YahooOrderInfo, context: OrderMappingContext, notes: readonly OrderWarning[] = []): YahooOrder {
  const warnings: OrderWarning[] = [...notes];
  const pay = info.Pay ?? {};
  const ship = info.Ship ?? {};
  const items = (info.Item ?? []).map(toItem);
  // Keyed by the code, never PayMethodName (names changed on 2024-05-13 and 2026-07-16).
  const method = mapWithWarning(context.mappers.paymentMethod, pay.PayMethod, 'payment.method', warnings, { required: true }) ?? { code: 'unmapped' as const, raw: '' };
  const orderedAt = isoTime(info.OrderTime);
  if (orderedAt === null) warnings.push(warning('orderedAt', '注文日時が読めません', 'OrderTime is missing or unreadable', info.OrderTime ?? null));
  const orderStatus = cleanText(info.OrderStatus);
  const giftType = cleanText(info.SocialGiftType);
  return {
    mall: 'yahoo',
    shopId: context.shopId,
    id: info.OrderId,
    displayNumber: info.OrderId,
    status: mapOrderStatus(
      { OrderStatus: info.OrderStatus, IsSeen: info.IsSeen, ShipStatus: ship.ShipStatus, PayStatus: pay.PayStatus, PayType: pay.PayType, FraudHoldStatus: info.FraudHoldStatus },
      warnings,
    ),
    orderedAt: orderedAt ?? '',
    // The later of LastUpdateTime and PublicationTime: a release from fraud review is a change too.
    updatedAt: toIsoOrNull(changedAt(info)),
    // Yahoo records no confirm time; SendConfirmTime (注文確認メール) is the nearest it has.
    confirmedAt: isoTime(info.SendConfirmTime),
    buyer: toParty(addressFields(pay, 'Bill')),
    deliveries: [toDelivery(info, items, context.mappers, warnings)],
    amounts: toAmounts(info, items, warnings),
    payment: { method, paidAt: cleanText(pay.PayStatus) === '1' ? isoTime(pay.PayDate) : null },
    flags: {
      fraudReview: isFraudHeld(info.FraudHoldStatus),
      // Suspect 1 いたずら; 2 means the flag was lifted.
      suspect: cleanText(info.Suspect) === '1',
      provisional: false,
      buyerMayCancel: bool(info.IsReadOnly),
      gift: bool(ship.NeedGiftWrap) || bool(ship.NeedGiftWrapPaper) || (giftType !== null && giftType !== '0'),
      multipleDestinations: bool(info.IsMultiShip),
      // OrderStatus 1 予約中: a reservation for an item not released yet.
      preorder: orderStatus === '1',
      deliveryPromise: ['1', '2'].includes(cleanText(ship.ArriveType) ?? '') || ['1', '2'].includes(cleanText(ship.ExcellentDelivery) ?? ''),
      business: false,
    },
    notes: { buyerComment: cleanText(info.BuyerComments), shopMemo: cleanText(info.Notes) },
    warnings,
    raw: info,
  };
}

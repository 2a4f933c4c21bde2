import type { Delivery, Order, OrderAmounts, OrderItem, OrderWarning, RecordedShipment } from '@mallkit/core';
import type { YahooOrderInfo, YahooOrderItem } from '../api/order-info.js';
import { YAHOO_TIME_ZONE_CODES, type YahooMappers } from './codes.js';
import { addressFields, toParty } from './party.js';
import { isFraudHeld, mapOrderStatus } from './status.js';
import { bool, int, isoDate, isoTime, str } from './values.js';

/** A normalized Yahoo order; `order.raw` is the parsed orderInfo `<OrderInfo>`. */
export type YahooOrder = Order<YahooOrderInfo>;

function warning(field: string, ja: string, en: string, raw?: string | null): OrderWarning {
  return { code: 'missing_field', field, message: { ja, en }, ...(raw === undefined ? {} : { raw }) };
}

function unmapped(field: string, raw: string, what: string): OrderWarning {
  return {
    code: 'unmapped_value',
    field,
    raw,
    message: { ja: `${what}「${raw}」は変換設定にありません`, en: `${what} ${JSON.stringify(raw)} is not mapped; add it to the overrides` },
  };
}

function toItem(item: YahooOrderItem, index: number): OrderItem {
  const taxRatio = int(item.ItemTaxRatio);
  const options = (item.ItemOption ?? [])
    .map((option) => ({ name: str(option.Name) ?? '', value: str(option.Value) ?? '' }))
    .filter((option) => option.name !== '' || option.value !== '');
  const inscriptions = (item.Inscription ?? [])
    .map((entry) => [str(entry.Name), str(entry.Value)].filter((part): part is string => part !== null).join(': '))
    .filter((note) => note !== '');
  return {
    lineId: str(item.LineId) ?? String(index + 1),
    productId: str(item.ItemId) ?? '',
    sku: str(item.SubCode),
    name: str(item.Title) ?? '',
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
  const numbers = [str(ship.ShipInvoiceNumber1), str(ship.ShipInvoiceNumber2)].filter((n): n is string => n !== null);
  if (numbers.length === 0) return str(ship.ShipStatus) === '3' || str(ship.ShipStatus) === '4' ? [{ carrier, trackingNumber: null, shippedOn }] : [];
  return numbers.map((trackingNumber) => ({ carrier, trackingNumber, shippedOn }));
}

function toDelivery(info: YahooOrderInfo, items: readonly OrderItem[], mappers: YahooMappers, warnings: OrderWarning[]): Delivery {
  const ship = info.Ship ?? {};
  const requestTime = str(ship.ShipRequestTime);
  const zoneCode = str(ship.ShipRequestTimeZoneCode);
  const zone = zoneCode === null ? undefined : YAHOO_TIME_ZONE_CODES[zoneCode];
  const timeSlot = requestTime !== null ? mappers.timeSlot.map(requestTime) : zone !== undefined && zoneCode !== null ? { code: zone, raw: zoneCode } : null;
  if (timeSlot?.code === 'unmapped') warnings.push(unmapped('deliveries[0].timeSlot', timeSlot.raw, 'お届け時間帯'));
  const carrier = mappers.carrier.map(ship.ShipCompanyCode);
  if (carrier?.code === 'unmapped') warnings.push(unmapped('deliveries[0].carrier', carrier.raw, '配送会社コード'));
  return {
    // Yahoo has one destination per order: the order id names it.
    deliveryId: str(info.OrderId) ?? '',
    recipient: toParty(addressFields(ship, 'Ship')),
    items,
    carrier,
    shippingMethod: str(ship.ShipMethodName) ?? str(ship.ShipMethod),
    requestedDate: isoDate(ship.ShipRequestDate),
    timeSlot,
    shipments: toShipments(info, mappers),
  };
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
  const payMethodCode = str(pay.PayMethod);
  const method = context.mappers.paymentMethod.map(payMethodCode) ?? { code: 'unmapped' as const, raw: '' };
  if (method.code === 'unmapped') warnings.push(unmapped('payment.method', method.raw || (str(pay.PayMethodName) ?? ''), '支払方法'));
  const orderedAt = isoTime(info.OrderTime);
  if (orderedAt === null) warnings.push(warning('orderedAt', '注文日時が読めません', 'OrderTime is missing or unreadable', info.OrderTime ?? null));
  const orderStatus = str(info.OrderStatus);
  const giftType = str(info.SocialGiftType);
  return {
    mall: 'yahoo',
    shopId: context.shopId,
    id: info.OrderId,
    displayNumber: info.OrderId,
    status: mapOrderStatus({
      OrderStatus: info.OrderStatus,
      IsSeen: info.IsSeen,
      ShipStatus: ship.ShipStatus,
      PayStatus: pay.PayStatus,
      PayType: pay.PayType,
      FraudHoldStatus: info.FraudHoldStatus,
    }),
    orderedAt: orderedAt ?? '',
    updatedAt: isoTime(info.LastUpdateTime),
    // Yahoo records no confirm time; SendConfirmTime (注文確認メール) is the nearest it has.
    confirmedAt: isoTime(info.SendConfirmTime),
    buyer: toParty(addressFields(pay, 'Bill')),
    deliveries: [toDelivery(info, items, context.mappers, warnings)],
    amounts: toAmounts(info, items, warnings),
    payment: { method, paidAt: str(pay.PayStatus) === '1' ? isoTime(pay.PayDate) : null },
    flags: {
      fraudReview: isFraudHeld(info.FraudHoldStatus),
      // Suspect 1 いたずら; 2 means the flag was lifted.
      suspect: str(info.Suspect) === '1',
      provisional: false,
      buyerMayCancel: bool(info.IsReadOnly),
      gift: bool(ship.NeedGiftWrap) || bool(ship.NeedGiftWrapPaper) || (giftType !== null && giftType !== '0'),
      multipleDestinations: bool(info.IsMultiShip),
      // OrderStatus 1 予約中: a reservation for an item not released yet.
      preorder: orderStatus === '1',
      deliveryPromise: ['1', '2'].includes(str(ship.ArriveType) ?? '') || ['1', '2'].includes(str(ship.ExcellentDelivery) ?? ''),
      business: false,
    },
    notes: { buyerComment: str(info.BuyerComments), shopMemo: str(info.Notes) },
    warnings,
    raw: info,
  };
}

import {
  cleanText,
  jstDateOf,
  mapWithWarning,
  toIsoJst,
  tryParseJst,
  type CarrierCode,
  type ConnectorMappers,
  type Delivery,
  type Mapped,
  type Order,
  type OrderItem,
  type OrderWarning,
  type PaymentMethodCode,
  type RecordedShipment,
} from '@mallkit/core';
import type { ShopserveDelivery, ShopserveItem, ShopserveOrder } from '../api/order-record.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { toAmounts } from './amounts.js';
import { toParty } from './party.js';
import { normalizeStatus } from './status.js';

/** What the mapping needs besides the order. */
export interface MappingContext {
  /** The connector's shop name. */
  readonly shopId: string;
  /** The mappers with the shop's overrides (the carrier mapper also knows the profile's carrier names). */
  readonly mappers: ConnectorMappers;
  /** The wire profile (enum spellings, carrier names). */
  readonly wire: ShopserveWireProfile;
}

/** Options that mean a gift: のし, ラッピング, ギフト. */
const GIFT_OPTION = /のし|熨斗|ラッピング|ギフト|gift|wrapping/i;

function unparsed(field: string, raw: string, what: { ja: string; en: string }): OrderWarning {
  return { code: 'unparsed_value', field, message: { ja: `${what.ja}を読めませんでした。`, en: `The ${what.en} could not be read.` }, raw };
}

/** A JST calendar day from a date or date-time as sent, or null (with a warning when it was sent but unreadable). */
function dayOf(value: string | null, field: string, warnings: OrderWarning[], what: { ja: string; en: string }): string | null {
  if (value === null || value.trim() === '') return null;
  const date = tryParseJst(value);
  if (date === null) {
    warnings.push(unparsed(field, value, what));
    return null;
  }
  return jstDateOf(date);
}

/** An instant as ISO 8601 JST, or null (with a warning when it was sent but unreadable). */
function timeOf(value: string | null, field: string, warnings: OrderWarning[], what: { ja: string; en: string }): string | null {
  if (value === null || value.trim() === '') return null;
  const date = tryParseJst(value);
  if (date === null) {
    warnings.push(unparsed(field, value, what));
    return null;
  }
  return toIsoJst(date);
}

/** A tax rate as a fraction from `10`, `"8%"`, `"0.1"` or `0.08`; null with a warning when unreadable. */
function taxRateOf(value: string | number | null, field: string, warnings: OrderWarning[]): number | null {
  if (value === null || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value.replace(/[%％\s]/g, ''));
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    warnings.push(unparsed(field, String(value), { ja: '税率', en: 'tax rate' }));
    return null;
  }
  return number > 1 ? Math.round(number * 100) / 10_000 : number;
}

function toItem(item: ShopserveItem, deliveryIndex: number, itemIndex: number, warnings: OrderWarning[]): OrderItem {
  const field = `deliveries[${deliveryIndex}].items[${itemIndex}]`;
  return {
    lineId: item.line_no ?? `${deliveryIndex + 1}-${itemIndex + 1}`,
    productId: item.item_code,
    sku: item.variation_code,
    name: item.item_name,
    quantity: item.quantity,
    unitPrice: item.unit_price,
    taxRate: taxRateOf(item.tax_rate, `${field}.taxRate`, warnings),
    options: item.options.map((option) => ({ name: option.name, value: option.value })),
    notes: [],
  };
}

/** The shipment recorded on the order (Shopserve keeps one 配送会社 and お問い合わせ番号 per order). */
function recordedShipment(order: ShopserveOrder, carrier: Mapped<CarrierCode> | null, warnings: OrderWarning[]): RecordedShipment | null {
  const { basic } = order;
  if (basic.tracking_number === null || basic.tracking_number.trim() === '') return null;
  const shippedOn =
    dayOf(basic.shipped_date, 'deliveries[].shipments[].shippedOn', warnings, { ja: '発送完了日', en: 'ship-completed date' }) ??
    dayOf(basic.scheduled_shipping_date, 'deliveries[].shipments[].shippedOn', warnings, { ja: '発送予定日', en: 'planned ship date' });
  return { carrier, trackingNumber: basic.tracking_number.trim(), shippedOn };
}

/** What a destination shares with its order: the one carrier and the one recorded shipment. */
interface OrderShipping {
  readonly carrier: Mapped<CarrierCode> | null;
  readonly shipment: RecordedShipment | null;
}

function toDelivery(delivery: ShopserveDelivery, index: number, shipping: OrderShipping, context: MappingContext, warnings: OrderWarning[]): Delivery {
  return {
    deliveryId: delivery.delivery_no ?? String(index + 1),
    recipient: toParty(delivery.recipient),
    items: delivery.items.map((item, itemIndex) => toItem(item, index, itemIndex, warnings)),
    carrier: shipping.carrier,
    shippingMethod: cleanText(delivery.delivery_method),
    requestedDate: dayOf(delivery.desired_date, `deliveries[${index}].requestedDate`, warnings, { ja: 'お届け希望日', en: 'requested delivery date' }),
    timeSlot: mapWithWarning(context.mappers.timeSlot, delivery.desired_time, `deliveries[${index}].timeSlot`, warnings),
    shipments: shipping.shipment ? [shipping.shipment] : [],
  };
}

/** The payment method, with the `unmapped_value` warning the OMS needs to add a name the shop made up. */
function paymentMethodOf(order: ShopserveOrder, context: MappingContext, warnings: OrderWarning[]): Mapped<PaymentMethodCode> {
  return mapWithWarning(context.mappers.paymentMethod, order.basic.payment_method, 'payment.method', warnings, { required: true }) ?? { code: 'unmapped', raw: '' };
}

/**
 * A Shopserve order in the normalized model. The id is the `serial_code` (the order number,
 * `displayNumber`, can repeat in a shop); times are JST with offset; every status axis is kept in
 * `status.raw`; values no table knows stay `unmapped` with their raw string and a warning.
 */
export function toOrder(order: ShopserveOrder, context: MappingContext, notes: readonly OrderWarning[]): Order<ShopserveOrder> {
  const warnings: OrderWarning[] = [...notes];
  const { basic } = order;
  const method = paymentMethodOf(order, context, warnings);
  const status = normalizeStatus({ basic, payment: method.code, wire: context.wire }, warnings);
  const carrier = mapWithWarning(context.mappers.carrier, basic.delivery_company, 'deliveries[].carrier', warnings);
  const shipping = { carrier, shipment: recordedShipment(order, carrier, warnings) };
  if (order.detail === null) {
    warnings.push({
      code: 'missing_field',
      field: 'deliveries',
      message: { ja: '注文詳細（detail ブロック）が取得されていないため、お届け先と商品がありません。', en: 'The detail block was not requested, so destinations and items are missing.' },
      raw: null,
    });
  }
  const deliveries = (order.detail?.deliveries ?? []).map((delivery, index) => toDelivery(delivery, index, shipping, context, warnings));
  return {
    mall: 'shopserve',
    shopId: context.shopId,
    id: order.serial_code,
    // The 注文番号 people see; unlike the id it can repeat within a shop (受注台帳設定).
    displayNumber: basic.order_code,
    status,
    orderedAt: toIsoJst(basic.ordered_at),
    updatedAt: timeOf(basic.updated_at, 'updatedAt', warnings, { ja: '受注更新日時', en: 'order-updated time' }),
    confirmedAt: null,
    buyer: toParty(basic.orderer),
    deliveries,
    amounts: toAmounts(basic.amounts, warnings),
    payment: {
      method,
      paidAt: timeOf(basic.deposited_at, 'payment.paidAt', warnings, { ja: '入金日', en: 'payment date' }),
    },
    flags: {
      fraudReview: false,
      suspect: false,
      provisional: false,
      buyerMayCancel: false,
      gift: deliveries.some((delivery) => delivery.items.some((item) => item.options.some((option) => GIFT_OPTION.test(option.name)))),
      multipleDestinations: deliveries.length > 1,
      preorder: false,
      deliveryPromise: false,
      business: false,
    },
    notes: { buyerComment: cleanText(basic.comment), shopMemo: cleanText(basic.memo) },
    warnings,
    raw: order,
  };
}

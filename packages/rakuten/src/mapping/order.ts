import { cleanText, mapWithWarning, toIsoJst, type Delivery, type Order, type OrderWarning, type RecordedShipment } from '@mallkit/core';
import type { RakutenOrderModel, RakutenPackageModel } from '../api/order-model.js';
import { mapAmounts } from './amounts.js';
import { readDatetime, readDay } from './datetime.js';
import { mapItem } from './items.js';
import { defaultRakutenMappers, type RakutenMappers } from './mappers.js';
import { isGiftPlaceholder, mapParty } from './party.js';
import { mapSettlementMethod } from './payment-method.js';
import { isProvisionalProgress, mapOrderProgress } from './status.js';

/** Context of the mapping: which shop the order belongs to, and the shop's mappers. */
export interface MapOrderContext {
  /** The connector's shop id, copied onto the order. */
  readonly shopId: string;
  /** The shop's conversions; default the built-in tables. */
  readonly mappers?: RakutenMappers;
  /** Warnings found before mapping (values the tolerant reader had to bend); they come first on the order. */
  readonly warnings?: readonly OrderWarning[];
}

/** WrappingModel1 is 包装紙, WrappingModel2 リボン (`title` 1 / 2). */
const WRAPPING_KIND: Readonly<Record<number, string>> = { 1: '包装紙', 2: 'リボン' };

/**
 * The order's gift wrapping as item notes: Rakuten records wrapping once per order (two slots), and
 * the normalized model carries wrapping requests in each item's `notes`. A deleted slot is skipped.
 */
function wrappingNotes(order: RakutenOrderModel): string[] {
  return [order.WrappingModel1, order.WrappingModel2].flatMap((wrapping) => {
    if (!wrapping || wrapping.deleteWrappingFlag === 1 || !wrapping.name?.trim()) return [];
    const kind = (wrapping.title !== null && wrapping.title !== undefined ? WRAPPING_KIND[wrapping.title] : undefined) ?? 'ラッピング';
    return [`${kind}: ${wrapping.name.trim()}`];
  });
}

function mapShipments(pkg: RakutenPackageModel, mappers: RakutenMappers, warnings: OrderWarning[], field: string): RecordedShipment[] {
  return (pkg.ShippingModelList ?? []).map((row, index) => ({
    carrier: mapWithWarning(mappers.carrier, row.deliveryCompany ?? row.deliveryCompanyName, `${field}[${index}].carrier`, warnings),
    trackingNumber: cleanText(row.shippingNumber),
    shippedOn: readDay(row.shippingDate, `${field}[${index}].shippedOn`, warnings),
  }));
}

function mapDelivery(order: RakutenOrderModel, pkg: RakutenPackageModel, mappers: RakutenMappers, warnings: OrderWarning[], index: number): Delivery {
  const field = `deliveries[${index}]`;
  const notes = [...(pkg.noshi?.trim() ? [`のし: ${pkg.noshi.trim()}`] : []), ...wrappingNotes(order)];
  if (isGiftPlaceholder(pkg.SenderModel)) {
    warnings.push({
      code: 'missing_field',
      field: `${field}.recipient`,
      message: {
        ja: 'ソーシャルギフトの受取人が住所を入力していません（「入力待ち」のダミー住所）。この送付先へは発送しないでください。',
        en: 'Social-gift recipient has not entered an address yet (placeholder 「入力待ち」); do not ship to it.',
      },
    });
  }
  const shippingTerm = order.shippingTerm === null || order.shippingTerm === undefined ? null : String(order.shippingTerm);
  return {
    deliveryId: String(pkg.basketId),
    recipient: mapParty(pkg.SenderModel),
    items: pkg.ItemModelList.filter((item) => item.deleteItemFlag !== 1).map((item, line) => mapItem(item, notes, (w) => warnings.push(w), `${field}.items[${line}]`)),
    carrier: mapWithWarning(mappers.carrier, pkg.defaultDeliveryCompanyCode, `${field}.carrier`, warnings),
    shippingMethod: cleanText(order.DeliveryModel?.deliveryName),
    // お届け日指定 and お届け時間帯 are order-level on Rakuten: every package gets them.
    requestedDate: readDay(order.deliveryDate, `${field}.requestedDate`, warnings),
    timeSlot: mapWithWarning(mappers.timeSlot, shippingTerm, `${field}.timeSlot`, warnings),
    shipments: mapShipments(pkg, mappers, warnings, `${field}.shipments`),
  };
}

/** 200 楽天処理中: not to be shipped before Rakuten has authorised the payment. */
const PROVISIONAL_WARNING: OrderWarning = {
  code: 'provisional_order',
  field: 'flags.provisional',
  message: {
    ja: '楽天処理中（200）の注文です。与信・不正注文チェックが終わり「発送待ち」になるまで発送しないでください。',
    en: 'Rakuten is still processing this order (200 楽天処理中: payment authorisation, fraud checks). Do not ship it before it reaches 発送待ち.',
  },
  raw: 200,
};

/**
 * getOrder's OrderModel → the normalized Order, `raw` kept as parsed. Values no table knows
 * (orderProgress, deliveryCompany, time slot, settlement method) come out `unmapped` with an
 * `unmapped_value` warning; -9999 prices are null with `sentinel_value`; unreadable dates are null
 * with `unparsed_value` (orderDatetime is checked by the schema: without it the order is unreadable).
 */
export function mapOrder(order: RakutenOrderModel, context: MapOrderContext): Order<RakutenOrderModel> {
  const mappers = context.mappers ?? defaultRakutenMappers;
  const warnings: OrderWarning[] = [...(context.warnings ?? [])];
  const packages = order.PackageModelList.filter((pkg) => pkg.packageDeleteFlag !== 1);
  const status = mapOrderProgress(order.orderProgress);
  if (status.code === 'unmapped') {
    warnings.push({
      code: 'unmapped_value',
      field: 'status',
      message: { ja: `楽天の orderProgress ${status.raw} は未知のステータスです。RMS で注文の状態を確認してください。`, en: `Rakuten orderProgress ${status.raw} is not a known status; check the order in RMS.` },
      raw: status.raw,
    });
  }
  const provisional = isProvisionalProgress(order.orderProgress);
  if (provisional) warnings.push(PROVISIONAL_WARNING);
  const method = mapSettlementMethod(order.SettlementModel?.settlementMethod, order.SettlementModel?.settlementMethodCode, mappers.paymentMethod);
  if (method.code === 'unmapped') {
    warnings.push({
      code: 'unmapped_value',
      field: 'payment.method',
      message: { ja: `お支払い方法「${method.raw}」が未設定です。支払方法の変換設定を追加してください。`, en: `Payment method "${method.raw}" is not mapped; add a paymentMethod override.` },
      raw: method.raw,
    });
  }
  const amounts = mapAmounts(order, (warning) => warnings.push(warning));
  const deliveries = packages.map((pkg, index) => mapDelivery(order, pkg, mappers, warnings, index));
  return {
    mall: 'rakuten',
    shopId: context.shopId,
    id: order.orderNumber,
    displayNumber: order.orderNumber,
    status,
    // The schema refused an order whose orderDatetime cannot be read.
    orderedAt: toIsoJst(order.orderDatetime),
    updatedAt: null,
    confirmedAt: readDatetime(order.shopOrderCfmDatetime, 'confirmedAt', warnings),
    buyer: mapParty(order.OrdererModel),
    deliveries,
    amounts,
    payment: { method, paidAt: null },
    flags: {
      fraudReview: false,
      // cautionDisplayType 1 注意喚起: a caution about the buyer's history (101 前払い未払い, 102 受取拒否…), not a hold.
      suspect: (order.cautionDisplayType ?? 0) > 0,
      provisional,
      buyerMayCancel: false,
      gift: order.giftCheckFlag === 1,
      multipleDestinations: packages.length > 1 || order.severalSenderFlag === 1,
      preorder: order.orderType === 6,
      deliveryPromise: order.asurakuFlag === 1 || order.deliveryCertPrgFlag === 1,
      business: false,
    },
    notes: { buyerComment: cleanText(order.remarks), shopMemo: cleanText(order.memo) },
    warnings,
    raw: order,
  };
}

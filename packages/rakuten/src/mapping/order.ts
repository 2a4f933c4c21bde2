import type { Delivery, Order, OrderWarning, RecordedShipment } from '@mallkit/core';
import type { RakutenOrderModel, RakutenPackageModel } from '../api/order-model.js';
import { mapAmounts } from './amounts.js';
import { isoJstOrNull } from './datetime.js';
import { mapItem } from './items.js';
import { defaultRakutenMappers, type RakutenMappers } from './mappers.js';
import { isGiftPlaceholder, mapParty } from './party.js';
import { mapSettlementMethod } from './payment-method.js';
import { mapOrderProgress } from './status.js';

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

function mapShipments(pkg: RakutenPackageModel, mappers: RakutenMappers): RecordedShipment[] {
  return (pkg.ShippingModelList ?? []).map((row) => ({
    carrier: mappers.carrier.map(row.deliveryCompany ?? row.deliveryCompanyName),
    trackingNumber: row.shippingNumber?.trim() || null,
    shippedOn: row.shippingDate ?? null,
  }));
}

function mapDelivery(order: RakutenOrderModel, pkg: RakutenPackageModel, mappers: RakutenMappers, warn: (w: OrderWarning) => void, index: number): Delivery {
  const notes = [...(pkg.noshi?.trim() ? [`のし: ${pkg.noshi.trim()}`] : []), ...wrappingNotes(order)];
  if (isGiftPlaceholder(pkg.SenderModel)) {
    warn({
      code: 'missing_field',
      field: `deliveries[${index}].recipient`,
      message: {
        ja: 'ソーシャルギフトの受取人が住所を入力していません（「入力待ち」のダミー住所）。この送付先へは発送しないでください。',
        en: 'Social-gift recipient has not entered an address yet (placeholder 「入力待ち」); do not ship to it.',
      },
    });
  }
  const timeSlot = order.shippingTerm === null || order.shippingTerm === undefined ? null : mappers.timeSlot.map(String(order.shippingTerm));
  if (timeSlot?.code === 'unmapped') {
    warn({
      code: 'unmapped_value',
      field: `deliveries[${index}].timeSlot`,
      message: { ja: `お届け時間帯 ${timeSlot.raw} が未設定です。時間帯変換設定を追加してください。`, en: `Time slot ${timeSlot.raw} is not mapped; add a timeSlot override.` },
      raw: timeSlot.raw,
    });
  }
  return {
    deliveryId: String(pkg.basketId),
    recipient: mapParty(pkg.SenderModel),
    items: pkg.ItemModelList.filter((item) => item.deleteItemFlag !== 1).map((item, line) => mapItem(item, notes, warn, `deliveries[${index}].items[${line}]`)),
    carrier: pkg.defaultDeliveryCompanyCode ? mappers.carrier.map(pkg.defaultDeliveryCompanyCode) : null,
    shippingMethod: order.DeliveryModel?.deliveryName ?? null,
    // お届け日指定 and お届け時間帯 are order-level on Rakuten: every package gets them.
    requestedDate: order.deliveryDate ?? null,
    timeSlot,
    shipments: mapShipments(pkg, mappers),
  };
}

/** getOrder's OrderModel → the normalized Order, `raw` kept as parsed. */
export function mapOrder(order: RakutenOrderModel, context: MapOrderContext): Order<RakutenOrderModel> {
  const mappers = context.mappers ?? defaultRakutenMappers;
  const warnings: OrderWarning[] = [...(context.warnings ?? [])];
  const warn = (warning: OrderWarning): void => {
    warnings.push(warning);
  };
  const packages = order.PackageModelList.filter((pkg) => pkg.packageDeleteFlag !== 1);
  const method = mapSettlementMethod(order.SettlementModel?.settlementMethod, order.SettlementModel?.settlementMethodCode, mappers.paymentMethod);
  if (method.code === 'unmapped') {
    warn({
      code: 'unmapped_value',
      field: 'payment.method',
      message: { ja: `お支払い方法「${method.raw}」が未設定です。支払方法の変換設定を追加してください。`, en: `Payment method "${method.raw}" is not mapped; add a paymentMethod override.` },
      raw: method.raw,
    });
  }
  const amounts = mapAmounts(order, warn);
  return {
    mall: 'rakuten',
    shopId: context.shopId,
    id: order.orderNumber,
    displayNumber: order.orderNumber,
    status: mapOrderProgress(order.orderProgress),
    orderedAt: isoJstOrNull(order.orderDatetime) ?? order.orderDatetime,
    updatedAt: null,
    confirmedAt: isoJstOrNull(order.shopOrderCfmDatetime),
    buyer: mapParty(order.OrdererModel),
    deliveries: packages.map((pkg, index) => mapDelivery(order, pkg, mappers, warn, index)),
    amounts,
    payment: { method, paidAt: null },
    flags: {
      fraudReview: false,
      suspect: (order.cautionDisplayType ?? 0) > 0,
      provisional: false,
      buyerMayCancel: false,
      gift: order.giftCheckFlag === 1,
      multipleDestinations: packages.length > 1 || order.severalSenderFlag === 1,
      preorder: order.orderType === 6,
      deliveryPromise: order.asurakuFlag === 1 || order.deliveryCertPrgFlag === 1,
      business: false,
    },
    notes: { buyerComment: order.remarks?.trim() || null, shopMemo: order.memo?.trim() || null },
    warnings,
    raw: order,
  };
}

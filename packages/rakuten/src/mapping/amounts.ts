import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { RakutenOrderModel } from '../api/order-model.js';
import { UNSET_PRICE } from '../api/constants.js';

/** Collects warnings while amounts are read. */
export type WarningSink = (warning: OrderWarning) => void;

/**
 * Reads one price field: -9999 (未設定 / 未確定) becomes null with a `sentinel_value` warning,
 * an absent field becomes null silently.
 */
export function price(value: number | null | undefined, field: string, what: { ja: string; en: string }, warn: WarningSink): number | null {
  if (value === null || value === undefined) return null;
  if (value === UNSET_PRICE) {
    warn({ code: 'sentinel_value', field, message: what, raw: value });
    return null;
  }
  return value;
}

function sum(values: ReadonlyArray<number | null>): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/**
 * The order's money. Rakuten's fields and the normalized ones do not line up one to one:
 * - goods = goodsPrice (商品金額 + ラッピング料);
 * - fees = deliveryPrice (代引料) + paymentCharge (決済手数料) + additionalFeeOccurAmountToUser (後払い手数料);
 * - total = totalPrice (商品 + 送料 + ラッピング) + fees, the RMS 総合計 before coupons;
 * - billed = requestPrice (請求金額, after coupons and points);
 * - tax = Σ TaxSummaryModelList.reqPriceTax.
 * Any -9999 in a part makes the whole sum null, with a warning naming the part.
 */
export function mapAmounts(order: RakutenOrderModel, warn: WarningSink): OrderAmounts {
  const shipping = price(
    order.postagePrice,
    'amounts.shipping',
    { ja: '送料が未設定の注文です（楽天の送料 -9999）。RMS で送料を設定してください。', en: 'Shipping fee not set yet (Rakuten postage -9999). Set it in RMS.' },
    warn,
  );
  const goods = price(order.goodsPrice, 'amounts.goods', { ja: '商品金額が未確定です（-9999）。', en: 'Goods amount not fixed yet (-9999).' }, warn);
  const feeParts = [
    price(order.deliveryPrice ?? 0, 'amounts.fees', { ja: '代引料が未確定です（-9999）。', en: 'Cash-on-delivery fee not fixed yet (-9999).' }, warn),
    price(order.paymentCharge ?? 0, 'amounts.fees', { ja: '決済手数料が未確定です（-9999）。', en: 'Payment charge not fixed yet (-9999).' }, warn),
    price(order.additionalFeeOccurAmountToUser ?? 0, 'amounts.fees', { ja: '後払い手数料が未確定です（-9999）。', en: 'Deferred-payment fee not fixed yet (-9999).' }, warn),
  ];
  const fees = sum(feeParts);
  const totalPrice = price(order.totalPrice, 'amounts.total', { ja: '合計金額が未確定です（送料未設定など、-9999）。', en: 'Total not fixed yet (postage unset or similar, -9999).' }, warn);
  const total = totalPrice === null ? null : sum([totalPrice, fees]);
  const billed = price(order.requestPrice, 'amounts.billed', { ja: '請求金額が未確定です（-9999）。', en: 'Billed amount not fixed yet (-9999).' }, warn);
  const taxRows = order.TaxSummaryModelList ?? [];
  const tax =
    taxRows.length > 0
      ? sum(taxRows.map((row) => price(row.reqPriceTax ?? 0, 'amounts.tax', { ja: `税率 ${row.taxRate ?? '?'} の消費税額が未確定です（-9999）。`, en: `Tax at rate ${row.taxRate ?? '?'} is not fixed yet (-9999).` }, warn)))
      : null;
  return {
    goods,
    shipping,
    fees,
    // getOrder has no separate shop discount: 減額 (updateOrderSender) is folded into the item prices.
    discounts: 0,
    points: order.PointModel?.usedPoint ?? 0,
    coupons: price(order.couponAllTotalPrice ?? 0, 'amounts.coupons', { ja: 'クーポン利用額が未確定です（-9999）。', en: 'Coupon amount not fixed yet (-9999).' }, warn),
    tax,
    total,
    billed,
  };
}

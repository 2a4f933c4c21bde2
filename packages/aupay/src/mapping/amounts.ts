import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { AupayOrderInfo } from '../api/order-info.js';

/*
 * au PAY's money fields are yen as text, tax included. How they relate (nakyahara/bfaith-portal
 * `apps/warehouse/aupay-orders.js`): totalSalePrice is the goods after item discounts; totalPrice
 * adds postage, fees, option and gift-wrapping charges; requestPrice — what the buyer pays — is
 * totalPrice minus couponTotalPrice, usePoint (Ponta) and useAuPointPrice (au points).
 */

/** Reads a yen amount; an empty field is absent (null), anything else that is not whole yen gets a warning. */
export function yenOf(value: string | undefined, field: string, warnings: OrderWarning[]): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const amount = Number(text.replaceAll(',', ''));
  if (Number.isInteger(amount)) return amount;
  warnings.push({
    code: 'unparsed_value',
    field,
    message: { ja: `金額を整数の円として読めませんでした（${text}）。`, en: `The amount is not whole yen (${text}).` },
    raw: text,
  });
  return Number.isFinite(amount) ? Math.round(amount) : null;
}

function sum(...values: ReadonlyArray<number | null>): number | null {
  return values.every((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/** The order's amounts; a total that does not add up gets an `inconsistent_amounts` warning. */
export function toAmounts(order: AupayOrderInfo, warnings: OrderWarning[]): OrderAmounts {
  const yen = (key: keyof AupayOrderInfo & string, field: string) => yenOf(order[key] as string | undefined, field, warnings);
  const goods = yen('totalSalePrice', 'amounts.goods');
  const shipping = yen('postagePrice', 'amounts.shipping');
  const fees = sum(yen('chargePrice', 'amounts.fees'), yen('totalItemOptionPrice', 'amounts.fees'), yen('totalGiftWrappingPrice', 'amounts.fees'));
  const points = sum(yen('usePoint', 'amounts.points'), yen('useAuPointPrice', 'amounts.points'));
  const coupons = yen('couponTotalPrice', 'amounts.coupons');
  const total = yen('totalPrice', 'amounts.total');
  const billed = yen('requestPrice', 'amounts.billed');
  if (goods !== null && total !== null && goods + (shipping ?? 0) + (fees ?? 0) !== total) {
    warnings.push({
      code: 'inconsistent_amounts',
      field: 'amounts.total',
      message: {
        ja: `商品計・送料・手数料の合計（${goods + (shipping ?? 0) + (fees ?? 0)}円）が合計金額（${total}円）と一致しません。`,
        en: `Goods, postage and fees add up to ${goods + (shipping ?? 0) + (fees ?? 0)} yen, not the total of ${total} yen.`,
      },
      raw: total,
    });
  }
  return { goods, shipping, fees, discounts: 0, points, coupons, tax: null, total, billed };
}

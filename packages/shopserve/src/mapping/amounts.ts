import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { ShopserveAmounts } from '../api/order-record.js';

function sum(...values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) : null;
}

/** Shopserve's amounts in the normalized model (integer yen; discounts, points and coupons positive). */
export function toAmounts(amounts: ShopserveAmounts, warnings: OrderWarning[]): OrderAmounts {
  if (amounts.postage === null) {
    warnings.push({
      code: 'missing_field',
      field: 'amounts.shipping',
      message: { ja: '送料が送られていません。受注台帳で確認してください。', en: 'The order carries no postage; check it in the 受注台帳.' },
      raw: null,
    });
  }
  const positive = (value: number | null): number | null => (value === null ? null : Math.abs(value));
  return {
    goods: amounts.item_total,
    shipping: amounts.postage,
    fees: sum(amounts.cod_fee, amounts.other_fee),
    discounts: positive(amounts.discount),
    points: positive(amounts.used_point),
    coupons: positive(amounts.coupon_discount),
    tax: amounts.tax,
    total: amounts.total,
    billed: amounts.billing_amount,
  };
}

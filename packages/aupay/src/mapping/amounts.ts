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

/** The order's money fields. */
type YenField = 'totalSalePrice' | 'postagePrice' | 'chargePrice' | 'totalItemOptionPrice' | 'totalGiftWrappingPrice' | 'usePoint' | 'useAuPointPrice' | 'couponTotalPrice' | 'totalPrice' | 'requestPrice';

function sum(...values: ReadonlyArray<number | null>): number | null {
  return values.every((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function mismatch(field: string, ja: string, en: string, raw: number): OrderWarning {
  return { code: 'inconsistent_amounts', field, message: { ja, en }, raw };
}

/**
 * The order's amounts. Two relations are checked, each with an `inconsistent_amounts` warning when
 * it fails: goods + postage + fees = totalPrice, and totalPrice − coupons − points = requestPrice
 * (what the buyer pays; the relation nakyahara/bfaith-portal `apps/warehouse/aupay-orders.js`
 * documents). The プレミアム特典 fields are not subtracted: what they do to requestPrice is not
 * published; the warning names them when they are set, for the shop to check.
 */
export function toAmounts(order: AupayOrderInfo, warnings: OrderWarning[]): OrderAmounts {
  const yen = (key: YenField, field: string) => yenOf(order[key], field, warnings);
  const goods = yen('totalSalePrice', 'amounts.goods');
  const shipping = yen('postagePrice', 'amounts.shipping');
  const fees = sum(yen('chargePrice', 'amounts.fees'), yen('totalItemOptionPrice', 'amounts.fees'), yen('totalGiftWrappingPrice', 'amounts.fees'));
  const points = sum(yen('usePoint', 'amounts.points'), yen('useAuPointPrice', 'amounts.points'));
  const coupons = yen('couponTotalPrice', 'amounts.coupons');
  const total = yen('totalPrice', 'amounts.total');
  const billed = yen('requestPrice', 'amounts.billed');
  if (goods !== null && total !== null && goods + (shipping ?? 0) + (fees ?? 0) !== total) {
    const added = goods + (shipping ?? 0) + (fees ?? 0);
    warnings.push(
      mismatch(
        'amounts.total',
        `商品計・送料・手数料の合計（${added}円）が合計金額（${total}円）と一致しません。`,
        `Goods, postage and fees add up to ${added} yen, not the total of ${total} yen.`,
        total,
      ),
    );
  }
  if (total !== null && billed !== null && total - (coupons ?? 0) - (points ?? 0) !== billed) {
    const owed = total - (coupons ?? 0) - (points ?? 0);
    const premium = (['premiumIssuePrice', 'premiumMallPrice', 'premiumShopPrice'] as const)
      .map((key) => [key, order[key]?.trim() ?? ''] as const)
      .filter(([, value]) => value !== '' && value !== '0')
      .map(([key, value]) => `${key}=${value}`);
    const note = premium.length > 0 ? ` (${premium.join(', ')})` : '';
    warnings.push(
      mismatch(
        'amounts.billed',
        `合計からクーポン・ポイントを引いた額（${owed}円）が請求金額（${billed}円）と一致しません${note}。`,
        `The total less coupons and points is ${owed} yen, not the billed ${billed} yen${note}.`,
        billed,
      ),
    );
  }
  return { goods, shipping, fees, discounts: 0, points, coupons, tax: null, total, billed };
}

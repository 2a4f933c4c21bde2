import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { Qoo10ShippingRow } from '../api/shipping-info.js';
import { isCancelled, type Line } from './lines.js';
import type { Qoo10Pack } from './pack.js';
import { cartAmount, yen } from './values.js';

/**
 * A line's goods: price × quantity plus option prices. The method table defines `Total` as
 * price + option − discount, and every live row reported has `Total = OrderPrice × OrderQty −
 * Discount` (spec §2.4 and §7), so goods are read back as Total + Discount when Total is sent.
 */
export function lineGoods(row: Qoo10ShippingRow): number {
  const total = row.Total === undefined || row.Total === null || row.Total === '' ? null : yen(row.Total);
  return total === null ? yen(row.OrderPrice) * row.OrderQty : total + yen(row.Discount);
}

/** A cart seen only through its claims: Qoo10 gives what the buyer paid per line (paymentAmount), not prices. */
function claimsOnly(pack: Qoo10Pack, warnings: OrderWarning[]): OrderAmounts {
  const paid = pack.claims.reduce((sum, claim) => sum + yen(claim.paymentAmount), 0);
  warnings.push({
    code: 'missing_field',
    field: 'amounts',
    message: {
      ja: 'キャンセル済みの注文はクレーム情報しか取得できないため、金額は決済金額（paymentAmount）の合計です。',
      en: 'A cancelled order is only visible through its claims: the amounts are the sum of paymentAmount.',
    },
  });
  return { goods: paid, shipping: null, fees: null, discounts: null, points: null, coupons: null, tax: null, total: paid, billed: paid };
}

/**
 * The cart's amounts. Lines whose cancellation is finished are left out (they stay as items, with a
 * note) and a warning says so: an OMS bills and ships the live lines. A cart cancelled whole keeps
 * what it was, so that its amounts say what was cancelled. Shipping and cart discounts are the
 * cart's, as Qoo10 prints them on the rows (see cartAmount).
 *
 * Who bears which discount, as an integrator reads it from live answers (nakyahara/bfaith-portal,
 * 1,994 rows: `Total = OrderPrice × OrderQty − Discount` on every row, and SettlePrice is not
 * reduced by Discount): Discount and CartDiscountQoo10 are Qoo10's (メガ割 and the like) →
 * `coupons`; CartDiscountSeller is the shop's → `discounts`. SellerDiscount (판매자 부담 할인 금액)
 * is the shop's too, but whether Qoo10 takes it off what the buyer pays is not published: it is
 * left out, with a warning, rather than guessed (UNVERIFIED).
 */
export function amountsOf(pack: Qoo10Pack, lines: readonly Line[], warnings: OrderWarning[]): OrderAmounts {
  const live = lines.filter((line) => !isCancelled(line));
  const counted = live.length > 0 ? live : lines;
  if (counted.every((line) => line.row === null)) return claimsOnly(pack, warnings);
  const left = lines.filter((line) => !counted.includes(line));
  if (left.length > 0) {
    const ids = left.map((line) => line.orderNo).join(', ');
    warnings.push({
      code: 'inconsistent_amounts',
      field: 'amounts',
      message: {
        ja: `キャンセル済みの明細（${ids}）は金額に含めていません。送料とカート割引はQoo10が送った値のままです。`,
        en: `Cancelled lines (${ids}) are left out of the amounts; shipping and cart discounts are as Qoo10 sent them.`,
      },
    });
  }
  const sellerDiscount = counted.reduce((sum, line) => sum + yen(line.row?.SellerDiscount), 0);
  if (sellerDiscount !== 0) {
    warnings.push({
      code: 'inconsistent_amounts',
      field: 'amounts.discounts',
      message: {
        ja: `販売者負担割引（SellerDiscount）${sellerDiscount}円は金額に含めていません。購入者の支払額から引かれているかをQoo10は公開していません。QSMで確認してください。`,
        en: `The seller-borne discount (SellerDiscount) of ${sellerDiscount} yen is not in the amounts: Qoo10 does not say whether it comes off what the buyer pays. Check it in QSM.`,
      },
      raw: sellerDiscount,
    });
  }
  // A live line seen only through a claim (an exchange) has no prices: what the buyer paid for it.
  const goods = counted.reduce((sum, line) => sum + (line.row ? lineGoods(line.row) : yen(line.claim?.paymentAmount)), 0);
  const rows = pack.lines;
  const shipping = cartAmount(rows.map((row) => row.ShippingRate));
  const discounts = cartAmount(rows.map((row) => row.CartDiscountSeller));
  const coupons = counted.reduce((sum, line) => sum + yen(line.row?.Discount), 0) + cartAmount(rows.map((row) => row.CartDiscountQoo10));
  const total = goods + shipping - discounts;
  return { goods, shipping, fees: null, discounts, points: null, coupons, tax: null, total, billed: total - coupons };
}

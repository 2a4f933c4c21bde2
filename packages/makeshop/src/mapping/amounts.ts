import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { MakeshopWireOrder } from '../api/order-schema.js';
import { unreadableYen, yenOf } from './numbers.js';
import { inconsistentAmounts, missingField, unparsedValue } from './warnings.js';

/** A yen field that may be absent: null plus a warning when absent or unreadable. */
function optionalYen(value: number | string | null | undefined, field: string, what: { ja: string; en: string }, warnings: OrderWarning[]): number | null {
  if (unreadableYen(value)) {
    warnings.push(unparsedValue(field, value as string | number, 'not an amount in yen'));
    return null;
  }
  const yen = yenOf(value);
  if (yen === null) warnings.push(missingField(field, what));
  return yen;
}

/**
 * The order's money in integer yen. goods is Σ price × amount over every destination (makeshop
 * sends no goods total); billed is sumPrice (支払金額); discounts the sum of discountPerTax;
 * total is billed + points + coupons when all three are known. Whether makeshop's discountPerTax
 * includes coupons is UNVERIFIED: the two are reported as sent, and a total that does not add up
 * carries a warning.
 */
export function toAmounts(order: MakeshopWireOrder, warnings: OrderWarning[]): OrderAmounts {
  const goods = order.deliveryInfos.reduce((sum, delivery) => sum + delivery.basketInfos.reduce((lines, line) => lines + line.price * line.amount, 0), 0);
  const postages = order.deliveryInfos.map((delivery) => yenOf(delivery.deliveryPrice));
  const shipping = postages.length > 0 && postages.every((postage) => postage !== null) ? postages.reduce<number>((sum, postage) => sum + (postage ?? 0), 0) : null;
  if (shipping === null) warnings.push(missingField('amounts.shipping', { ja: '送料', en: 'postage' }));
  const fees = optionalYen(order.commission, 'amounts.fees', { ja: '手数料', en: 'fee' }, warnings);
  const points = optionalYen(order.usePoint, 'amounts.points', { ja: '利用ポイント', en: 'points used' }, warnings);
  const coupons = optionalYen(order.couponDiscount, 'amounts.coupons', { ja: 'クーポン割引額', en: 'coupon discount' }, warnings);
  const discounts = order.discountPerTax === null || order.discountPerTax === undefined ? null : order.discountPerTax.reduce((sum, entry) => sum + entry.discount, 0);
  const billed = yenOf(order.sumPrice);
  const total = billed !== null && points !== null && coupons !== null ? billed + points + coupons : null;
  if (total !== null && shipping !== null && fees !== null && discounts !== null && goods + shipping + fees - discounts !== total) {
    warnings.push(inconsistentAmounts(`goods ${goods} + shipping ${shipping} + fees ${fees} − discounts ${discounts} ≠ sumPrice ${billed} + points ${points} + coupons ${coupons}`));
  }
  return { goods, shipping, fees, discounts, points, coupons, tax: null, total, billed };
}

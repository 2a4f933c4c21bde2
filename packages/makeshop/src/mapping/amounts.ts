import type { OrderAmounts, OrderWarning } from '@mallkit/core';
import type { MakeshopWireOrder } from '../api/order-schema.js';
import { unreadableYen, yenOf } from './numbers.js';
import { inconsistentAmounts, missingField, unparsedValue } from './warnings.js';

/** A yen field that may be absent: null plus a warning when absent or not whole yen. */
function optionalYen(value: number | string | null | undefined, field: string, what: { ja: string; en: string }, warnings: OrderWarning[]): number | null {
  if (unreadableYen(value)) {
    warnings.push(unparsedValue(field, value as string | number, 'not a whole amount in yen'));
    return null;
  }
  const yen = yenOf(value);
  if (yen === null) warnings.push(missingField(field, what));
  return yen;
}

/** Σ price × amount over every line, or null when a price is not whole yen (the line already carries the warning). */
function goodsOf(order: MakeshopWireOrder): number | null {
  const lines = order.deliveryInfos.flatMap((delivery) => delivery.basketInfos);
  return lines.every((line) => Number.isInteger(line.price)) ? lines.reduce((sum, line) => sum + line.price * line.amount, 0) : null;
}

/** Σ discountPerTax, or null (with a warning) when one is not whole yen. */
function discountsOf(order: MakeshopWireOrder, warnings: OrderWarning[]): number | null {
  if (order.discountPerTax === null || order.discountPerTax === undefined) return null;
  let sum = 0;
  for (const [index, entry] of order.discountPerTax.entries()) {
    const yen = yenOf(entry.discount);
    if (yen === null) {
      warnings.push(unparsedValue(`amounts.discounts`, entry.discount, `discountPerTax[${index}] is not a whole amount in yen`));
      return null;
    }
    sum += yen;
  }
  return sum;
}

/**
 * The order's money in integer yen. goods is Σ price × amount over every destination (makeshop
 * sends no goods total); billed is sumPrice (支払金額); discounts the sum of discountPerTax;
 * total is billed + points + coupons when all three are known. A value that is not whole yen
 * becomes null with a warning. Whether makeshop's discountPerTax includes coupons is UNVERIFIED:
 * the two are reported as sent, and a total that does not add up carries a warning.
 */
export function toAmounts(order: MakeshopWireOrder, warnings: OrderWarning[]): OrderAmounts {
  const goods = goodsOf(order);
  const postages = order.deliveryInfos.map((delivery) => yenOf(delivery.deliveryPrice));
  const shipping = postages.length > 0 && postages.every((postage) => postage !== null) ? postages.reduce<number>((sum, postage) => sum + (postage ?? 0), 0) : null;
  if (shipping === null) warnings.push(missingField('amounts.shipping', { ja: '送料', en: 'postage' }));
  const fees = optionalYen(order.commission, 'amounts.fees', { ja: '手数料', en: 'fee' }, warnings);
  const points = optionalYen(order.usePoint, 'amounts.points', { ja: '利用ポイント', en: 'points used' }, warnings);
  const coupons = optionalYen(order.couponDiscount, 'amounts.coupons', { ja: 'クーポン割引額', en: 'coupon discount' }, warnings);
  const discounts = discountsOf(order, warnings);
  const billed = optionalYen(order.sumPrice, 'amounts.billed', { ja: '支払金額', en: 'amount billed' }, warnings);
  const total = billed !== null && points !== null && coupons !== null ? billed + points + coupons : null;
  if (total !== null && goods !== null && shipping !== null && fees !== null && discounts !== null && goods + shipping + fees - discounts !== total) {
    warnings.push(inconsistentAmounts(`goods ${goods} + shipping ${shipping} + fees ${fees} − discounts ${discounts} ≠ sumPrice ${billed} + points ${points} + coupons ${coupons}`));
  }
  return { goods, shipping, fees, discounts, points, coupons, tax: null, total, billed };
}

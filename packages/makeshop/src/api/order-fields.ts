import { confirmed, inferred, type SelectionField } from './selection.js';

/*
 * The order fields this package asks makeshop for. `confirmed` ones were seen in a working public
 * client (Kahiro-M/MakeshopOrderList: displayOrderNumber, orderDate, memberId, sumPrice,
 * senderPrefecture, deliveryInfos.basketInfos{productName price amount productCode}) or in
 * makeshop's release notes (discountPerTax, 2024-10-23). `inferred` ones are the legacy order
 * API's fields (apidoc.makeshop.jp/orderinfo) in the naming the confirmed ones follow
 * (sender* for the buyer, as senderPrefecture); makeshop's public reference is cut off before
 * them. When makeshop answers that it does not know one, the connector drops it and asks again
 * (see client.ts), so a wrong guess costs a field, never the sync.
 */

/** One product line of a destination (BasketInfo). */
export const BASKET_FIELDS: readonly SelectionField[] = [
  confirmed('productName'),
  confirmed('price'),
  confirmed('amount'),
  confirmed('productCode'),
];

/** One destination of an order (DeliveryInfo): recipient, requested delivery, recorded shipment, lines. */
export const DELIVERY_FIELDS: readonly SelectionField[] = [
  inferred('receiverName'),
  inferred('receiverKana'),
  inferred('receiverPostalCode'),
  inferred('receiverPrefecture'),
  inferred('receiverCity'),
  inferred('receiverAddress'),
  inferred('receiverTel'),
  inferred('deliveryMethodName'),
  inferred('deliveryPrice'),
  inferred('deliveryDate'),
  inferred('deliveryTime'),
  inferred('carrierCode'),
  inferred('slipNumber'),
  inferred('shippingDate'),
  confirmed('basketInfos', BASKET_FIELDS),
];

/** An order (SearchedOrder). */
export const ORDER_FIELDS: readonly SelectionField[] = [
  confirmed('displayOrderNumber'),
  confirmed('orderDate'),
  confirmed('memberId'),
  confirmed('sumPrice'),
  confirmed('senderPrefecture'),
  inferred('orderStatus'),
  inferred('deliveryStatus'),
  inferred('paymentMethodName'),
  inferred('paymentStatus'),
  inferred('paymentDate'),
  inferred('senderName'),
  inferred('senderKana'),
  inferred('senderPostalCode'),
  inferred('senderCity'),
  inferred('senderAddress'),
  inferred('senderTel'),
  inferred('senderEmail'),
  inferred('commission'),
  inferred('usePoint'),
  inferred('couponDiscount'),
  confirmed('discountPerTax', [confirmed('taxRate'), confirmed('discount')]),
  confirmed('deliveryInfos', DELIVERY_FIELDS),
];

/** A search answer (SearchOrderResponse): the count, the page, the orders. */
export function searchResultFields(orderFields: readonly SelectionField[]): SelectionField[] {
  return [confirmed('searchedCount'), confirmed('page'), confirmed('orders', orderFields)];
}

/**
 * The inferred fields an OMS decides shipping on: without them a 仮注文, an unpaid order, the
 * order's status or a recorded tracking number cannot be told. Losing one is logged as an error
 * and shown in `capabilities.verification`.
 */
export const STATE_FIELDS: readonly string[] = ['orderStatus', 'deliveryStatus', 'paymentStatus', 'paymentMethodName', 'slipNumber'];

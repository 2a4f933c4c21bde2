import { ITEM_LIST_FIELDS } from '../api/fields.js';
import type { BUYER_FIELDS, DETAIL_FIELDS, ITEM_FIELDS, ORDER_FIELDS, PAY_FIELDS, SELLER_FIELDS, SHIP_FIELDS } from '../api/fields.js';

/*
 * The orderInfo fields the connector reads: what toOrder (order.ts, party.ts, status.ts,
 * changed-at.ts) and the write decisions (writes.ts) look at, and nothing else. Asking Yahoo for
 * the 305 keys of the catalogue made each answer about eight times longer than what is used, and
 * reading it was most of getOrders' CPU (issue 15; decision 0303). Each list is typed by its group
 * of the catalogue, so a misspelt key does not compile; a test maps orders read with this list and
 * with the whole catalogue and requires the same normalized order, so a field the mapping starts
 * reading cannot be forgotten here.
 */

type Keys<List extends readonly string[]> = readonly List[number][];

/** The bill-to (`Bill…`, under Pay) and ship-to (`Ship…`, under Ship) keys read by toParty. */
const ADDRESS_KEYS = ['FirstName', 'FirstNameKana', 'LastName', 'LastNameKana', 'ZipCode', 'Prefecture', 'City', 'Address1', 'Address2', 'PhoneNumber'] as const;

/** Read directly under `OrderInfo`. */
const MAPPED_ORDER_FIELDS = [
  'OrderId', 'OrderTime', 'OrderStatus', 'IsSeen', 'FraudHoldStatus', 'LastUpdateTime', 'PublicationTime', 'SendConfirmTime',
  'Suspect', 'IsReadOnly', 'IsMultiShip', 'SocialGiftType', 'BuyerComments', 'Notes',
] as const satisfies Keys<typeof ORDER_FIELDS>;

/** Read under `OrderInfo/Pay`: the payment and the buyer (bill-to party, its mail address included). */
const MAPPED_PAY_FIELDS = [
  'PayMethod', 'PayStatus', 'PayType', 'PayDate', ...ADDRESS_KEYS.map((key) => `Bill${key}` as const), 'BillMailAddress',
] as const satisfies Keys<typeof PAY_FIELDS>;

/** Read under `OrderInfo/Ship`: the delivery, its shipments and the recipient (Yahoo has no ship-to mail address). */
const MAPPED_SHIP_FIELDS = [
  'ShipStatus', 'ShipMethod', 'ShipMethodName', 'ShipRequestDate', 'ShipRequestTime', 'ShipRequestTimeZoneCode',
  'ShipCompanyCode', 'ShipDate', 'ShipInvoiceNumber1', 'ShipInvoiceNumber2', 'ArriveType', 'ExcellentDelivery',
  'NeedGiftWrap', 'NeedGiftWrapPaper', ...ADDRESS_KEYS.map((key) => `Ship${key}` as const),
] as const satisfies Keys<typeof SHIP_FIELDS>;

/** Read under `OrderInfo/Detail`: the amounts. */
const MAPPED_DETAIL_FIELDS = [
  'ShipCharge', 'PayCharge', 'GiftWrapCharge', 'Discount', 'UsePoint', 'TotalMallCouponDiscount', 'GiftCardDiscount',
  'TotalPrice', 'SettleAmount', 'Adjustments',
] as const satisfies Keys<typeof DETAIL_FIELDS>;

/** Read in each `OrderInfo/Item`, with its options and inscriptions. */
const MAPPED_ITEM_FIELDS = [
  'LineId', 'ItemId', 'SubCode', 'Title', 'Quantity', 'UnitPrice', 'ItemTaxRatio', ...ITEM_LIST_FIELDS,
] as const satisfies Keys<[...typeof ITEM_FIELDS, ...typeof ITEM_LIST_FIELDS]>;

/** Nothing under Seller or Buyer is mapped (the shop is named by the connector's options). */
const MAPPED_SELLER_AND_BUYER_FIELDS = [] as const satisfies Keys<[...typeof SELLER_FIELDS, ...typeof BUYER_FIELDS]>;

/** Every orderInfo field key the mapping and the write decisions read, in catalogue group order. */
export const MAPPED_ORDER_INFO_FIELDS: readonly string[] = Object.freeze([
  ...MAPPED_ORDER_FIELDS,
  ...MAPPED_PAY_FIELDS,
  ...MAPPED_SHIP_FIELDS,
  ...MAPPED_DETAIL_FIELDS,
  ...MAPPED_ITEM_FIELDS,
  ...MAPPED_SELLER_AND_BUYER_FIELDS,
]);

/**
 * The `<Field>` the connector sends to orderInfo: the mapped fields, then the caller's extra keys
 * (`extraOrderInfoFields`) that are not among them, comma-separated.
 */
export function orderInfoFieldList(extra: readonly string[] = []): string {
  return [...new Set([...MAPPED_ORDER_INFO_FIELDS, ...extra])].join(',');
}

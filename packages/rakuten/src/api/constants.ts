/*
 * The fixed facts of the 楽天ペイ受注API that the endpoints, the connector and the sandbox share.
 * Every limit below is enforced by Rakuten's servers (specs/rakuten.md §3, §4.2, §4.5, §8.4); the
 * connector splits its work to stay inside them and the sandbox refuses requests that break them.
 */

/** Paths of the endpoints this package uses, relative to the RMS API host. Official URLs end with a slash. */
export const RAKUTEN_PATHS = {
  searchOrder: 'es/2.0/order/searchOrder/',
  getOrder: 'es/2.0/order/getOrder/',
  confirmOrder: 'es/2.0/order/confirmOrder/',
  updateOrderShipping: 'es/2.0/order/updateOrderShipping/',
  getPayment: 'es/2.0/order/getPayment/',
  licenseExpiryDate: 'es/1.0/license-management/license-key/expiry-date',
} as const;

/** Server-side limits of the order API. */
export const RAKUTEN_LIMITS = {
  /** searchOrder: endDatetime at most 63 days after startDatetime. */
  searchWindowDays: 63,
  /** searchOrder: startDatetime within the past 730 days; getOrder: orders of the past 730 days. */
  lookbackDays: 730,
  /** searchOrder: PaginationRequestModel.requestRecordsAmount maximum. */
  pageSize: 1000,
  /** searchOrder: order numbers past the 15,000th of one search cannot be fetched. */
  searchResultCap: 15_000,
  /** getOrder / confirmOrder: orderNumberList maximum. */
  batchSize: 100,
  /** updateOrderShipping: お荷物伝票番号 (shippingNumber) maximum length. */
  shippingNumberMaxLength: 120,
} as const;

/** The getOrder version this package asks for: 10 (ソーシャルギフト対応), the latest documented. */
export const GET_ORDER_VERSION = 10;

/** The getPayment version this package asks for: 4 (PayPal / Alipay), the latest known. */
export const GET_PAYMENT_VERSION = 4;

/** Rakuten's "not set / not yet fixed" value in price fields (送料未設定 is the common case). */
export const UNSET_PRICE = -9999;

/** The Content-Type every RMS request carries; without `charset` searchOrder has been seen to answer 415. */
export const RAKUTEN_CONTENT_TYPE = 'application/json; charset=utf-8';

/*
 * makeshop's numbers, each with where it comes from. The GraphQL reference states only the page
 * size and the x-timestamp lifetime; the rate is the legacy API's rule (see README, Sources).
 */

/** The most orders one `searchOrder` page returns: `limit` 1–1000 (GraphQL reference, SearchOrderRequest). */
export const MAKESHOP_PAGE_LIMIT = 1000;

/**
 * Requests per second by default: the legacy API allowed 1 per second for the whole shop API
 * (apidoc.makeshop.jp/about). No figure is published for GraphQL; change it with `rateLimit`.
 */
export const MAKESHOP_RATE_PER_SECOND = 1;

/** How long an `x-timestamp` stays valid, in seconds (GraphQL reference: 有効期限は1時間). */
export const MAKESHOP_TIMESTAMP_VALIDITY_SECONDS = 3600;

/**
 * `deliveryStatus` of SearchOrderRequest (GraphQL reference, via Kahiro-M/MakeshopOrderList):
 * `N` 未処理, `Y` 配送, `C` キャンセル, `R` 返送.
 */
export const DELIVERY_STATUSES = ['N', 'Y', 'C', 'R'] as const;

/** One of makeshop's delivery statuses. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

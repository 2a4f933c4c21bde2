/*
 * The numbers of the Wow!manager API, each with where it comes from. au PAY publishes its API
 * specification only to shops (Excel files behind Wow!manager), so most of these were read from
 * working third-party clients; the package README's "Sources" lists them.
 */

/** Production root of the Wow!manager shop API (every public client uses it). */
export const AUPAY_PRODUCTION_BASE_URL = 'https://api.manager.wowma.jp/wmshopapi/';

/**
 * Staging root. It has its own test shop ID and test API key; how a shop obtains a test account
 * is not public (one third-party client keeps a commented `# テスト用` line pointing here).
 */
export const AUPAY_STAGING_BASE_URL = 'https://sg.manager.wowma.jp/wmshopapi/';

/**
 * Orders per searchTradeInfoListProc page (`totalCount`). UNCERTAIN: no public document states
 * the maximum; the order clients that set it use 1000 (yirry007/ksnerp_test
 * `app/Services/Markets/Wowma/Order.php`, a Java client, a Python client), one uses 500 and one
 * 100. If the mall refuses it, lower it with the connector's `pageSize` option.
 */
export const AUPAY_PAGE_SIZE = 1000;

/**
 * Days per order-date search. The API documents no limit; one-month windows are what the one
 * public client with a backfill uses (nakyahara/bfaith-portal `apps/warehouse/aupay-orders.js`),
 * and they keep each search's paging short.
 */
export const AUPAY_SEARCH_WINDOW_DAYS = 31;

/**
 * Requests per second per API key. au PAY publishes no number; clients pace at one call per
 * 0.9–1.0 s (`API_INTERVAL = 1.0` in ryojrcreators/daily-wholesale-report `case_orders_wowma.py`).
 */
export const AUPAY_RATE_PER_SECOND = 1;

/** An API key lives 90 days from issuance (Wow!manager shows 有効期限, 「通常は発行日から90日間」). */
export const AUPAY_KEY_LIFETIME_DAYS = 90;

/** `dateType` of an order-date search: 0 = 受注日 (the only value seen in working code). */
export const AUPAY_DATE_TYPE_ORDERED = 0;

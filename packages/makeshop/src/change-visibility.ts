import type { ChangeVisibility } from '@mallkit/core';

/*
 * How an incremental sync (core's syncOrders) sees new and changed makeshop orders.
 *
 * SearchOrderRequest filters by `startOrderDate` / `endOrderDate` only (spec v2 §3.3; the
 * Kahiro-M/MakeshopOrderList document). No update-time search is known: the migration guide's field
 * comparison chart maps `modified_date` → `updatedAt` for products, and its order part was not
 * available (deep §2.0); even an `updatedAt` on orders would not be a search input. Nor can the
 * search filter by 入金日 or 発送日 (both inferred output fields at best, spec v2 §3.4). So the only
 * date that reaches every order is the order date, which never moves: each sync re-reads the orders
 * placed within a look-back and compares them with what it delivered. That also shows what makeshop
 * deletes — an unpaid 仮注文 (GoQ 4850, deep §2.2) — as `removed`.
 */

/**
 * No lag is published for searchOrder. A look-back sync is indifferent to one anyway: every sync
 * re-reads the whole look-back, so an order that shows a few minutes late is met by the next sync.
 * (The 注文更新通知 webhook is sent on a two-minute cycle; that is the webhook's, not the search's.)
 */
export const MAKESHOP_VISIBILITY_LAG_MS = 0;

/**
 * Days a sync re-reads by default. 30 covers what happens to an order after it is placed on
 * makeshop: a 仮注文 paid or deleted (minutes to hours), bank-transfer and convenience-store payments
 * (deadlines of one to two weeks), shipping, cancellations, returns (R) after delivery and the
 * remittance of cash on delivery. It is nearly free: a page holds 1,000 orders, so a shop with fewer
 * than 1,000 orders per delivery status in 30 days pays the same 4 searches per sync (one per
 * status; 1 with `searchPerDeliveryStatus: false`) as with 1 day. What grows is the cursor, which
 * holds a short signature (about 85 bytes) of each order of the look-back.
 */
export const MAKESHOP_LOOKBACK_DAYS = 30;

/** How syncOrders sees changes on makeshop: `capabilities.changes`. */
export const MAKESHOP_CHANGES: ChangeVisibility = {
  searches: [{ dateType: 'ordered', mode: 'lookback' }],
  visibilityLagMs: MAKESHOP_VISIBILITY_LAG_MS,
  lookbackDays: MAKESHOP_LOOKBACK_DAYS,
  blindSpots: {
    ja:
      'makeshop の注文検索は注文日でしか絞れず、更新日時での検索がありません。遡及期間（既定30日）より前に注文された注文の変更' +
      '（キャンセル・返送・入金・出荷・住所変更）は検知できません。makeshop の注文更新通知 Webhook を併用してください。' +
      '決済が完了しなかった仮注文は makeshop が削除するため、遡及期間内なら removed として届きます。',
    en:
      'makeshop searches orders by order date only; there is no update-time search. Changes (cancellation, return, payment, ' +
      'shipping, address) to orders placed before the look-back (30 days by default) are not seen: use makeshop’s 注文更新通知 ' +
      '(order update) webhook as well. A 仮注文 whose payment never completed is deleted by makeshop and arrives as `removed` ' +
      'while within the look-back.',
  },
};

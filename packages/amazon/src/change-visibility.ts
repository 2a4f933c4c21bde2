import type { ChangeVisibility } from '@mallkit/core';

/*
 * How an incremental sync (core's syncOrders) sees new and changed Amazon orders.
 *
 * Amazon searches by update time, and its update time moves on every change: v2026 searchOrders'
 * `lastUpdatedAfter` returns "orders updated at or after this time. An update is any change made by
 * Amazon or the seller, including changes to order status", and `lastUpdatedTime` is "the most
 * recent time when any aspect of this order was modified by Amazon or the seller"
 * (orders_2026-01-01.json). The creation of an order is an update too (ordersV0.json
 * `LastUpdatedAfter`: "any change in order status, including the creation of a new order"). So one
 * search by update time since the last sync brings every new order and every changed one, however
 * old: nothing needs re-reading, and `createdAfter` would miss every status change of an order
 * placed before the window (issue 14).
 */

/**
 * How long after a change Amazon's search shows it: `lastUpdatedBefore` (and `createdBefore`) must
 * be "at least two minutes before the time of the request" (orders_2026-01-01.json, ordersV0.json),
 * so a change of the last two minutes cannot be asked for yet. Five seconds spare absorb the drift
 * between this machine's clock and Amazon's. The connector's listing stops there too, and a sync's
 * windows overlap by twice this.
 */
export const AMAZON_VISIBILITY_LAG_MS = 2 * 60_000 + 5_000;

/**
 * Where a first sync without `start` begins, in days (later syncs start from the cursor and reach
 * changes of orders of any age). Fourteen days bring every order an OMS may still have to act on —
 * unshipped, awaiting payment, asking to be cancelled, shipped or cancelled lately — and keep the
 * first sync of a shop of up to about 140 changed orders a day within searchOrders' burst of 20
 * pages of 100 (its rate is then one page per 180 s: 0.0056/s, orders_2026-01-01.json usage plan).
 * Pass `start` for a longer first import.
 */
export const AMAZON_LOOKBACK_DAYS = 14;

/** What neither read path shows, in the words the README and guides repeat. */
const BLIND_SPOTS = {
  ja:
    '更新日時（lastUpdatedAfter）で検索するため、注文日がいつでも注文の変更を検知します。ただし Amazon は直近2分の変更を検索させないため、' +
    'その間の変更は次回の同期で届きます。返品・返金は Orders API の注文に含まれないため検知できません（返品レポートや Finances API で確認してください）。' +
    'fulfilledBy の既定は MERCHANT（自社出荷）のため、FBA 注文は fulfilledBy に AMAZON を含めた場合だけ同期されます。',
  en:
    'Searched by update time (lastUpdatedAfter): changes of orders of any age are seen. Amazon does not let the last two minutes be searched, ' +
    'so a change made then arrives with the next sync. Returns and refunds are not part of an Orders API order and are not seen (use the ' +
    'returns reports or the Finances API). fulfilledBy defaults to MERCHANT: FBA orders are synced only when fulfilledBy includes AMAZON.',
} as const;

/** How syncOrders sees changes on Amazon, Orders API v2026-01-01 (the default path): `capabilities.changes`. */
export const AMAZON_CHANGES: ChangeVisibility = Object.freeze({
  searches: Object.freeze([Object.freeze({ dateType: 'updated', mode: 'since' } as const)]),
  visibilityLagMs: AMAZON_VISIBILITY_LAG_MS,
  lookbackDays: AMAZON_LOOKBACK_DAYS,
  blindSpots: Object.freeze({ ...BLIND_SPOTS }),
});

/**
 * The same on the deprecated v0 path, with what v0 does not show. Its reads carry no packages, and
 * without a Restricted Data Token no address (the README's "v0 PII"): a shipment arrives as its
 * status only, and an address change is not seen. And ordersV0.json defines v0's update as "any
 * change in order status, including the creation of a new order", where v2026 says any change: if
 * v0's LastUpdateDate stays put when the status does (UNVERIFIED), a buyer's cancellation request
 * reaches the v0 path only with the order's next status change.
 */
export const AMAZON_V0_CHANGES: ChangeVisibility = Object.freeze({
  ...AMAZON_CHANGES,
  blindSpots: Object.freeze({
    ja:
      `${BLIND_SPOTS.ja}v0 の読み取りには荷物（追跡番号）がなく、RDT なしでは住所も返らないため、出荷はステータスの変化としてだけ届き、住所の変更は検知できません。` +
      'また v0 の仕様は更新を「注文ステータスの変更」と定義しているため、ステータスが変わらない変更（購入者のキャンセル申請）は次のステータス変更まで届かない可能性があります' +
      '（未確認。v2026 は注文のあらゆる変更を更新とします）。',
    en:
      `${BLIND_SPOTS.en} v0 reads carry no packages and, without a Restricted Data Token, no address: a shipment arrives as its status only, and an ` +
      "address change is not seen. v0's model defines an update as a change in order status: a change that leaves the status as it is (a buyer's " +
      'cancellation request) may arrive only with the next status change (unverified; v2026 counts any change).',
  }),
});

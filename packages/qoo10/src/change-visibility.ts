import type { ChangeVisibility } from '@mallkit/core';

/**
 * Days an incremental sync re-reads by order date by default. Qoo10 expects a shipment within 3
 * business days of payment (penalties from the 4th: article-university.qoo10.jp/entry/84, spec
 * §2.7) and cancels an order whose payment deadline passes (a dated claim, seen anyway); so the
 * changes that leave no date — the 発送予定日 set at confirmation, an address changed before
 * shipment — fall within about a week of the order. Two weeks leave room for holidays and a late
 * payment, and still fit one order-date window (six searches) while the shop has fewer than 500
 * lines of one status in them. Shops that confirm pre-orders weeks ahead should raise it.
 */
export const QOO10_SYNC_LOOKBACK_DAYS = 14;

/**
 * How an incremental sync sees Qoo10's changes. Qoo10 keeps no update time (spec §2.3: searches by
 * 注文日, 決済日, 発送日, 配送完了日 only, claims by 注文日, クレーム要請日, 取消/返金完了日), so:
 * - `lookback` on `ordered`: the carts placed within the look-back, read whole every sync — the
 *   only way to see a change Qoo10 stamps no date on (a 発送予定日 set, also in QSM, which moves a
 *   line from 配送要請 to 配送準備; an address change; a claim moving on);
 * - `since` on `updated`: the carts Qoo10 stamped a payment, shipment, delivery or claim date on
 *   since the last sync — those changes of carts of any age, at six searches a window
 *   (mapping/change-search.ts), each cart read whole again by its order date when its rows do not
 *   show every line (mapping/cart-completion.ts).
 * No lag: Qoo10 publishes none and stamps its dates at the event (ShippingDate is the time of the
 * SetSendingInfo call, spec §2.3); the sync's default 10-minute overlap absorbs a small one.
 */
export const QOO10_CHANGES: ChangeVisibility = {
  // The look-back first: a cart both searches find is read whole by it, and the sync keeps the first reading.
  searches: [
    { dateType: 'ordered', mode: 'lookback' },
    { dateType: 'updated', mode: 'since' },
  ],
  visibilityLagMs: 0,
  lookbackDays: QOO10_SYNC_LOOKBACK_DAYS,
  blindSpots: {
    ja:
      'Qoo10 には更新日時がありません。入金・発送・配送完了・クレーム（キャンセル・返品の要請と完了）は日付で検索できるので、古い注文でも検知します。' +
      '日付の残らない変更 — 発送予定日の設定（発注確認。QSM での入力も含み、配送要請→配送準備に移ります）、住所の変更（決済待ちのうちは購入者、その後は Qoo10 カスタマーセンター）、' +
      'クレームの途中経過（取消中・返品中・交換）— は、遡及期間（既定14日）より前の注文では検知できません。',
    en:
      'Qoo10 keeps no update time. Payments, shipments, deliveries and claims (cancellations and returns asked for and finished) carry dates a search can use, ' +
      'so they are seen on orders of any age. Changes that leave no date — a 発送予定日 set (confirmation, also in QSM, which moves the order from 配送要請 to 配送準備), ' +
      "an address changed (by the buyer while unpaid, later by Qoo10's customer center), a claim moving on (取消中, 返品中, exchanges) — " +
      'are not seen on orders placed before the look-back (14 days by default).',
  },
};

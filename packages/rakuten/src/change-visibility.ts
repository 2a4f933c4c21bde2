import type { ChangeVisibility } from '@mallkit/core';

/*
 * How an incremental sync (core's syncOrders) sees new and changed Rakuten orders.
 *
 * searchOrder has no update time: its dateType is one of 1 注文日, 2 注文確認日, 3 注文確定日,
 * 4 発送日, 5 発送完了報告日, 6 決済確定日 (specs/rakuten.md §4.2, §7), and the OrderModel carries no
 * "last changed" field (§4.3). A cancellation, a new destination (updateOrderSender), a changed
 * amount or memo moves none of those dates, so the only way to see them is to re-read the orders
 * placed within a look-back (注文日, which never moves) and compare them with what was delivered.
 *
 * Two dates do move when an older order changes, and each costs one searchOrder per sync (a page,
 * usually empty, over the minutes since the last sync):
 * - 発送完了報告日 (dateType 5, `shippingCmplRptDatetime`): stamped to the second when the shop
 *   reports the shipment (through the API or RMS) and the order moves to 500 発送済 — the
 *   shipment of a 予約商品 or 取り寄せ order placed months ago. 発送日 (dateType 4) would not do: it
 *   is the calendar day the shop types (`shippingDate`, YYYY-MM-DD, earlier than the report when
 *   yesterday's parcels are reported this morning), so a window of minutes misses it (the sandbox
 *   reads the day as its midnight; how Rakuten compares a date with the window's times is not
 *   public, but a back-dated day is missed either way).
 * - 決済確定日 (dateType 6; getPayment's `paymentFixDatetime`, §4.8): when Rakuten settles the
 *   payment — a prepaid order's money arriving (200 楽天処理中 → 300 発送待ち) and the settlement
 *   after shipment (→ 700 支払手続き済).
 * Not used: 注文確認日 (2), since confirmations are the shop's own act and happen within days of
 * the order, well inside the look-back; 注文確定日 (3), which core's date types cannot name, and
 * whose move (200 → 300) comes with a 決済確定 for prepaid orders and within minutes of 注文確認
 * for the others.
 */

/**
 * Days a Rakuten sync re-reads by default. The re-read is the cost of every poll — a searchOrder
 * page per 1,000 orders and a getOrder per 100 orders placed in the look-back, at Rakuten's 1
 * request per second — so 14 days keeps a shop of 1,000 orders a day at about 155 requests (under
 * three minutes) per poll, within an OMS's 5–15 minute cycle. What only the look-back sees are
 * changes before shipment (a cancellation, a new destination, 注文確認), which come within days of
 * the order; shipments and settlements of older orders are found by the 発送完了報告日 and 決済確定日
 * searches at any age. Shops with 予約商品 or made-to-order goods should raise it toward 62 days,
 * one searchOrder window and Next Engine's own reach for Rakuten cancellations ("受注日より62日以内",
 * https://manual.next-engine.net/orders/ord_torikomi-shori/juchu_torikomi/juchu__rakuten/21499/).
 */
export const RAKUTEN_LOOKBACK_DAYS = 14;

/**
 * How long after a change searchOrder shows it: no delay is reported by any client or integrator
 * (UNVERIFIED, listed in the capabilities). syncOrders' default overlap of 10 minutes covers a
 * short one in production.
 */
export const RAKUTEN_VISIBILITY_LAG_MS = 0;

/** How syncOrders sees changes on Rakuten: a look-back by order date, plus shipment reports and payment settlements since the last sync. */
export const RAKUTEN_CHANGE_VISIBILITY: ChangeVisibility = Object.freeze({
  searches: Object.freeze([
    Object.freeze({ dateType: 'ordered', mode: 'lookback' } as const),
    Object.freeze({ dateType: 'shipped', mode: 'since' } as const),
    Object.freeze({ dateType: 'paid', mode: 'since' } as const),
  ]),
  visibilityLagMs: RAKUTEN_VISIBILITY_LAG_MS,
  lookbackDays: RAKUTEN_LOOKBACK_DAYS,
  blindSpots: Object.freeze({
    ja:
      '楽天の注文には更新日時がないため、注文日が遡及期間（既定14日）より前の注文のキャンセル・送付先や金額の変更・ひとことメモの変更・注文確認は検知できません。' +
      'そうした注文でも、発送完了報告（発送完了報告日）と決済確定（決済確定日）は検知します。予約商品・取り寄せ品など発送まで日数のかかる注文がある場合は lookbackDays を延ばしてください（最大62日で検索1回分）。',
    en:
      'Rakuten orders carry no update time: cancellations, new destinations or amounts, memo edits and 注文確認 of orders placed before the look-back (14 days by default) are not seen. ' +
      'Shipment reports (発送完了報告日) and payment settlements (決済確定日) are seen at any age. Shops whose orders ship weeks later (予約商品, made to order) should lengthen lookbackDays (up to 62 days fits one searchOrder window).',
  }),
});

import type { ChangeVisibility } from '@mallkit/core';

/*
 * How an incremental sync (core's syncOrders) sees new and changed au PAY orders.
 *
 * au PAY orders carry no update time: no field of `orderInfo` moves when an order changes, and the
 * only search date seen in working code is dateType 0, 受注日 (spec v2 §0 and §1.9: "No update
 * timestamp, so incremental sync is by order-date window only"; a production tool re-checks orders
 * after 7 days because 「auPAY には更新日時が無いので、時間経過だけが再確認のきっかけ」). Other
 * dateType values "probably exist" for payment or ship dates (spec v1 §1.3) but no client sends
 * one, so none is used. The order date never moves, so the only way to see a change is to re-read
 * the orders placed within a look-back and compare them with what was delivered — one search of
 * whole order days per sync, a page per 1,000 orders placed in the look-back.
 *
 * Next Engine detects au PAY cancellations by searching orderStatus = キャンセル (spec v2 §1.4), and
 * that search too is bounded by order dates: it sees cancellations of older orders only by
 * re-reading every cancelled order of a long span, and core's ChangeSearch has no status filter.
 */

/**
 * Days an au PAY sync re-reads by default. What an OMS must learn from au PAY happens within days
 * of the order: the confirmation, the payment of a prepaid order, au PAY's fraud review, the
 * buyer's cancellation request, the shipment. Two weeks is twice the 7 days after which a
 * production tool stops expecting changes (spec v2 §1.9), and the whole look-back is one search of
 * 15 order days — one request per sync for a shop with fewer than about 1,000 orders a fortnight;
 * longer look-backs mostly cost bytes (about 2.4 KB of XML per order on every poll).
 */
export const AUPAY_LOOKBACK_DAYS = 14;

/**
 * How long after a change au PAY's search shows it: none known. The order searches read the
 * orders Wow!manager shows, and no client or integrator reports a delay (UNVERIFIED); syncOrders'
 * default overlap does not matter here, since every sync re-reads the whole look-back.
 */
export const AUPAY_VISIBILITY_LAG_MS = 0;

/** How syncOrders sees changes on au PAY: a look-back by order date, the only date au PAY searches. */
export const AUPAY_CHANGE_VISIBILITY: ChangeVisibility = Object.freeze({
  searches: Object.freeze([Object.freeze({ dateType: 'ordered', mode: 'lookback' } as const)]),
  visibilityLagMs: AUPAY_VISIBILITY_LAG_MS,
  lookbackDays: AUPAY_LOOKBACK_DAYS,
  blindSpots: Object.freeze({
    ja: 'au PAY の注文には更新日時がないため、注文日が遡及期間（既定14日）より前の注文の変更（キャンセル、入金、発送、お届け先の変更、代引・後払いの入金後の完了など）は検知できません。予約販売の注文など後から動く注文がある場合は lookbackDays を延ばしてください。',
    en: 'au PAY orders carry no update time: changes (cancellation, payment, shipment, a new destination, the 完了 of a cash-on-delivery or 後払い order once paid) to orders placed before the look-back (14 days by default) are not seen. Lengthen lookbackDays if orders change later (reservations, 予約販売).',
  }),
});

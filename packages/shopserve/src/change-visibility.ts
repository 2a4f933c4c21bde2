import type { ChangeVisibility } from '@mallkit/core';
import type { ShopserveWireProfile } from './api/wire-profile.js';

/*
 * How an incremental sync (core's syncOrders) sees new and changed Shopserve orders.
 *
 * With a search by 受注更新日時 (the profile's default, `wire.updatedSearch`), one search from the
 * last sync's end sees every change that moves 受注更新日時 — a new order, a confirmation, a payment,
 * a shipment, a cancellation, an edit in the 受注台帳 — on an order of any age, and costs one page per
 * 100 changed orders: nothing cheaper exists. Whether Shopserve has that search is UNVERIFIED (see
 * wire-profile.ts). Without it, the only date that reaches every order is 注文日時, which never
 * moves: the sync re-reads the orders placed within a look-back, as au PAY's does. The 受注台帳's other
 * periods (入金日, 発送予定日, 発送完了日) would catch payments and shipments of older orders, but no
 * public material shows them in the API, and cancellations and edits would still be missed.
 */

/**
 * No lag is published, and none is to be expected: 注文情報検索 reads the same 受注台帳 the admin
 * screen shows (Amazon's two minutes come from its own documentation). UNVERIFIED; syncOrders'
 * default overlap of ten minutes (`overlapMs`) absorbs a small one all the same.
 */
export const SHOPSERVE_VISIBILITY_LAG_MS = 0;

/**
 * The first sync's default reach with the update-time search: one one-week window, as far back as
 * commerce robo's first fetch goes ("now − 1 week") and as logiless reads on every fetch.
 */
export const SHOPSERVE_FIRST_SYNC_DAYS = 7;

/**
 * The look-back without the update-time search: two one-week windows per sync (a page of 100 orders
 * per 100 orders placed in them). Two weeks cover what happens to most orders after they are placed:
 * confirmation, payment of prepaid orders, shipping, and cancellations before shipping.
 */
export const SHOPSERVE_LOOKBACK_DAYS = 14;

/** How syncOrders sees changes on Shopserve with this wire profile. */
export function shopserveChangeVisibility(wire: ShopserveWireProfile): ChangeVisibility {
  if (wire.updatedSearch) {
    return {
      searches: [{ dateType: 'updated', mode: 'since' }],
      visibilityLagMs: SHOPSERVE_VISIBILITY_LAG_MS,
      lookbackDays: SHOPSERVE_FIRST_SYNC_DAYS,
      blindSpots: {
        ja: '受注更新日時が動かない変更は検知できません（どの変更で動くかは未確認です）。受注更新日時での検索自体も未確認で、ない場合は wire.updatedSearch: false にしてください（注文日での遡及に切り替わります）。',
        en: 'A change that does not move 受注更新日時 is not seen (which changes move it is unverified). The update-time search itself is unverified too: without it, set wire.updatedSearch: false (the sync then re-reads orders placed within the look-back).',
      },
    };
  }
  return {
    searches: [{ dateType: 'ordered', mode: 'lookback' }],
    visibilityLagMs: SHOPSERVE_VISIBILITY_LAG_MS,
    lookbackDays: SHOPSERVE_LOOKBACK_DAYS,
    blindSpots: {
      ja: '受注更新日時で検索しない設定（wire.updatedSearch: false）のため、遡及期間（既定14日）より前に注文された注文の変更（キャンセル・入金・発送・住所変更）は検知できません。',
      en: 'With wire.updatedSearch: false, changes (cancellation, payment, shipping, address) to orders placed before the look-back (14 days by default) are not seen.',
    },
  };
}

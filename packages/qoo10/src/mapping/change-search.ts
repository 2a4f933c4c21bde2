import type { CallOptions, TimeWindow } from '@mallkit/core';
import type { ClaimSearchCondition } from '../api/claim-info.js';
import type { ShippingSearchCondition, ShippingStatusCode } from '../api/shipping-info.js';
import { groupIntoPacks } from './pack.js';
import { rowCollector, searchClaimsBy, type WindowResult, type WindowSearchSettings, type WindowSearcher } from './search.js';

/** One GetShippingInfo_v3 search of the dated changes: a date and the one status a line changed on that date can be in. */
interface DatedShippingSearch {
  readonly condition: ShippingSearchCondition;
  readonly status: ShippingStatusCode;
}

/**
 * Qoo10 keeps no update time, but it stamps a date on a line when it is paid (決済日, SearchCondition
 * 2), shipped (発送日, 3) and delivered (配送完了日, 4: the buyer's receipt), and on a claim when it is
 * requested (クレーム要請日, search_condition 2) and finished (取消/返金完了日, 3) (spec §2.3 and
 * v1 §2.4). A line stamped within the window is in exactly one of these statuses now: paid and not
 * shipped since (2 配送要請, or 3 配送準備 when confirmed since), shipped and not delivered since (4),
 * delivered (5). A line that moved further within the window is found by its later date, so one
 * status per date is enough — four searches instead of fifteen.
 */
const DATED_SHIPPING_SEARCHES: readonly DatedShippingSearch[] = [
  { condition: '2', status: 2 },
  { condition: '2', status: 3 },
  { condition: '3', status: 4 },
  { condition: '4', status: 5 },
];

/** The claim dates: requested (a cancellation or return asked for), finished (cancelled, returned, refunded). */
const DATED_CLAIM_CONDITIONS: readonly ClaimSearchCondition[] = ['2', '3'];

/** Requests one window of dated changes costs with the default claim search (one per date; `per-claim-stat` sends twelve per date). */
export const DATED_SEARCHES_PER_WINDOW = DATED_SHIPPING_SEARCHES.length + DATED_CLAIM_CONDITIONS.length;

/**
 * Searches one window for the lines Qoo10 stamped a date on within it (paid, shipped, delivered,
 * claim requested or finished), grouped into carts. The carts may lack lines that changed at
 * another time: see cart-completion.ts.
 */
export async function searchDatedChanges(searcher: WindowSearcher, window: TimeWindow, settings: WindowSearchSettings, call: CallOptions): Promise<WindowResult> {
  const collector = rowCollector(window, settings);
  const lines: unknown[] = [];
  for (const { condition, status } of DATED_SHIPPING_SEARCHES) {
    lines.push(...collector.rowsOf(await searcher.searchShipping({ status, from: window.from, to: window.to, condition }, call), 'GetShippingInfo_v3'));
  }
  const claims: unknown[] = [];
  for (const condition of DATED_CLAIM_CONDITIONS) claims.push(...(await searchClaimsBy(searcher, window, condition, settings, collector, call)));
  return { packs: groupIntoPacks(lines, claims), largest: collector.largest };
}

import { tryParseJst, type CallOptions, type Logger, type OrderDateType, type TimeWindow } from '@mallkit/core';
import { CLAIM_STAT_CODES, type ClaimSearch, type ClaimSearchCondition } from '../api/claim-info.js';
import { looksCut, type RowsAnswer } from '../api/common.js';
import { SHIPPING_STATUS_CODES, type ShippingSearch } from '../api/shipping-info.js';
import type { Qoo10ClaimSearch } from '../options.js';
import { groupIntoPacks, type WirePack } from './pack.js';

/** The searches one window needs, as the client sends them. */
export interface WindowSearcher {
  searchShipping(search: ShippingSearch, call: CallOptions): Promise<RowsAnswer>;
  searchClaims(search: ClaimSearch, call: CallOptions): Promise<RowsAnswer>;
}

/** How windows are searched: the claim search, the row cap, where warnings go. */
export interface WindowSearchSettings {
  readonly claimSearch: Qoo10ClaimSearch;
  readonly resultCap: number;
  readonly logger: Logger;
}

/** A window's carts and the largest row count of its answers (compared with the row cap). */
export interface WindowResult {
  readonly packs: WirePack[];
  readonly largest: number;
}

/** Collects the rows of one window's answers, keeping the largest count and warning of answers that look cut. */
export interface RowCollector {
  rowsOf(answer: RowsAnswer, what: string): unknown[];
  readonly largest: number;
}

/**
 * A collector for one window. An answer with a round number of rows under the cap is logged as
 * possibly cut by a limit Qoo10 does not publish.
 */
export function rowCollector(window: TimeWindow, settings: WindowSearchSettings): RowCollector {
  let largest = 0;
  return {
    get largest() {
      return largest;
    },
    rowsOf(answer, what) {
      const rows = answer.ResultObject ?? [];
      largest = Math.max(largest, rows.length);
      if (looksCut(rows.length, settings.resultCap)) {
        settings.logger.warn(`qoo10 ${what}: an answer of exactly ${rows.length} rows may have been cut by a row limit Qoo10 does not publish; if orders are missing, set listResultCap to ${rows.length}`, {
          from: window.from.toISOString(),
          to: window.to.toISOString(),
        });
      }
      return rows;
    },
  };
}

/** The claims of a window by one of GetClaimInfo_V3's dates: one request, or one per claim code (`per-claim-stat`). */
export async function searchClaimsBy(
  searcher: WindowSearcher,
  window: TimeWindow,
  condition: ClaimSearchCondition,
  settings: WindowSearchSettings,
  collector: RowCollector,
  call: CallOptions,
): Promise<unknown[]> {
  const stats = settings.claimSearch === 'per-claim-stat' ? CLAIM_STAT_CODES : [undefined];
  const claims: unknown[] = [];
  for (const claimStat of stats) {
    const search: ClaimSearch = { from: window.from, to: window.to, condition, ...(claimStat ? { claimStat } : {}) };
    claims.push(...collector.rowsOf(await searcher.searchClaims(search, call), 'GetClaimInfo_V3'));
  }
  return claims;
}

/** True when a claim row's PaymentDate (in GetClaimInfo_V3's output table) falls in the window. */
function paidWithin(row: unknown, window: TimeWindow): boolean {
  const paid = tryParseJst(typeof row === 'object' && row !== null ? String((row as { PaymentDate?: unknown }).PaymentDate ?? '') : '');
  return paid !== null && paid.getTime() >= window.from.getTime() && paid.getTime() <= window.to.getTime();
}

/**
 * Searches one window by order or payment date: every ShippingStatus (a cart's lines may sit in
 * different ones), then the claims (cancelled lines leave the status lists); the rows grouped into
 * carts.
 */
export async function searchWindow(searcher: WindowSearcher, window: TimeWindow, dateType: OrderDateType, settings: WindowSearchSettings, call: CallOptions): Promise<WindowResult> {
  const collector = rowCollector(window, settings);
  const condition = dateType === 'paid' ? '2' : '1';
  const lines: unknown[] = [];
  for (const status of SHIPPING_STATUS_CODES) {
    lines.push(...collector.rowsOf(await searcher.searchShipping({ status, from: window.from, to: window.to, condition }, call), 'GetShippingInfo_v3'));
  }
  // Claims have no payment-date search: by order date, then kept when paid within the window.
  let claims = await searchClaimsBy(searcher, window, '1', settings, collector, call);
  if (dateType === 'paid') claims = claims.filter((row) => paidWithin(row, window));
  return { packs: groupIntoPacks(lines, claims), largest: collector.largest };
}

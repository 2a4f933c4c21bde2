import { tryParseJst, type CallOptions, type Logger, type OrderDateType, type TimeWindow } from '@mallkit/core';
import { CLAIM_STAT_CODES, type ClaimSearch } from '../api/claim-info.js';
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

/** True when a claim row's PaymentDate (in GetClaimInfo_V3's output table) falls in the window. */
function paidWithin(row: unknown, window: TimeWindow): boolean {
  const paid = tryParseJst(typeof row === 'object' && row !== null ? String((row as { PaymentDate?: unknown }).PaymentDate ?? '') : '');
  return paid !== null && paid.getTime() >= window.from.getTime() && paid.getTime() <= window.to.getTime();
}

/**
 * Searches one window: every ShippingStatus (a cart's lines may sit in different ones), then the
 * claims (cancelled lines leave the status lists); the rows grouped into carts. An answer with a
 * round number of rows under the cap is logged as possibly cut by a limit Qoo10 does not publish.
 */
export async function searchWindow(searcher: WindowSearcher, window: TimeWindow, dateType: OrderDateType, settings: WindowSearchSettings, call: CallOptions): Promise<WindowResult> {
  let largest = 0;
  const rowsOf = (answer: RowsAnswer, what: string): unknown[] => {
    const rows = answer.ResultObject ?? [];
    largest = Math.max(largest, rows.length);
    if (looksCut(rows.length, settings.resultCap)) {
      settings.logger.warn(`qoo10 ${what}: an answer of exactly ${rows.length} rows may have been cut by a row limit Qoo10 does not publish; if orders are missing, set listResultCap to ${rows.length}`, {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      });
    }
    return rows;
  };
  const condition = dateType === 'paid' ? '2' : '1';
  const lines: unknown[] = [];
  for (const status of SHIPPING_STATUS_CODES) {
    lines.push(...rowsOf(await searcher.searchShipping({ status, from: window.from, to: window.to, condition }, call), 'GetShippingInfo_v3'));
  }
  // Claims have no payment-date search: by order date, then kept when paid within the window.
  const stats = settings.claimSearch === 'per-claim-stat' ? CLAIM_STAT_CODES : [undefined];
  let claims: unknown[] = [];
  for (const claimStat of stats) {
    const search: ClaimSearch = { from: window.from, to: window.to, condition: '1', ...(claimStat ? { claimStat } : {}) };
    claims.push(...rowsOf(await searcher.searchClaims(search, call), 'GetClaimInfo_V3'));
  }
  if (dateType === 'paid') claims = claims.filter((row) => paidWithin(row, window));
  return { packs: groupIntoPacks(lines, claims), largest };
}

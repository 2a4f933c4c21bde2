import { parseJst } from '@mallkit/core';
import type { SandboxKit } from '@mallkit/core/testing';
import type { ShippingStatusCode } from '../api/shipping-info.js';
import { searchBound } from './search-dates.js';
import { formOf, qapiAnswer, refuseKey, resultError, type Qoo10SandboxState } from './state.js';
import { TERMINAL_CLAIMS, type SandboxLine, type SandboxPack } from './store.js';
import { claimRow, shippingRow } from './wire.js';

const DAY_MS = 86_400_000;

function at(value: string | null): number | null {
  return value === null || value === '' ? null : parseJst(value).getTime();
}

/** The date a GetShippingInfo_v3 `SearchCondition` filters on. */
function shippingDateOf(pack: SandboxPack, line: SandboxLine, condition: string): number | null {
  if (condition === '2') return at(pack.paymentDate);
  if (condition === '3') return at(line.shippingDate);
  if (condition === '4') return at(line.deliveredDate);
  return at(pack.orderDate);
}

/** The date a GetClaimInfo_V3 `search_condition` filters on. */
function claimDateOf(pack: SandboxPack, line: SandboxLine, condition: string): number | null {
  if (condition === '2') return at(line.claim?.requestDate ?? null);
  if (condition === '3') return at(line.claim?.completedDate ?? null);
  return at(pack.orderDate);
}

/** Registers GetShippingInfo_v3 and GetClaimInfo_V3: searches without paging, answers cut at the result cap. */
export function registerOrderHandlers(kit: SandboxKit, base: string, state: Qoo10SandboxState): void {
  kit.route('POST', `${base}/ShippingBasic.GetShippingInfo_v3`, 'GetShippingInfo_v3', ({ request, bodyText }) => {
    const refused = refuseKey(state, request);
    if (refused) return refused;
    const form = formOf(bodyText);
    const from = searchBound(form.get('SearchStartDate'), false);
    const to = searchBound(form.get('SearchEndDate'), true);
    // GetShippingInfo_v3 publishes no code table: -10002 is borrowed from GetClaimInfo_V3's (UNVERIFIED here).
    if (from === null || to === null || to < from) return resultError(-10002, 'Search Date Error');
    const status = form.get('ShippingStatus') ?? '';
    const statuses: ShippingStatusCode[] = status === '' || status === '0' ? [1, 2, 3] : [Number(status) as ShippingStatusCode];
    const condition = form.get('SearchCondition') ?? '1';
    const rows: Record<string, unknown>[] = [];
    for (const pack of state.store.values()) {
      for (const line of pack.lines) {
        // Cancelled, returned and refunded lines leave these lists: they are seen through the claims.
        if (!statuses.includes(line.status) || (line.claim !== null && TERMINAL_CLAIMS.has(line.claim.status))) continue;
        const when = shippingDateOf(pack, line, condition);
        if (when !== null && when >= from && when <= to) rows.push(shippingRow(pack, line, state.store.corrupted.has(pack.packNo)));
      }
    }
    return qapiAnswer({ ResultObject: rows.slice(0, state.resultCap), ResultCode: 0, ResultMsg: 'SUCCESS' });
  });

  kit.route('POST', `${base}/ShippingBasic.GetClaimInfo_V3`, 'GetClaimInfo_V3', ({ request, bodyText }) => {
    const refused = refuseKey(state, request);
    if (refused) return refused;
    const form = formOf(bodyText);
    const from = searchBound(form.get('search_Sdate'), false);
    const to = searchBound(form.get('search_Edate'), true);
    // GetClaimInfo_V3's own table (passoffer GetClaimInfo_V3.md): -10002 Search Date Error, -10003 over 90 days.
    if (from === null || to === null || to < from) return resultError(-10002, 'Search Date Error');
    if (to - from > 90 * DAY_MS) return resultError(-10003, 'Searching period exceeds to 90 days.');
    const wanted = form.get('ClaimStat');
    const condition = form.get('search_condition') ?? '1';
    const rows: Record<string, unknown>[] = [];
    for (const pack of state.store.values()) {
      for (const line of pack.lines) {
        if (line.claim === null || (wanted !== null && wanted !== '' && wanted !== line.claim.status)) continue;
        const when = claimDateOf(pack, line, condition);
        if (when !== null && when >= from && when <= to) rows.push(claimRow(pack, line, state.store.corrupted.has(pack.packNo)));
      }
    }
    return qapiAnswer({ ResultObject: rows.slice(0, state.resultCap), ResultCode: 0, ResultMsg: 'SUCCESS' });
  });
}

import { formatJst } from '@mallkit/core';
import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { renderOrder, renderOrderId } from './render.js';
import { checkAccess, missingField, sandboxRefusal } from './rules.js';
import type { AupaySandboxState } from './state.js';
import { fieldOf, type AupayRecord } from './store.js';
import { element, OK_RESULT, xmlAnswer } from './xml.js';

/*
 * The read endpoints: searchTradeInfoListProc (whole orders), searchTradeNoListProc (ids) and
 * searchTradeInfoProc (one order). Searches cover whole JST order days, `YYYYMMDD` — or
 * `YYYY-MM-DD`, which one working client sends — with `dateType` 0 (受注日), paged by startCount
 * (1-based) and totalCount. An unknown order id is not an error: status 0 and an empty orderInfo.
 */

/**
 * The most orders the sandbox puts in one page, whatever totalCount asks for: au PAY's own cap is
 * not published (clients ask for 1000), and a mall that caps pages SILENTLY is the case a client
 * must survive. `capPages(n)` lowers it to play a smaller cap.
 */
export const SANDBOX_DEFAULT_PAGE_CAP = 1000;
/** The page size when totalCount is left out (au PAY's default is not known). */
export const SANDBOX_DEFAULT_PAGE_SIZE = 100;

/** A search day as `YYYYMMDD`, or null when the parameter is not a date the sandbox accepts. */
function dayParameter(value: string | null): string | null | undefined {
  if (value === null || value === '') return undefined;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!match || (value.includes('-') && value.length !== 10)) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}${month}${day}` : null;
}

function countParameter(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

function search(ctx: SandboxContext, state: AupaySandboxState, idsOnly: boolean): Response {
  const query = ctx.url.searchParams;
  const denied = checkAccess(ctx, state.access, 'order', query.get('shopId'), state.encoding);
  if (denied) return denied;
  const startDate = dayParameter(query.get('startDate'));
  const endDate = dayParameter(query.get('endDate'));
  if (startDate === null) return sandboxRefusal('INVALID_VALUE', '[startDate]日付の形式が正しくありません', state.encoding);
  if (endDate === null) return sandboxRefusal('INVALID_VALUE', '[endDate]日付の形式が正しくありません', state.encoding);
  const dateType = query.get('dateType') ?? '0';
  if (dateType !== '0') return sandboxRefusal('UNSUPPORTED', `[dateType]サンドボックスは受注日(0)のみ扱います: ${dateType}`, state.encoding);
  const totalCount = countParameter(query.get('totalCount'), SANDBOX_DEFAULT_PAGE_SIZE);
  const startCount = countParameter(query.get('startCount'), 1);
  if (totalCount === null || totalCount < 1) return sandboxRefusal('INVALID_VALUE', '[totalCount]1以上で指定してください', state.encoding);
  if (startCount === null || startCount < 1) return sandboxRefusal('INVALID_VALUE', '[startCount]1以上で指定してください', state.encoding);
  const status = query.get('orderStatus') || null;
  const where = (record: AupayRecord): boolean => {
    const day = formatJst(record.orderedAt, 'date-compact');
    return (startDate === undefined || day >= startDate) && (endDate === undefined || day <= endDate) && (status === null || fieldOf(record, 'orderStatus') === status);
  };
  const page = state.store.page({ where, signature: `${startDate ?? ''}|${endDate ?? ''}|${status ?? ''}` }, startCount - 1, Math.min(totalCount, state.pageCap));
  const orders = page.items.map((record) => (idsOnly ? renderOrderId(record) : renderOrder(record, state.store.corrupted.has(record.orderId)))).join('');
  const total = state.reportMaxCount ? element('maxCount', page.total) : '';
  return xmlAnswer(`${OK_RESULT}${element('resultCount', page.items.length)}${total}${orders}`, state.encoding);
}

function lookup(ctx: SandboxContext, state: AupaySandboxState): Response {
  const query = ctx.url.searchParams;
  const denied = checkAccess(ctx, state.access, 'order', query.get('shopId'), state.encoding);
  if (denied) return denied;
  const orderId = query.get('orderId');
  if (!orderId) return missingField('orderId', state.encoding);
  const record = state.store.get(orderId);
  if (record === undefined) return xmlAnswer(`${OK_RESULT}<orderInfo/>`, state.encoding);
  return xmlAnswer(`${OK_RESULT}${renderOrder(record, state.store.corrupted.has(record.orderId))}`, state.encoding);
}

/** Adds the read endpoints under `baseUrl` (ending in `/`). */
export function addSearchHandlers(kit: SandboxKit, state: AupaySandboxState, baseUrl: string): void {
  kit.route('GET', `${baseUrl}searchTradeInfoListProc`, 'searchTradeInfoListProc', (ctx) => search(ctx, state, false));
  kit.route('GET', `${baseUrl}searchTradeNoListProc`, 'searchTradeNoListProc', (ctx) => search(ctx, state, true));
  kit.route('GET', `${baseUrl}searchTradeInfoProc`, 'searchTradeInfoProc', (ctx) => lookup(ctx, state));
}

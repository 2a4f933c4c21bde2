import { parseJst } from '@mallkit/core';
import type { SandboxContext } from '@mallkit/core/testing';
import { RMS_DATETIME_PATTERN } from '../api/common.js';
import { RAKUTEN_LIMITS } from '../constants.js';
import { bodyOf } from './guard.js';
import { dateOf } from './search-filter.js';
import type { RakutenSandboxStore } from './store.js';
import { jsonAnswer, message, SANDBOX_CODES, validationError } from './wire.js';

const DAY_MS = 86_400_000;
const SEARCH_NULLS = { orderNumberList: null, PaginationResponseModel: null };

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** searchOrder: every rule Rakuten enforces on the window, the format and the page. */
export function searchOrder(store: RakutenSandboxStore, ctx: SandboxContext): Response {
  const body = bodyOf(ctx) ?? {};
  const code = (n: string): string => `ORDER_EXT_API_SEARCH_ORDER_ERROR_${n}`;
  const { dateType, startDatetime, endDatetime } = body;
  if (dateType === undefined || dateType === null) return validationError(code('009'), 'dateTypeの項目を指定して下さい。', SEARCH_NULLS);
  if (typeof dateType !== 'number' || dateType < 1 || dateType > 6) return validationError(code('011'), 'dateTypeの書式が不正です。', SEARCH_NULLS);
  if (startDatetime === undefined || startDatetime === null || startDatetime === '') return validationError(code('010'), 'startDatetimeの値を指定して下さい。', SEARCH_NULLS);
  if (endDatetime === undefined || endDatetime === null || endDatetime === '') return validationError(code('010'), 'endDatetimeの値を指定して下さい。', SEARCH_NULLS);
  // Only `yyyy-MM-ddTHH:mm:ss+0900` passes: `+09:00`, `Z`, milliseconds and bare dates all fail.
  if (typeof startDatetime !== 'string' || !RMS_DATETIME_PATTERN.test(startDatetime)) return validationError(code('011'), 'startDatetimeの書式が不正です。', SEARCH_NULLS);
  if (typeof endDatetime !== 'string' || !RMS_DATETIME_PATTERN.test(endDatetime)) return validationError(code('011'), 'endDatetimeの書式が不正です。', SEARCH_NULLS);
  const start = parseJst(startDatetime).getTime();
  const end = parseJst(endDatetime).getTime();
  if (end - start > RAKUTEN_LIMITS.searchWindowDays * DAY_MS) {
    return validationError(SANDBOX_CODES.searchWindowTooLong, 'endDatetimeはstartDatetimeから63日以内の日時を指定して下さい。', SEARCH_NULLS);
  }
  if (start < ctx.clock.now() - RAKUTEN_LIMITS.lookbackDays * DAY_MS) {
    return validationError(SANDBOX_CODES.searchTooOld, 'startDatetimeは過去730日以内の日時を指定して下さい。', SEARCH_NULLS);
  }
  const pagination = (body.PaginationRequestModel ?? {}) as Record<string, unknown>;
  const size = typeof pagination.requestRecordsAmount === 'number' ? pagination.requestRecordsAmount : 30;
  const page = typeof pagination.requestPage === 'number' ? pagination.requestPage : 1;
  if (!Number.isInteger(size) || size < 1 || size > RAKUTEN_LIMITS.pageSize) {
    return validationError(SANDBOX_CODES.searchPageSize, 'requestRecordsAmountは1から1000の値を指定して下さい。', SEARCH_NULLS);
  }
  const progress = Array.isArray(body.orderProgressList) ? new Set(body.orderProgressList as unknown[]) : null;
  const sorts = Array.isArray(pagination.SortModelList) ? (pagination.SortModelList as Array<Record<string, unknown>>) : [];
  const ascending = sorts[0]?.sortDirection === 1;

  const hits: Array<[string, number]> = [];
  for (const order of store.orders.values()) {
    if (progress && !progress.has(order.orderProgress)) continue;
    const at = dateOf(store, order, dateType);
    if (at === null || at < start || at > end) continue;
    hits.push([order.orderNumber, store.orderedAtMs.get(order.orderNumber) ?? 0]);
  }
  if (hits.length === 0) {
    return jsonAnswer({
      MessageModelList: [message('INFO', 'ORDER_EXT_API_SEARCH_ORDER_INFO_102', '注文検索に成功しました。(検索結果０件)')],
      orderNumberList: [],
      PaginationResponseModel: { totalRecordsAmount: null, totalPages: null, requestPage: null },
    });
  }
  hits.sort((a, b) => (ascending ? a[1] - b[1] : b[1] - a[1]) || a[0].localeCompare(b[0]));
  // Rakuten reports the true total but hands out no number past the 15,000th.
  const reachable = hits.slice(0, RAKUTEN_LIMITS.searchResultCap);
  const numbers = reachable.slice((page - 1) * size, page * size).map(([id]) => id);
  return jsonAnswer({
    MessageModelList: [message('INFO', 'ORDER_EXT_API_SEARCH_ORDER_INFO_101', '注文検索に成功しました。')],
    orderNumberList: numbers,
    PaginationResponseModel: { totalRecordsAmount: hits.length, totalPages: Math.ceil(hits.length / size), requestPage: page },
  });
}

/** getOrder: at most 100 numbers, a version of 3 or more; unknown numbers are left out. */
export function getOrder(store: RakutenSandboxStore, ctx: SandboxContext): Response {
  const body = bodyOf(ctx) ?? {};
  const numbers = stringList(body.orderNumberList);
  const nulls = { OrderModelList: [] };
  if (!numbers || numbers.length === 0) return validationError('ORDER_EXT_API_GET_ORDER_ERROR_009', 'orderNumberListの項目を指定してください。', nulls);
  if (body.version === undefined || body.version === null) return validationError('ORDER_EXT_API_GET_ORDER_ERROR_009', 'versionの項目を指定してください。', nulls);
  const version = Number(body.version);
  if (!Number.isInteger(version) || version < 3) return validationError(SANDBOX_CODES.getOrderVersion, 'versionの値が不正です。', nulls);
  if (numbers.length > RAKUTEN_LIMITS.batchSize) {
    return validationError(SANDBOX_CODES.getOrderTooMany, 'orderNumberListは100件以内で指定してください。', nulls);
  }
  const oldest = ctx.clock.now() - RAKUTEN_LIMITS.lookbackDays * DAY_MS;
  const found = numbers
    .map((id) => store.orders.get(id))
    .filter((o) => o !== undefined && (store.orderedAtMs.get(o.orderNumber) ?? 0) >= oldest);
  return jsonAnswer({
    MessageModelList: [message('INFO', 'ORDER_EXT_API_GET_ORDER_INFO_101', `受注情報取得に成功しました。(取得件数${found.length}件)`)],
    OrderModelList: found,
    version,
  });
}

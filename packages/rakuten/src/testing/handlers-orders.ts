import { parseJst } from '@mallkit/core';
import type { SandboxContext } from '@mallkit/core/testing';
import { RMS_DATETIME_PATTERN } from '../api/common.js';
import { RAKUTEN_LIMITS } from '../api/constants.js';
import type { RakutenOrderModel } from '../api/order-model.js';
import { bodyOf } from './guard.js';
import { dateOf } from './search-filter.js';
import type { RakutenSandboxRecord, RakutenSandboxStore } from './store.js';
import { jsonAnswer, message, SANDBOX_CODES, validationError } from './wire.js';

const DAY_MS = 86_400_000;
const SEARCH_NULLS = { orderNumberList: null, PaginationResponseModel: null };

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/**
 * One page of a search from the store, in the order asked for: ascending pages straight from the
 * store's offset paging (so that its paging lies play), descending ones mirrored from the end.
 * Rakuten reports the true total but hands out no number past the 15,000th.
 */
function pageOf(store: RakutenSandboxStore, search: { signature: string; where: (record: RakutenSandboxRecord) => boolean }, page: number, size: number, ascending: boolean) {
  const offset = (page - 1) * size;
  const reachable = Math.max(0, Math.min(size, RAKUTEN_LIMITS.searchResultCap - offset));
  if (ascending) {
    const found = store.orders.page(search, offset, size);
    return { items: found.items.slice(0, reachable), total: found.total };
  }
  const { total } = store.orders.page(search, 0, 0);
  const start = Math.max(0, total - offset - size);
  const found = store.orders.page(search, start, Math.max(0, total - offset - start));
  return { items: found.items.reverse().slice(0, reachable), total: found.total };
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
  const progress = Array.isArray(body.orderProgressList) ? (body.orderProgressList as unknown[]) : null;
  const sorts = Array.isArray(pagination.SortModelList) ? (pagination.SortModelList as Array<Record<string, unknown>>) : [];
  const ascending = sorts[0]?.sortDirection !== 2;
  const search = {
    signature: JSON.stringify([dateType, start, end, progress]),
    where: (record: RakutenSandboxRecord): boolean => {
      if (progress && !progress.includes(record.order.orderProgress)) return false;
      const at = dateOf(record, dateType);
      return at !== null && at >= start && at <= end;
    },
  };
  const { items, total } = pageOf(store, search, page, size, ascending);
  if (total === 0) {
    return jsonAnswer({
      MessageModelList: [message('INFO', 'ORDER_EXT_API_SEARCH_ORDER_INFO_102', '注文検索に成功しました。(検索結果０件)')],
      orderNumberList: [],
      PaginationResponseModel: { totalRecordsAmount: null, totalPages: null, requestPage: null },
    });
  }
  return jsonAnswer({
    MessageModelList: [message('INFO', 'ORDER_EXT_API_SEARCH_ORDER_INFO_101', '注文検索に成功しました。')],
    orderNumberList: items.map((record) => record.order.orderNumber),
    PaginationResponseModel: { totalRecordsAmount: total, totalPages: Math.ceil(total / size), requestPage: page },
  });
}

/** An order as getOrder sends it; a corrupted one lacks its PackageModelList, as one incomplete order was seen to. */
function render(store: RakutenSandboxStore, order: RakutenOrderModel): unknown {
  if (!store.orders.corrupted.has(order.orderNumber)) return order;
  const { PackageModelList: _missing, ...broken } = order;
  return broken;
}

/** getOrder: at most 100 numbers, a version of 3 or more; unknown numbers (and orders past 730 days) are left out. */
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
  const found = numbers.flatMap((id) => {
    const record = store.orders.get(id);
    return record !== undefined && record.orderedAtMs >= oldest ? [render(store, record.order)] : [];
  });
  return jsonAnswer({
    MessageModelList: [message('INFO', 'ORDER_EXT_API_GET_ORDER_INFO_101', `受注情報取得に成功しました。(取得件数${found.length}件)`)],
    OrderModelList: found,
    version,
  });
}

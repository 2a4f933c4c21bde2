import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { messageModelSchema, rmsDatetime, rmsJson } from './common.js';
import { RAKUTEN_LIMITS, RAKUTEN_PATHS } from './constants.js';

/** searchOrder `dateType`: 1 注文日, 2 注文確認日, 3 注文確定日, 4 発送日, 5 発送完了報告日, 6 決済確定日. */
export type RakutenDateType = 1 | 2 | 3 | 4 | 5 | 6;

/** The parameters of one searchOrder page that this package sends. */
export interface SearchOrderParams {
  /** Which date `from` and `to` refer to. */
  readonly dateType: RakutenDateType;
  /** Start of the window (inclusive), sent to the second as `+0900`. */
  readonly from: Date;
  /** End of the window (inclusive), at most 63 days after `from`. */
  readonly to: Date;
  /** orderProgress codes (100–900); omitted means all. */
  readonly orderProgressList?: readonly number[];
  /** 1-based. */
  readonly page: number;
  /** 1–1000; default 1000. */
  readonly pageSize?: number;
}

/** The searchOrder request body, with the wire's exact keys. */
export interface SearchOrderBody {
  readonly dateType: RakutenDateType;
  /** `yyyy-MM-ddTHH:mm:ss+0900`. */
  readonly startDatetime: string;
  /** `yyyy-MM-ddTHH:mm:ss+0900`, at most 63 days after the start. */
  readonly endDatetime: string;
  /** orderProgress codes; left out for all. */
  readonly orderProgressList?: readonly number[];
  /** Page size, page number (1-based) and sort (column 1 注文日時; direction 1 ascending, 2 descending). */
  readonly PaginationRequestModel: {
    readonly requestRecordsAmount: number;
    readonly requestPage: number;
    readonly SortModelList: ReadonlyArray<{ readonly sortColumn: 1; readonly sortDirection: 1 | 2 }>;
  };
}

/**
 * Builds a searchOrder body. Sorted by 注文日時 ascending (sortColumn 1, sortDirection 1) so that
 * paging is stable while new orders arrive at the end.
 */
function buildSearchOrderBody(params: SearchOrderParams): SearchOrderBody {
  return {
    dateType: params.dateType,
    startDatetime: rmsDatetime(params.from),
    endDatetime: rmsDatetime(params.to),
    ...(params.orderProgressList && params.orderProgressList.length > 0 ? { orderProgressList: params.orderProgressList } : {}),
    PaginationRequestModel: {
      requestRecordsAmount: params.pageSize ?? RAKUTEN_LIMITS.pageSize,
      requestPage: params.page,
      SortModelList: [{ sortColumn: 1, sortDirection: 1 }],
    },
  };
}

/** The searchOrder answer. Zero hits come back with `orderNumberList: []` and every pagination field null. */
const searchOrderResponseSchema = wireModel({
  MessageModelList: z.array(messageModelSchema).nullish(),
  orderNumberList: z.array(z.string()).nullish(),
  PaginationResponseModel: wireModel({
    totalRecordsAmount: z.number().nullish(),
    totalPages: z.number().nullish(),
    requestPage: z.number().nullish(),
  }).nullish(),
});

/**
 * The searchOrder answer, as parsed.
 *
 * @useDeclaredType
 */
export type SearchOrderResponse = z.output<typeof searchOrderResponseSchema>;

/** searchOrder: one page of order numbers. A read sent with POST, so marked idempotent (retried). */
export const searchOrderEndpoint = defineEndpoint<SearchOrderParams, SearchOrderResponse>({
  operation: 'searchOrder',
  method: 'POST',
  path: RAKUTEN_PATHS.searchOrder,
  idempotent: true,
  body: (params) => rmsJson(buildSearchOrderBody(params)),
  answer: { format: 'json', schema: searchOrderResponseSchema },
});

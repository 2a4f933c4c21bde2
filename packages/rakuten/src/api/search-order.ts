import { z } from 'zod';
import { RAKUTEN_LIMITS, RAKUTEN_PATHS } from '../constants.js';
import { messageModelSchema, rmsDatetime } from './common.js';

/** searchOrder `dateType`: 1 注文日, 2 注文確認日, 3 注文確定日, 4 発送日, 5 発送完了報告日, 6 決済確定日. */
export type RakutenDateType = 1 | 2 | 3 | 4 | 5 | 6;

/** The parameters of one searchOrder page that this package sends. */
export interface SearchOrderParams {
  readonly dateType: RakutenDateType;
  readonly from: Date;
  readonly to: Date;
  /** orderProgress codes (100–900); omitted means all. */
  readonly orderProgressList?: readonly number[];
  /** 1-based. */
  readonly page: number;
  /** 1–1000. */
  readonly pageSize?: number;
}

/** The searchOrder request body, with the wire's exact keys. */
export interface SearchOrderBody {
  readonly dateType: RakutenDateType;
  readonly startDatetime: string;
  readonly endDatetime: string;
  readonly orderProgressList?: readonly number[];
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
export function buildSearchOrderBody(params: SearchOrderParams): SearchOrderBody {
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
export const searchOrderResponseSchema = z
  .object({
    MessageModelList: z.array(messageModelSchema).nullish(),
    orderNumberList: z.array(z.string()).nullish(),
    PaginationResponseModel: z
      .object({
        totalRecordsAmount: z.number().nullish(),
        totalPages: z.number().nullish(),
        requestPage: z.number().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

/** The searchOrder answer, as parsed. */
export type SearchOrderResponse = z.infer<typeof searchOrderResponseSchema>;

/** The searchOrder endpoint. */
export const searchOrderEndpoint = { operation: 'searchOrder', path: RAKUTEN_PATHS.searchOrder } as const;

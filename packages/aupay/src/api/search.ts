import { defineEndpoint } from '@mallkit/core';
import { z } from 'zod';
import { AUPAY_DATE_TYPE_ORDERED } from './limits.js';
import { AUPAY_XML, aupayResultSchema, responseOf } from './wire.js';

/*
 * The read endpoints: GET with the parameters in the query string and the content type the
 * clients that were checked against the live API send (ryojrcreators/daily-wholesale-report,
 * 「実機確認済み」 2026-08-13).
 */

/** Headers of every search: what working clients send with their GETs. */
const SEARCH_HEADERS = Object.freeze({ 'Content-Type': 'application/x-www-form-urlencoded' });

/** One page of an order-date search. */
export interface OrderSearchInput {
  /** The shop ID. */
  readonly shopId: string;
  /** First order day, `YYYYMMDD` (JST). */
  readonly startDate: string;
  /** Last order day, `YYYYMMDD` (JST), inclusive. */
  readonly endDate: string;
  /** 1-based position of the first order of the page. */
  readonly startCount: number;
  /** Orders per page. */
  readonly totalCount: number;
  /** Only orders in this status (its Japanese name, or a status the shop defined). */
  readonly orderStatus?: string;
}

function searchQuery(input: OrderSearchInput) {
  return {
    shopId: input.shopId,
    startDate: input.startDate,
    endDate: input.endDate,
    dateType: AUPAY_DATE_TYPE_ORDERED,
    orderStatus: input.orderStatus,
    totalCount: input.totalCount,
    startCount: input.startCount,
  };
}

/** A page of orders: each order is checked on its own by the order reader, so the list is `unknown`. */
const orderPageSchema = responseOf(
  z.looseObject({
    result: aupayResultSchema,
    /** Orders in this page. */
    resultCount: z.string().optional(),
    /** Orders the whole search holds, when au PAY says (the item API does; the order API is not known to). */
    maxCount: z.string().optional(),
    /** The search's total under another name one client reads (nakyahara/bfaith-portal; UNCERTAIN). */
    totalResultsAvailable: z.string().optional(),
    /**
     * The same client reads a top-level totalCount as the total (UNCERTAIN). The request's page size
     * has the same name, so an echo of it is not taken as a total (see client.ts).
     */
    totalCount: z.string().optional(),
    orderInfo: z.array(z.unknown()).optional(),
  }),
);

/** A page of searchTradeInfoListProc, as read. */
export type OrderPageAnswer = z.output<typeof orderPageSchema>;

/** 受注情報一括取得: whole orders by order date, paged with startCount/totalCount. */
export const searchTradeInfoList = defineEndpoint({
  operation: 'searchTradeInfoListProc',
  method: 'GET',
  path: 'searchTradeInfoListProc',
  headers: SEARCH_HEADERS,
  query: searchQuery,
  answer: { format: AUPAY_XML, schema: orderPageSchema },
});

/** 受注番号取得: order ids only, with the same filters. Used as the connection probe of checkCredentials. */
export const searchTradeNoList = defineEndpoint({
  operation: 'searchTradeNoListProc',
  method: 'GET',
  path: 'searchTradeNoListProc',
  headers: SEARCH_HEADERS,
  query: searchQuery,
  answer: { format: AUPAY_XML, schema: responseOf(z.looseObject({ result: aupayResultSchema })) },
});

/** Reading one order by id. */
export interface OrderLookupInput {
  /** The shop ID. */
  readonly shopId: string;
  /** The order to read. */
  readonly orderId: string;
}

/** The answer of searchTradeInfoProc: one `orderInfo`, or an empty one for an unknown id. */
const orderLookupSchema = responseOf(
  z.looseObject({
    result: aupayResultSchema,
    orderInfo: z.array(z.unknown()).optional(),
  }),
);

/** 受注情報取得 (個別): one order by id. */
export const searchTradeInfo = defineEndpoint({
  operation: 'searchTradeInfoProc',
  method: 'GET',
  path: 'searchTradeInfoProc',
  headers: SEARCH_HEADERS,
  query: (input: OrderLookupInput) => ({ shopId: input.shopId, orderId: input.orderId }),
  answer: { format: AUPAY_XML, schema: orderLookupSchema },
});

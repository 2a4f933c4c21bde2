import { defineEndpoint } from '@mallkit/core';
import { z } from 'zod';
import { QAPI_HEADERS, qapiForm, rowsAnswerSchema, searchDate, wireId, wireNumber, wireText } from './common.js';

/** `search_condition` of GetClaimInfo_V3: 1 注文日, 2 クレーム要請日, 3 取消/返金完了日. */
export type ClaimSearchCondition = '1' | '2' | '3';

/** One GetClaimInfo_V3 search (window ≤ 90 days). */
export interface ClaimSearch {
  readonly from: Date;
  readonly to: Date;
  readonly condition: ClaimSearchCondition;
}

/**
 * One row of GetClaimInfo_V3: a claim (cancel, return, exchange) on one line. lowerCamel keys,
 * `claimStatus` a string code, ids JSON numbers (passoffer GetClaimInfo_V3.md and its adapter).
 * Cancelled lines leave the GetShippingInfo_v3 lists, so these rows are how they are seen.
 */
export const claimRowSchema = z.looseObject({
  packNo: wireId,
  orderNo: wireId,
  claimStatus: z.union([z.string(), z.number()]).transform((value) => String(value)),
  orderDate: wireText,
  PaymentDate: wireText,
  requestDate: wireText,
  cancelRefundDate: wireText,
  reason: wireText,
  shippingDate: wireText,
  DeliveredDate: wireText,
  itemCode: z.union([z.string(), z.number()]).nullish(),
  sellerItemCode: wireText,
  itemTitle: wireText,
  orderQty: z.union([z.number(), z.string().regex(/^\d+$/)]).nullish(),
  currency: wireText,
  paymentAmount: wireNumber,
  deliveryCompany: wireText,
  trackingNo: wireText,
  zipCode: wireText,
  pickupAddress: wireText,
  receiver: wireText,
  receiverTel: wireText,
  receiverMobile: wireText,
  buyer: wireText,
  buyerTel: wireText,
  buyerMobile: wireText,
});

/** A GetClaimInfo_V3 row after parsing. */
export type Qoo10ClaimRow = z.output<typeof claimRowSchema>;

/** `ShippingBasic.GetClaimInfo_V3`: every claim whose date falls in the window (no ClaimStat: all of them). */
export const getClaimInfoEndpoint = defineEndpoint({
  operation: 'GetClaimInfo_V3',
  method: 'POST',
  path: 'ShippingBasic.GetClaimInfo_V3',
  headers: QAPI_HEADERS,
  idempotent: true,
  body: (search: ClaimSearch) =>
    qapiForm({
      search_Sdate: searchDate(search.from),
      search_Edate: searchDate(search.to),
      search_condition: search.condition,
    }),
  answer: { format: 'json', schema: rowsAnswerSchema },
});

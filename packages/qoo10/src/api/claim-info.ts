import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { QAPI_HEADERS, qapiForm, rowsAnswerSchema, searchDate, wireId, wireNumber, wireText } from './common.js';

/** `search_condition` of GetClaimInfo_V3: 1 注文日, 2 クレーム要請日, 3 取消/返金完了日. */
export type ClaimSearchCondition = '1' | '2' | '3';

/**
 * `ClaimStat` codes (passoffer GetClaimInfo_V3.md): 1 取消要請, 2 取消中, 3 取消完了, 4 返品要請,
 * 5 返品中, 6 返品完了, 11 交換申請, 12 交換承認, 13 再配送中, 14 未受取返金完了, 15 未受取部分返金完了,
 * 16 未納注文キャンセル.
 */
export const CLAIM_STAT_CODES = ['1', '2', '3', '4', '5', '6', '11', '12', '13', '14', '15', '16'] as const;

/**
 * One claim code.
 *
 * @useDeclaredType
 */
export type ClaimStatCode = (typeof CLAIM_STAT_CODES)[number];

/** One GetClaimInfo_V3 search (window ≤ 90 days). */
export interface ClaimSearch {
  readonly from: Date;
  readonly to: Date;
  readonly condition: ClaimSearchCondition;
  /** Only claims in this state; absent: `ClaimStat` is not sent. */
  readonly claimStat?: ClaimStatCode;
}

/**
 * One row of GetClaimInfo_V3: a claim (cancel, return, exchange) on one line. lowerCamel keys,
 * `claimStatus` a string code, ids JSON numbers, and `PaymentDate` in PascalCase (passoffer
 * GetClaimInfo_V3.md's output table and its adapter). Cancelled lines leave the GetShippingInfo_v3
 * lists, so these rows are how they are seen. Loose at run time, closed as a type (wireModel).
 */
export const claimRowSchema = wireModel({
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

/**
 * A GetClaimInfo_V3 row after parsing.
 *
 * @useDeclaredType
 */
export type Qoo10ClaimRow = z.output<typeof claimRowSchema>;

/**
 * `ShippingBasic.GetClaimInfo_V3`: the claims whose date falls in the window. `ClaimStat` is
 * optional in the method table; that leaving it out returns the claims of every state is
 * UNVERIFIED (no source says what it returns), hence the `claimSearch: 'per-claim-stat'` option,
 * which sends one request per code instead.
 */
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
      ClaimStat: search.claimStat,
    }),
  answer: { format: 'json', schema: rowsAnswerSchema },
});

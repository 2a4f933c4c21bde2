import { defineEndpoint } from '@mallkit/core';
import { QAPI_HEADERS, envelopeSchema, qapiForm } from './common.js';

/** One SetSellerCheckYN_V2 call: confirm one line, with its 発送予定日. */
export interface SellerCheck {
  readonly orderNo: string;
  /** `yyyyMMdd`, JST: must be after today (`-10018`). */
  readonly estimatedShipDate: string;
  /** 1 商品準備中, 2 注文製作, 3 顧客要請, 4 その他; sent only with a memo-worthy delay. */
  readonly delayType?: '1' | '2' | '3' | '4';
  /** At most 1,000 characters. */
  readonly delayMemo?: string;
}

/**
 * `ShippingBasic.SetSellerCheckYN_V2` (発注確認): moves one line from 配送要請 (2) to 配送準備 (3)
 * and records its 発送予定日. Answers ResultCode/ResultMsg only.
 */
export const setSellerCheckEndpoint = defineEndpoint({
  operation: 'SetSellerCheckYN_V2',
  method: 'POST',
  path: 'ShippingBasic.SetSellerCheckYN_V2',
  headers: QAPI_HEADERS,
  body: (check: SellerCheck) =>
    qapiForm({ OrderNo: check.orderNo, EstShipDt: check.estimatedShipDate, DelayType: check.delayType, DelayMemo: check.delayMemo }),
  answer: { format: 'json', schema: envelopeSchema },
});

/** SetSendingInfo's longest ShippingCorp (passoffer SetSendingInfo.md: Max 200). */
export const SHIPPING_CORP_MAX_LENGTH = 200;

/** SetSendingInfo's longest TrackingNo (passoffer SetSendingInfo.md: Max 50). */
export const TRACKING_NO_MAX_LENGTH = 50;

/** One SetSendingInfo call: the carrier NAME and tracking number of one line. */
export interface SendingInfo {
  readonly orderNo: string;
  /** The carrier's name as Qoo10 knows it (`ヤマト宅急便`, `佐川急便`, `ゆうパック`…), ≤ 200 characters. */
  readonly shippingCorp: string;
  /** ≤ 50 characters. */
  readonly trackingNo: string;
}

/**
 * `ShippingBasic.SetSendingInfo` (発送確認): marks one line shipped. There is no ship-date field:
 * Qoo10 records the time of the call. Answers ResultCode/ResultMsg only. The method page describes
 * it as 「배송 요청건에 대해 발송확인 처리를 하는 Method」 (shipping confirmation for lines in
 * 配送要請), so it is sent for lines in 配送要請 as well as 配送準備; that Qoo10 accepts a line not
 * confirmed first is UNVERIFIED live (passoffer SetSendingInfo.md).
 */
export const setSendingInfoEndpoint = defineEndpoint({
  operation: 'SetSendingInfo',
  method: 'POST',
  path: 'ShippingBasic.SetSendingInfo',
  headers: QAPI_HEADERS,
  body: (info: SendingInfo) => qapiForm({ OrderNo: info.orderNo, ShippingCorp: info.shippingCorp, TrackingNo: info.trackingNo }),
  answer: { format: 'json', schema: envelopeSchema },
});

import { defineEndpoint } from '@mallkit/core';
import { AUPAY_XML, aupayStatusAnswerSchema } from './wire.js';

/*
 * The write endpoints: POST `application/xml; charset=UTF-8` with a FLAT `<request>` body — every
 * parameter a direct child of `<request>`. Wrapping them in another element is answered with
 * `[orderId]必須入力項目です` (ryojrcreators/daily-wholesale-report `case_orders_wowma.py`, a fix
 * made against the live API on 2026-08-27).
 */

/** Moving an order to another status. */
export interface StatusUpdateInput {
  /** The shop ID. */
  readonly shopId: string;
  /** The order to move. */
  readonly orderId: string;
  /** The status's Japanese name (`発送待ち`, `完了`…) or a status the shop defined. */
  readonly orderStatus: string;
}

/** 受注ステータス更新. */
export const updateTradeStatus = defineEndpoint({
  operation: 'updateTradeStsProc',
  method: 'POST',
  path: 'updateTradeStsProc',
  body: (input: StatusUpdateInput) => ({ document: { request: { shopId: input.shopId, orderId: input.orderId, orderStatus: input.orderStatus } }, codec: AUPAY_XML }),
  answer: { format: AUPAY_XML, schema: aupayStatusAnswerSchema },
});

/** Writing the shipment of an order. */
export interface ShippingUpdateInput {
  /** The shop ID. */
  readonly shopId: string;
  /** The order shipped. */
  readonly orderId: string;
  /** The ship date as the connector's formatter writes it (default `YYYY/MM/DD`). */
  readonly shippingDate: string;
  /** au PAY's carrier code (1, 2, 4, 5, 6, 9). */
  readonly shippingCarrier: string;
  /** The tracking number (配送お問い合せ番号). */
  readonly shippingNumber: string;
}

/** 受注情報更新 (個別): ship date, carrier and tracking number. It does not change the order's status. */
export const updateTradeInfo = defineEndpoint({
  operation: 'updateTradeInfoProc',
  method: 'POST',
  path: 'updateTradeInfoProc',
  body: (input: ShippingUpdateInput) => ({
    document: {
      request: {
        shopId: input.shopId,
        orderId: input.orderId,
        shippingDate: input.shippingDate,
        shippingCarrier: input.shippingCarrier,
        shippingNumber: input.shippingNumber,
      },
    },
    codec: AUPAY_XML,
  }),
  answer: { format: AUPAY_XML, schema: aupayStatusAnswerSchema },
});

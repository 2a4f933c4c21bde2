import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { messageModelSchema, rmsJson } from './common.js';
import { RAKUTEN_PATHS } from './constants.js';

/*
 * getPayment (支払明細取得). No official copy of this page was available: the shapes follow the
 * JakeJP/Rakuten.RMS.Api models (specs/rakuten.md §4.8) and are marked UNCERTAIN in the README.
 * Everything is optional so that a difference in the real answer degrades to missing values, not
 * to a failed call.
 */

/** What one getPayment call asks for: one order number and the version (4). */
export interface GetPaymentInput {
  /** The order whose payments to read. */
  readonly orderNumber: string;
  /** The answer's version (4). */
  readonly version: number;
}

const str = z.string().nullish();

/** One payment (決済) of an order. `paymentMethod` uses the settlementMethodCode numbers. */
const paymentModelSchema = wireModel({
  orderPaymentNumber: str,
  paymentMethod: z.union([z.number(), z.string()]).nullish(),
  paymentAmount: z.number().nullish(),
  paymentCharge: z.number().nullish(),
  paymentStatus: z.union([z.number(), z.string()]).nullish(),
  paymentProcCmplDatetime: str,
  paymentFixDatetime: str,
  paymentCancelFixDatetime: str,
  payExpectDate: str,
});

/** The getPayment answer: `OrderModel` (singular) with its `PaymentModelList`. */
const getPaymentResponseSchema = wireModel({
  MessageModelList: z.array(messageModelSchema).nullish(),
  OrderModel: wireModel({ orderNumber: z.string(), PaymentModelList: z.array(paymentModelSchema).nullish() }).nullish(),
});

/**
 * One payment of getPayment, as parsed: the `raw` of a PaymentRecord.
 *
 * @useDeclaredType
 */
export type RakutenPaymentModel = z.output<typeof paymentModelSchema>;
/**
 * The getPayment answer, as parsed.
 *
 * @useDeclaredType
 */
export type GetPaymentResponse = z.output<typeof getPaymentResponseSchema>;

/** getPayment: the payments of one order. A read sent with POST, so marked idempotent (retried). */
export const getPaymentEndpoint = defineEndpoint<GetPaymentInput, GetPaymentResponse>({
  operation: 'getPayment',
  method: 'POST',
  path: RAKUTEN_PATHS.getPayment,
  idempotent: true,
  body: (input) => rmsJson({ orderNumber: input.orderNumber, version: input.version }),
  answer: { format: 'json', schema: getPaymentResponseSchema },
});

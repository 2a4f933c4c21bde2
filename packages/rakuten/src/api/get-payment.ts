import { z } from 'zod';
import { GET_PAYMENT_VERSION, RAKUTEN_PATHS } from '../constants.js';
import { messageModelSchema } from './common.js';

/*
 * getPayment (支払明細取得). No official copy of this page was available: the shapes follow the
 * JakeJP/Rakuten.RMS.Api models (specs/rakuten.md §4.8) and are marked UNCERTAIN in the README.
 * Everything is optional and loose so that a difference in the real answer degrades to missing
 * values, not to a failed call.
 */

/** The getPayment request body: one order number and the version (4). */
export interface GetPaymentBody {
  readonly orderNumber: string;
  readonly version: number;
}

/** Builds a getPayment body. */
export function buildGetPaymentBody(orderNumber: string, version: number = GET_PAYMENT_VERSION): GetPaymentBody {
  return { orderNumber, version };
}

const str = z.string().nullish();

/** One payment (決済) of an order. `paymentMethod` uses the settlementMethodCode numbers. */
export const paymentModelSchema = z
  .object({
    orderPaymentNumber: str,
    paymentMethod: z.union([z.number(), z.string()]).nullish(),
    paymentAmount: z.number().nullish(),
    paymentCharge: z.number().nullish(),
    paymentStatus: z.union([z.number(), z.string()]).nullish(),
    paymentProcCmplDatetime: str,
    paymentFixDatetime: str,
    paymentCancelFixDatetime: str,
    payExpectDate: str,
  })
  .loose();

/** The getPayment answer: `OrderModel` (singular) with its `PaymentModelList`. */
export const getPaymentResponseSchema = z
  .object({
    MessageModelList: z.array(messageModelSchema).nullish(),
    OrderModel: z
      .object({ orderNumber: z.string(), PaymentModelList: z.array(paymentModelSchema).nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/** One payment of getPayment, as parsed: the `raw` of a PaymentRecord. */
export type RakutenPaymentModel = z.infer<typeof paymentModelSchema>;
/** The getPayment answer, as parsed. */
export type GetPaymentResponse = z.infer<typeof getPaymentResponseSchema>;

/** The getPayment endpoint. */
export const getPaymentEndpoint = { operation: 'getPayment', path: RAKUTEN_PATHS.getPayment } as const;

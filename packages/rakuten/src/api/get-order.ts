import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { messageModelSchema, rmsJson } from './common.js';
import { RAKUTEN_PATHS } from './constants.js';

/** What one getOrder call asks for: at most 100 order numbers, and the version (a number, required). */
export interface GetOrderInput {
  /** At most 100. */
  readonly orderNumbers: readonly string[];
  /** The OrderModel version (10 by default). */
  readonly version: number;
}

/**
 * The getOrder answer. Order numbers Rakuten does not know are simply absent from OrderModelList.
 * The orders are left unchecked here: the connector reads each with the order schema on its own,
 * so that one order Rakuten sends incomplete never fails the other 99 of its batch.
 */
const getOrderResponseSchema = wireModel({
  MessageModelList: z.array(messageModelSchema).nullish(),
  OrderModelList: z.array(z.unknown()).nullish(),
  version: z.union([z.number(), z.string()]).nullish(),
});

/**
 * The getOrder answer, as parsed (each order still unchecked).
 *
 * @useDeclaredType
 */
export type GetOrderResponse = z.output<typeof getOrderResponseSchema>;

/** getOrder: orders in full by number. A read sent with POST, so marked idempotent (retried). */
export const getOrderEndpoint = defineEndpoint<GetOrderInput, GetOrderResponse>({
  operation: 'getOrder',
  method: 'POST',
  path: RAKUTEN_PATHS.getOrder,
  idempotent: true,
  body: (input) => rmsJson({ orderNumberList: input.orderNumbers, version: input.version }),
  answer: { format: 'json', schema: getOrderResponseSchema },
});

import { z } from 'zod';
import { GET_ORDER_VERSION, RAKUTEN_PATHS } from '../constants.js';
import { messageModelSchema } from './common.js';
import { orderModelSchema } from './order-model.js';

/** The getOrder request body: at most 100 order numbers, and the (required) version as a number. */
export interface GetOrderBody {
  readonly orderNumberList: readonly string[];
  readonly version: number;
}

/** Builds a getOrder body for the latest documented version. */
export function buildGetOrderBody(orderNumbers: readonly string[], version: number = GET_ORDER_VERSION): GetOrderBody {
  return { orderNumberList: orderNumbers, version };
}

/** The getOrder answer. Order numbers Rakuten does not know are simply absent from OrderModelList. */
export const getOrderResponseSchema = z
  .object({
    MessageModelList: z.array(messageModelSchema).nullish(),
    OrderModelList: z.array(orderModelSchema).nullish(),
    version: z.union([z.number(), z.string()]).nullish(),
  })
  .loose();

/** The getOrder answer, as parsed. */
export type GetOrderResponse = z.infer<typeof getOrderResponseSchema>;

/** The getOrder endpoint. */
export const getOrderEndpoint = { operation: 'getOrder', path: RAKUTEN_PATHS.getOrder } as const;

import type { z } from 'zod';
import { RAKUTEN_PATHS } from '../constants.js';
import { envelopeSchema } from './common.js';

/** The confirmOrder request body: at most 100 order numbers. */
export interface ConfirmOrderBody {
  readonly orderNumberList: readonly string[];
}

/** Builds a confirmOrder body. */
export function buildConfirmOrderBody(orderNumbers: readonly string[]): ConfirmOrderBody {
  return { orderNumberList: orderNumbers };
}

/** The confirmOrder answer: one MessageModel per order, INFO_101 or an ERROR (102 cancelled, 103 already moved, 105 postage unset). */
export const confirmOrderResponseSchema = envelopeSchema;

/** The confirmOrder answer, as parsed. */
export type ConfirmOrderResponse = z.infer<typeof confirmOrderResponseSchema>;

/** Message codes of confirmOrder. */
export const CONFIRM_CODES = {
  success: 'ORDER_EXT_API_CONFIRM_ORDER_INFO_101',
  cancelled: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_102',
  alreadyMoved: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_103',
  postageUnset: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_105',
} as const;

/** The confirmOrder endpoint. */
export const confirmOrderEndpoint = { operation: 'confirmOrder', path: RAKUTEN_PATHS.confirmOrder } as const;

import { defineEndpoint } from '@mallkit/core';
import { envelopeSchema, rmsJson, type RakutenEnvelope } from './common.js';
import { RAKUTEN_PATHS } from './constants.js';

/** Message codes of confirmOrder. */
export const CONFIRM_CODES = {
  success: 'ORDER_EXT_API_CONFIRM_ORDER_INFO_101',
  cancelled: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_102',
  alreadyMoved: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_103',
  postageUnset: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_105',
} as const;

/**
 * confirmOrder: at most 100 order numbers; the answer has one MessageModel per order, INFO_101 or
 * an ERROR (102 cancelled, 103 already moved, 105 postage unset). A write: never re-sent after an
 * unknown outcome (the orders are read back instead).
 */
export const confirmOrderEndpoint = defineEndpoint<readonly string[], RakutenEnvelope>({
  operation: 'confirmOrder',
  method: 'POST',
  path: RAKUTEN_PATHS.confirmOrder,
  body: (orderNumbers) => rmsJson({ orderNumberList: orderNumbers }),
  answer: { format: 'json', schema: envelopeSchema },
});

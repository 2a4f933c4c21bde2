import { defineEndpoint } from '@mallkit/core';
import { envelopeSchema, rmsJson, type RakutenEnvelope } from './common.js';
import { RAKUTEN_PATHS } from './constants.js';

/** One row of ShippingModelList in a request. Without shippingDetailId the row is added; with it, that row is updated. */
export interface ShippingModelInput {
  /** The row to update; absent to add a row. */
  readonly shippingDetailId?: number;
  /** 配送会社コード, a string such as `"1001"`: a name is rejected with ERROR_011. */
  readonly deliveryCompany: string;
  /** お荷物伝票番号, at most 120 characters. */
  readonly shippingNumber: string;
  /** `YYYY-MM-DD`. */
  readonly shippingDate: string;
}

/** The updateOrderShipping request body. Note Rakuten's spelling `BasketidModelList` (lower-case "id"). */
export interface UpdateOrderShippingBody {
  /** The order (one per request). */
  readonly orderNumber: string;
  /** The packages (basketId from getOrder's PackageModel) and the rows to add or update on each. */
  readonly BasketidModelList: ReadonlyArray<{
    readonly basketId: number;
    readonly ShippingModelList: readonly ShippingModelInput[];
  }>;
}

/** Message codes of updateOrderShipping. */
export const SHIPPING_CODES = {
  added: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_101',
  updated: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_102',
  invalidFormat: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011',
  cancelled: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_102',
} as const;

/** Builds an updateOrderShipping body for one row of one package of one order. */
export function buildUpdateOrderShippingBody(orderNumber: string, basketId: number, row: ShippingModelInput): UpdateOrderShippingBody {
  return {
    orderNumber,
    BasketidModelList: [
      {
        basketId,
        ShippingModelList: [
          {
            ...(row.shippingDetailId !== undefined ? { shippingDetailId: row.shippingDetailId } : {}),
            deliveryCompany: row.deliveryCompany,
            shippingNumber: row.shippingNumber,
            shippingDate: row.shippingDate,
          },
        ],
      },
    ],
  };
}

/**
 * updateOrderShipping (発送完了報告): one order per request. The answer's MessageModels carry
 * `dataNumber` and the (new or existing) `shippingDetailId`. A write: never re-sent after an unknown
 * outcome (the order is read back instead).
 */
export const updateOrderShippingEndpoint = defineEndpoint<UpdateOrderShippingBody, RakutenEnvelope>({
  operation: 'updateOrderShipping',
  method: 'POST',
  path: RAKUTEN_PATHS.updateOrderShipping,
  body: (body) => rmsJson(body),
  answer: { format: 'json', schema: envelopeSchema },
});

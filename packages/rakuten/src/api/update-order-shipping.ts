import type { z } from 'zod';
import { RAKUTEN_PATHS } from '../constants.js';
import { envelopeSchema } from './common.js';

/** One row of ShippingModelList in a request. Without shippingDetailId the row is added; with it, that row is updated. */
export interface ShippingModelInput {
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
  readonly orderNumber: string;
  readonly BasketidModelList: ReadonlyArray<{
    readonly basketId: number;
    readonly ShippingModelList: readonly ShippingModelInput[];
  }>;
}

/** Builds an updateOrderShipping body for one package of one order. */
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

/** The updateOrderShipping answer: MessageModels with `dataNumber` and the (new or existing) `shippingDetailId`. */
export const updateOrderShippingResponseSchema = envelopeSchema;

/** The updateOrderShipping answer, as parsed. */
export type UpdateOrderShippingResponse = z.infer<typeof updateOrderShippingResponseSchema>;

/** Message codes of updateOrderShipping. */
export const SHIPPING_CODES = {
  added: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_101',
  updated: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_102',
  invalidFormat: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011',
  cancelled: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_102',
} as const;

/** The updateOrderShipping endpoint. */
export const updateOrderShippingEndpoint = { operation: 'updateOrderShipping', path: RAKUTEN_PATHS.updateOrderShipping } as const;

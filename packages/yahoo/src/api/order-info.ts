import { z } from 'zod';
import {
  BUYER_FIELDS,
  DETAIL_FIELDS,
  ITEM_FIELDS,
  ORDER_FIELDS,
  ORDER_INFO_FIELD_LIST,
  PAY_FIELDS,
  SELLER_FIELDS,
  SHIP_FIELDS,
} from './fields.js';
import { buildReq, errorSchema, group, list, stringFields } from './wire.js';

/** The orderInfo endpoint path (注文詳細API). */
export const ORDER_INFO_PATH = 'orderInfo';

const optionSchema = z.looseObject({ Index: z.string().optional(), Name: z.string().optional(), Value: z.string().optional(), Price: z.string().optional() });

/** One `<Item>` of an order: scalar fields plus its options and inscriptions (always arrays). */
export const orderItemSchema = z.looseObject({
  ...stringFields(ITEM_FIELDS),
  ItemOption: list(group(optionSchema)).optional(),
  Inscription: list(group(optionSchema)).optional(),
});

/** One `<OrderInfo>` of an orderInfo answer: the full field catalogue, unknown new fields kept. */
export const orderInfoSchema = z.looseObject({
  ...stringFields(ORDER_FIELDS),
  Pay: group(z.looseObject(stringFields(PAY_FIELDS))).optional(),
  Ship: group(z.looseObject(stringFields(SHIP_FIELDS))).optional(),
  Detail: group(z.looseObject(stringFields(DETAIL_FIELDS))).optional(),
  Item: list(group(orderItemSchema)).optional(),
  Seller: group(z.looseObject(stringFields(SELLER_FIELDS))).optional(),
  Buyer: group(z.looseObject(stringFields(BUYER_FIELDS))).optional(),
});

/** A parsed orderInfo `<OrderInfo>`: what `order.raw` holds for a Yahoo order. */
export type YahooOrderInfo = z.output<typeof orderInfoSchema>;
/** One parsed `<Item>`. */
export type YahooOrderItem = z.output<typeof orderItemSchema>;

/** The whole orderInfo answer: `<ResultSet>` with 0 or 1 `<OrderInfo>`. */
export const orderInfoResponseSchema = z.object({
  ResultSet: group(
    z.looseObject({
      '@_totalResultsAvailable': z.string().optional(),
      Result: group(
        z.looseObject({
          Status: z.string().optional(),
          OrderInfo: list(group(orderInfoSchema)).optional(),
          Error: group(errorSchema).optional(),
        }),
      ).optional(),
    }),
  ),
});

/** Builds the orderInfo request body for one order, asking for the whole catalogue (or `fields`). */
export function buildOrderInfoRequest(sellerId: string, orderId: string, fields: string = ORDER_INFO_FIELD_LIST): string {
  return buildReq({ Target: { OrderId: orderId, Field: fields } }, sellerId);
}

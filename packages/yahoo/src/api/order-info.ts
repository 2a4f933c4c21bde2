import { defineEndpoint, ResponseFormatError, tryParseJst, UnreadableOrderError } from '@mallkit/core';
import { z } from 'zod';
import {
  BUYER_FIELDS,
  DETAIL_FIELDS,
  ITEM_FIELDS,
  ORDER_FIELDS,
  PAY_FIELDS,
  SELLER_FIELDS,
  SHIP_FIELDS,
} from './fields.js';
import { errorSchema, group, list, reqBody, stringFields, YAHOO_XML, type TextFields } from './wire.js';

/** One buyer-chosen option or inscription (名入れ) of an item. */
export interface YahooItemOption {
  /** 1-based position. */
  readonly Index?: string;
  /** The option's name (カラー, 熨斗 名入れ…). */
  readonly Name?: string;
  /** The buyer's choice or text. */
  readonly Value?: string;
  /** The option's surcharge in yen, as text. */
  readonly Price?: string;
}

/**
 * One `<Item>` of an order (商品): its text fields plus its options and inscriptions.
 *
 * @useDeclaredType
 */
export type YahooOrderItem = TextFields<(typeof ITEM_FIELDS)[number]> & {
  /** Buyer-chosen options (カラー, サイズ…), always a list. */
  readonly ItemOption?: readonly YahooItemOption[];
  /** Inscriptions (名入れ, 熨斗), always a list. */
  readonly Inscription?: readonly YahooItemOption[];
};

/**
 * `OrderInfo/Pay` (請求): payment state and the bill-to party.
 *
 * @useDeclaredType
 */
export type YahooOrderPay = TextFields<(typeof PAY_FIELDS)[number]>;
/**
 * `OrderInfo/Ship` (配送): shipping state, tracking numbers and the ship-to party.
 *
 * @useDeclaredType
 */
export type YahooOrderShip = TextFields<(typeof SHIP_FIELDS)[number]>;
/**
 * `OrderInfo/Detail` (明細): charges, discounts and totals in yen, as text.
 *
 * @useDeclaredType
 */
export type YahooOrderDetail = TextFields<(typeof DETAIL_FIELDS)[number]>;
/**
 * `OrderInfo/Seller`.
 *
 * @useDeclaredType
 */
export type YahooOrderSeller = TextFields<(typeof SELLER_FIELDS)[number]>;
/**
 * `OrderInfo/Buyer`.
 *
 * @useDeclaredType
 */
export type YahooOrderBuyer = TextFields<(typeof BUYER_FIELDS)[number]>;
/**
 * The fields directly under `OrderInfo` (注文), all text.
 *
 * @useDeclaredType
 */
export type YahooOrderFields = TextFields<(typeof ORDER_FIELDS)[number]>;

/**
 * One orderInfo `<OrderInfo>` as parsed: what `order.raw` holds for a Yahoo order. Every field of
 * the official catalogue is named (a misspelt field name does not compile); values are Yahoo's text,
 * and the nested groups are objects even when Yahoo sent them empty.
 */
export interface YahooOrderInfo extends YahooOrderFields {
  /** `<sellerId>-<number>`. */
  readonly OrderId: string;
  /** When the order was placed, in one of Yahoo's date shapes (JST). */
  readonly OrderTime: string;
  /** 1 予約中, 2 処理中, 3 保留, 4 キャンセル, 5 完了. */
  readonly OrderStatus: string;
  /** 請求: payment state and the bill-to party. */
  readonly Pay?: YahooOrderPay;
  /** 配送: shipping state, tracking numbers and the ship-to party. */
  readonly Ship?: YahooOrderShip;
  /** 明細: charges, discounts and totals. */
  readonly Detail?: YahooOrderDetail;
  /** The order lines, always a list. */
  readonly Item?: readonly YahooOrderItem[];
  /** The store (SellerId). */
  readonly Seller?: YahooOrderSeller;
  /** The buyer's login and membership. */
  readonly Buyer?: YahooOrderBuyer;
}

const optionSchema = z.looseObject({ Index: z.string().optional(), Name: z.string().optional(), Value: z.string().optional(), Price: z.string().optional() });

const orderItemSchema = z.looseObject({
  ...stringFields(ITEM_FIELDS),
  ItemOption: list(optionSchema).optional(),
  Inscription: list(optionSchema).optional(),
});

/** Why an order whose orderInfo answer could not be read at all is unreadable (see {@link unreadableAnswerWire}). */
const UNREADABLE_ANSWER = "the orderInfo answer for this order could not be read, even after retries (an unescaped '&' or a control character in a text?); the excerpt is the answer as sent";

/**
 * What the reader is handed for an order whose orderInfo answer stayed unreadable after the
 * retries, or null when the failure is not that order's. An answer that names the order asked for
 * (`<OrderId>` near its start) but is not readable XML is broken by that order's own data (an
 * unescaped `&` or a control character in a buyer's text, specs/yahoo.md §6): orderInfo reads one
 * order per request, so the reader gets the answer's text, which fails {@link orderInfoSchema} with
 * the reason above and becomes that order's UnreadableOrderError, the text as its excerpt. Anything
 * else (an HTML page, garbage, an error) is the mall's, and stays thrown.
 */
export function unreadableAnswerWire(error: unknown, orderId: string): string | null {
  if (!ResponseFormatError.isInstance(error) || UnreadableOrderError.isInstance(error)) return null;
  const named = [`<OrderId>${orderId}</OrderId>`, `<OrderId><![CDATA[${orderId}]]></OrderId>`].some((element) => error.excerpt.includes(element));
  return named ? error.excerpt : null;
}

/**
 * The wire shape of ONE order, checked by the kit's reader order by order. OrderId, OrderTime and
 * OrderStatus are required: an order without them cannot be placed in time or state, and is
 * reported as unreadable instead of being delivered half-empty. Unknown new fields are kept.
 */
export const orderInfoSchema = z.looseObject({
  ...stringFields(ORDER_FIELDS),
  OrderId: z.string().trim().min(1, 'OrderId is empty'),
  OrderTime: z.string().refine((value) => tryParseJst(value) !== null, 'OrderTime is not a date Yahoo writes'),
  OrderStatus: z.string().regex(/^\d$/, 'OrderStatus is not a status code'),
  Pay: group(z.looseObject(stringFields(PAY_FIELDS))).optional(),
  Ship: group(z.looseObject(stringFields(SHIP_FIELDS))).optional(),
  Detail: group(z.looseObject(stringFields(DETAIL_FIELDS))).optional(),
  Item: list(orderItemSchema).optional(),
  Seller: group(z.looseObject(stringFields(SELLER_FIELDS))).optional(),
  Buyer: group(z.looseObject(stringFields(BUYER_FIELDS))).optional(),
}, { error: (issue) => (issue.code === 'invalid_type' && typeof issue.input === 'string' ? UNREADABLE_ANSWER : undefined) }) as unknown as z.ZodType<YahooOrderInfo>;

/**
 * The orderInfo answer's envelope: `<ResultSet>` with 0 or 1 `<OrderInfo>`, each left unchecked
 * here — the reader checks the order on its own, so a bad order is reported as that order.
 */
const orderInfoAnswerSchema = z.looseObject({
  ResultSet: group(
    z.looseObject({
      Result: group(
        z.looseObject({
          Status: z.string().optional(),
          OrderInfo: list(z.unknown()).optional(),
          Error: group(errorSchema).optional(),
        }),
      ).optional(),
    }),
  ),
});

/** A `<Field>` list of your own: field keys, at most 10,000 bytes once joined (orderInfo.html). */
export const orderInfoFieldsSchema = z
  .array(z.string().regex(/^[A-Za-z0-9]+$/, 'must be an orderInfo field key'))
  .min(1, 'needs at least one field')
  .refine((fields) => Buffer.byteLength(fields.join(','), 'utf8') <= 10_000, 'must be at most 10,000 bytes once joined with commas');

/** What orderInfo is asked: one order and the comma-separated `<Field>` list (≤ 10,000 bytes). */
export interface OrderInfoInput {
  readonly sellerId: string;
  readonly orderId: string;
  readonly fields: string;
}

/** orderInfo (注文詳細API): one order per request. A read sent with POST, so retried like any read. */
export const orderInfoEndpoint = defineEndpoint({
  operation: 'orderInfo',
  method: 'POST',
  path: 'orderInfo',
  idempotent: true,
  // Yahoo's limit is per API URL: each path has its own 1 req/s budget.
  limiterKey: (key) => `${key}:orderInfo`,
  body: (input: OrderInfoInput) => reqBody({ Target: { OrderId: input.orderId, Field: input.fields } }, input.sellerId),
  answer: { format: YAHOO_XML, schema: orderInfoAnswerSchema },
});

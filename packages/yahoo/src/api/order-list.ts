import { defineEndpoint } from '@mallkit/core';
import { z } from 'zod';
import type { LIST_FIELDS, PAYMENT_LIST_FIELDS } from './fields.js';
import { errorSchema, group, list, plainText, reqBody, YAHOO_XML, type TextFields } from './wire.js';

/** Most orders one orderList call returns (`<Result>` ≤ 2000). */
export const ORDER_LIST_MAX_RESULTS = 2000;

/** The orderList fields the connector asks for (listOrders and getPayments). */
type ListField = (typeof LIST_FIELDS)[number] | (typeof PAYMENT_LIST_FIELDS)[number];

/**
 * One `<OrderInfo>` of an orderList answer: the requested fields, flat, as text (`order.raw` of
 * getPayments records). The fields the connector asks for are named; any other field asked
 * through the raw client is there under its own key.
 */
export interface YahooOrderListEntry extends TextFields<ListField> {
  /** The entry's 1-based position in the whole search. */
  readonly Index?: string;
  readonly [field: string]: string | undefined;
}

/**
 * An orderList entry as getPayments reads it (`PaymentRecord.raw`): the payment fields by name, so
 * that a misspelt field does not compile.
 */
export interface YahooPaymentEntry extends TextFields<(typeof PAYMENT_LIST_FIELDS)[number]> {
  /** The entry's 1-based position in the search. */
  readonly Index?: string;
}

/** An entry as text fields: a value sent twice keeps its first, anything that is not text (an empty group) is left out. */
export function toListEntry(wire: Readonly<Record<string, unknown>>): YahooOrderListEntry {
  const entry: Record<string, string> = {};
  for (const [key, value] of Object.entries(wire)) {
    const text: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string') entry[key] = text;
  }
  return entry;
}

/** The shape of an entry once read by {@link toListEntry}: text fields only. */
export const orderListEntrySchema = z.record(z.string(), z.string()) as unknown as z.ZodType<YahooOrderListEntry>;

/** The orderList answer's envelope: `<Result>` is the root here, unlike every other order API. */
const orderListAnswerSchema = z.looseObject({
  Result: z.looseObject({
    Status: z.string().optional(),
    Search: group(
      z.looseObject({
        TotalCount: z.string().regex(/^\d+$/, 'TotalCount must be a number'),
        // Entries are read one by one (see the client): one odd entry never costs the page.
        OrderInfo: list(z.unknown()).optional(),
      }),
    ).optional(),
    Error: group(errorSchema).optional(),
  }),
});

/** Search conditions (dates `YYYYMMDDHH24MISS` or `YYYYMMDD`, JST), e.g. `{ OrderTimeFrom, OrderTimeTo }`. */
export interface OrderListCondition {
  /** One order, by id. */
  readonly OrderId?: string;
  /** Orders placed from then (inclusive). */
  readonly OrderTimeFrom?: string;
  /** Orders placed until then (inclusive). */
  readonly OrderTimeTo?: string;
  /** Orders that became visible to orderList from then (a fraud-review release). */
  readonly PublicationTimeFrom?: string;
  /** … until then. */
  readonly PublicationTimeTo?: string;
  /** 0 hides orders under fraud review (Yahoo's default), 1 includes them. */
  readonly FraudHoldDisplayType?: '0' | '1';
  /** 0 read-write orders only (Yahoo's default), 1 only the 10-minute read-only ones, 2 both. */
  readonly ReadOnlyMode?: '0' | '1' | '2';
  /** Any other condition key of orderList.html (comma-separated values where it allows several). */
  readonly [key: string]: string | undefined;
}

/** One orderList page request. */
export interface OrderListRequest {
  /** What to search: at least OrderId, or an OrderTime or PublicationTime bound. */
  readonly condition: OrderListCondition;
  /** The `<Field>` keys to return, e.g. `['OrderId', 'OrderTime']`. */
  readonly fields: readonly string[];
  /** 1-based offset. */
  readonly start: number;
  /** Page size, 1–2000. */
  readonly results: number;
  /** Oldest first (default), so that orders arriving during a sync land on later pages. */
  readonly sort?: '+order_time' | '-order_time';
}

/** The checks of an orderList request before it is sent (ValidationError naming the field). */
export const orderListRequestSchema = z
  .object({
    condition: z.record(z.string().regex(/^[A-Za-z]+$/, 'must be an orderList condition key'), plainText(1_000).optional()),
    fields: z.array(z.string().regex(/^[A-Za-z0-9]+$/, 'must be an orderList field key')).min(1, 'needs at least one field'),
    start: z.number().int().min(1),
    results: z.number().int().min(1).max(ORDER_LIST_MAX_RESULTS),
    sort: z.enum(['+order_time', '-order_time']).optional(),
  })
  .strict();

/** orderList (注文検索API): one page of a search. A read sent with POST, so retried like any read. */
export const orderListEndpoint = defineEndpoint({
  operation: 'orderList',
  method: 'POST',
  path: 'orderList',
  idempotent: true,
  limiterKey: (key) => `${key}:orderList`,
  body: (input: { readonly sellerId: string; readonly search: OrderListRequest }) => {
    const { search } = input;
    const condition: Record<string, string> = {};
    for (const [key, value] of Object.entries(search.condition)) if (value !== undefined) condition[key] = value;
    return reqBody(
      {
        Search: {
          Result: String(search.results),
          Start: String(search.start),
          Sort: search.sort ?? '+order_time',
          Condition: condition,
          Field: search.fields.join(','),
        },
      },
      input.sellerId,
    );
  },
  answer: { format: YAHOO_XML, schema: orderListAnswerSchema },
});

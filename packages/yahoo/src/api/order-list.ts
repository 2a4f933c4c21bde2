import { z } from 'zod';
import { buildReq, errorSchema, group, list } from './wire.js';

/** The orderList endpoint path (注文検索API). */
export const ORDER_LIST_PATH = 'orderList';

/** Most orders one orderList call returns (`<Result>` ≤ 2000). */
export const ORDER_LIST_MAX_RESULTS = 2000;

/** One `<OrderInfo>` of an orderList answer: the requested fields, flat. */
export const orderListEntrySchema = z.looseObject({ OrderId: z.string().min(1) }).catchall(z.unknown());

/** A parsed orderList entry. */
export type YahooOrderListEntry = z.output<typeof orderListEntrySchema>;

/** The orderList answer: `<Result>` is the root here, unlike every other order API. */
export const orderListResponseSchema = z.object({
  Result: z.looseObject({
    Status: z.string().optional(),
    Search: group(
      z.looseObject({
        TotalCount: z.string().regex(/^\d+$/, 'TotalCount must be a number'),
        OrderInfo: list(orderListEntrySchema).optional(),
      }),
    ).optional(),
    Error: group(errorSchema).optional(),
  }),
});

/** Search conditions the connector uses (dates are `YYYYMMDDHH24MISS`, JST). */
export interface OrderListCondition {
  readonly OrderId?: string;
  readonly OrderTimeFrom?: string;
  readonly OrderTimeTo?: string;
  readonly PublicationTimeFrom?: string;
  readonly PublicationTimeTo?: string;
  /** 0 hides orders under fraud review (the default), 1 includes them. */
  readonly FraudHoldDisplayType?: '0' | '1';
  /** 0 read-write orders only (default), 1 only the 10-minute read-only ones, 2 both. */
  readonly ReadOnlyMode?: '0' | '1' | '2';
}

/** One orderList page request. */
export interface OrderListRequest {
  readonly condition: OrderListCondition;
  readonly fields: readonly string[];
  /** 1-based offset. */
  readonly start: number;
  /** Page size, at most 2000. */
  readonly results: number;
}

/** Builds an orderList request body, oldest orders first so that new arrivals land on later pages. */
export function buildOrderListRequest(sellerId: string, request: OrderListRequest): string {
  const condition: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.condition)) if (value !== undefined) condition[key] = value;
  return buildReq(
    {
      Search: {
        Result: String(request.results),
        Start: String(request.start),
        Sort: '+order_time',
        Condition: condition,
        Field: request.fields.join(','),
      },
    },
    sellerId,
  );
}

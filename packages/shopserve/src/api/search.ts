import { defineEndpoint, formatJst, type Endpoint } from '@mallkit/core';
import { z } from 'zod';
import type { FieldRenamer } from './field-names.js';
import type { ShopserveWireProfile } from './wire-profile.js';

/** Which date a search window refers to. */
export type SearchDateType = 'ordered' | 'updated';

/** One page of 注文情報検索 (V2-M-0024): by a window of dates, or by serial codes. */
export type OrderSearch =
  | {
      /** Start of the window, inclusive (`since`, CONFIRMED). */
      readonly since: Date;
      /** End of the window, inclusive (`until`, UNVERIFIED). */
      readonly until: Date;
      /** The date the window refers to (`date_type`, UNVERIFIED). */
      readonly dateType: SearchDateType;
      /** 0-based offset of the page (`from`, UNVERIFIED). */
      readonly offset: number;
    }
  | {
      /** The orders to read (`serial_codes`, UNVERIFIED), at most one page. */
      readonly serialCodes: readonly string[];
    };

/** A search answer: the whole search's count and this page's orders, each checked later on its own. */
export interface OrderSearchAnswer {
  /** `total_count`: how many orders the whole search holds. */
  readonly total_count: number;
  /** The page's orders, unvalidated (the order reader checks each one). */
  readonly orders: readonly unknown[];
}

const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** The search body in canonical spelling, before renaming. */
function searchBody(search: OrderSearch, wire: ShopserveWireProfile): Record<string, unknown> {
  if ('serialCodes' in search) return { serial_codes: [...search.serialCodes], from: 0, size: search.serialCodes.length };
  const dateType = search.dateType === 'ordered' ? wire.values.orderedDateType : wire.values.updatedDateType;
  return {
    since: formatJst(search.since, wire.dateFormat),
    until: formatJst(search.until, wire.dateFormat),
    date_type: dateType,
    from: search.offset,
    size: wire.pageSize,
    ...(wire.sortResults ? { sort: { type: dateType, order: wire.values.ascending } } : {}),
  };
}

/**
 * 注文情報検索 V2-M-0024: `POST /v2/orders/_retrieve/{composite_requests}` with the profile's
 * blocks joined by `;` (a matrix URL segment) and a JSON body. A read sent with POST, so it is
 * marked idempotent: timeouts and unreadable answers are retried.
 */
export function searchEndpoint(wire: ShopserveWireProfile, renamer: FieldRenamer): Endpoint<OrderSearch, OrderSearchAnswer> {
  const answerSchema = z.preprocess(
    (value) => renamer.toCanonical(value),
    z.looseObject({ total_count: count, orders: z.array(z.unknown()) }),
  );
  return defineEndpoint<OrderSearch, OrderSearchAnswer>({
    operation: 'searchOrders',
    method: 'POST',
    path: wire.searchPath.replace('{composite_requests}', wire.blocks.join(';')),
    idempotent: true,
    body: (search) => ({ json: renamer.toMall(searchBody(search, wire)) }),
    answer: { format: 'json', schema: answerSchema as z.ZodType<OrderSearchAnswer> },
  });
}

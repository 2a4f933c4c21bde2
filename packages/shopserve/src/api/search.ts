import { defineEndpoint, formatJst, tryParseJst, type Endpoint, type TimeWindow } from '@mallkit/core';
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

/**
 * Where the next page of a window's search starts: an offset, and for searches by updated time the
 * 受注更新日時 the page's search starts at (`since`, epoch ms).
 */
export interface SearchCursor {
  /** 0-based offset within the search that starts at `since`. */
  readonly offset: number;
  /** Start of the search of this page (updated-time searches only); the window's start when absent. */
  readonly since?: number;
}

/** The 受注更新日時 of a wire order (canonical spelling, not yet validated), or null. */
function updatedAtOf(entry: unknown): number | null {
  const basic = typeof entry === 'object' && entry !== null ? (entry as { basic?: unknown }).basic : undefined;
  const value = typeof basic === 'object' && basic !== null ? (basic as { updated_at?: unknown }).updated_at : undefined;
  return typeof value === 'string' ? (tryParseJst(value)?.getTime() ?? null) : null;
}

/**
 * The cursor of the page after `answer`, or undefined after the last page. Order-time searches page
 * by offset: 注文日時 never changes. An updated-time search sorted oldest first pages by key instead:
 * the next search starts at the last 受注更新日時 seen (inclusive, so orders of that second come
 * again and the lister drops them as seen). With offsets, an order changed during the listing jumps
 * to the end of the results, every order after it moves one place up, and the first order of the
 * next page is never seen (review H3). Orders sharing one second beyond a whole page are paged by
 * offset within that second.
 */
export function nextSearchCursor(
  cursor: SearchCursor | undefined,
  window: TimeWindow,
  answer: OrderSearchAnswer,
  byKey: boolean,
): SearchCursor | undefined {
  const offset = cursor?.offset ?? 0;
  const reached = offset + answer.orders.length;
  if (answer.orders.length === 0 || reached >= answer.total_count) return undefined;
  if (!byKey) return { offset: reached };
  const since = cursor?.since ?? window.from.getTime();
  const times = answer.orders.map(updatedAtOf).filter((time): time is number => time !== null);
  const last = Math.max(...times);
  // No order of the page is later than where it started: the same search, one page further.
  if (times.length === 0 || last <= since) return { since, offset: reached };
  const atLast = times.filter((time) => time === last).length;
  return { since: last, offset: atLast === answer.orders.length ? atLast : 0 };
}

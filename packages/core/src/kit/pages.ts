import { paginate, type Page } from '../iter/paginate.js';
import type { Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';

/** What {@link readAllPages} needs. */
export interface ReadAllPagesOptions<Item, Cursor> {
  readonly mall: MallId;
  /** The paged operation, for errors (`getOrderItems`). */
  readonly operation: string;
  /** Fetches one page; `undefined` asks for the first. */
  fetchPage(cursor: Cursor | undefined): Promise<Page<Item, Cursor>>;
  /** The most pages the resource can have (default core's 10,000). */
  readonly maxPages?: number;
  /** The identity of an item, to notice a page repeated. */
  readonly key?: (item: Item) => string;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
}

/**
 * Reads every page of a small paged sub-resource (an order's items, its packages) into one array,
 * with the same guards as order listings: a repeated token or page, or more pages than the resource
 * can hold, ends in ResponseFormatError instead of an endless loop. Malls use it instead of a
 * hand-written `do … while (nextToken)`.
 */
export async function readAllPages<Item, Cursor = string>(options: ReadAllPagesOptions<Item, Cursor>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of paginate<Item, Cursor>({
    fetchPage: (cursor) => options.fetchPage(cursor),
    mall: options.mall,
    operation: options.operation,
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    ...(options.key ? { key: options.key } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  })) {
    items.push(item);
  }
  return items;
}

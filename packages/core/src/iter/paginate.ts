import { ResponseFormatError } from '../errors/classes.js';
import type { Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';

/** One page as a mall returned it: its items and the cursor of the next page, if any. */
export interface Page<Item, Cursor> {
  readonly items: readonly Item[];
  /** The cursor to ask for the next page with; `undefined` when this was the last page. */
  readonly next: Cursor | undefined;
}

/** The most pages one search may take unless the mall's own cap says fewer. */
export const DEFAULT_MAX_PAGES = 10_000;
/** Pages in a row that bring nothing new before paging is declared stuck. */
const STALLED_PAGES = 3;

/** What {@link paginate} needs: how to fetch one page, and the guards against a mall that lies about paging. */
export interface PaginateOptions<Item, Cursor> {
  /** Fetches the page at `cursor`; `undefined` asks for the first page. */
  fetchPage(cursor: Cursor | undefined, signal?: AbortSignal): Promise<Page<Item, Cursor>>;
  /** Checked before every page: once aborted, iteration throws `signal.reason`. */
  readonly signal?: AbortSignal;
  /**
   * The most pages this search can have (the mall's result cap ÷ its page size); default
   * {@link DEFAULT_MAX_PAGES}. A mall that announces more keeps paging past what it can hold.
   */
  readonly maxPages?: number;
  /**
   * The identity of an item, to see progress: a page that repeats the previous page's items, or
   * three pages in a row that bring no item not seen in this search, mean the mall is not paging.
   */
  readonly key?: (item: Item) => string;
  /** Empty pages in a row that still announce a next page, after which paging ends (default 3). */
  readonly emptyPagesToEnd?: number;
  /** Used in errors and warnings. */
  readonly mall?: MallId;
  /** Used in errors and warnings. */
  readonly operation?: string;
  /** Where a warning goes when the mall announced pages it then sent empty. */
  readonly logger?: Logger;
  /** A first page already fetched (e.g. to read a total count); it is used instead of fetching one. */
  readonly first?: Page<Item, Cursor>;
}

/**
 * A key to compare cursors by value: a mall's page token comes back as a new string or a freshly
 * parsed object each time, so identity would never see a repeat.
 */
function cursorKey(cursor: unknown): string {
  return typeof cursor === 'object' && cursor !== null ? `json:${JSON.stringify(cursor)}` : `${typeof cursor}:${String(cursor)}`;
}

function describe(cursor: unknown): string {
  const text = typeof cursor === 'string' ? JSON.stringify(cursor) : cursorKey(cursor);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Yields the items of page after page, lazily: the next page is fetched only when the consumer
 * asks for more, so breaking out of a `for await` stops the requests.
 *
 * Ends when a page has no `next` cursor, when an empty page echoes back the cursor it was fetched
 * with (how some malls say "no more"), or after `emptyPagesToEnd` empty pages in a row (a total
 * count that promises pages the mall does not have; a warning is logged). A mall that does not
 * page — a cursor already used, a page identical to the one before, three pages with nothing new,
 * more pages than it can have — would make the loop endless: the page's items are yielded, then a
 * ResponseFormatError says what the mall did. Memory: one short string per page and per item key.
 */
export async function* paginate<Item, Cursor = string>(options: PaginateOptions<Item, Cursor>): AsyncGenerator<Item, void, undefined> {
  const { signal, key } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const emptyPagesToEnd = options.emptyPagesToEnd ?? STALLED_PAGES;
  const where = `${options.mall ?? 'mall'} ${options.operation ?? 'paging'}`;
  const stuck = (reason: string): ResponseFormatError =>
    new ResponseFormatError(`${where}: pagination did not advance: ${reason}`, {
      mall: options.mall ?? null,
      operation: options.operation ?? null,
      hint: {
        ja: 'モールのページ送りが進みません（同じページ・同じトークンの繰り返し、または件数の過大申告）。取得済みの注文はすべて渡しました。時間をおいて再実行してください。',
        en: 'The mall did not advance its pages (the same page or token again, or more pages than it can hold). Every order read so far was delivered; run the sync again later.',
      },
    });

  const seenCursors = new Set<string>();
  const seenItems = key ? new Set<string>() : null;
  let previousPage: string | null = null;
  let stalled = 0;
  let empty = 0;
  let cursor: Cursor | undefined;
  for (let pages = 1; ; pages += 1) {
    signal?.throwIfAborted();
    const page = pages === 1 && options.first ? options.first : await options.fetchPage(cursor, signal);
    yield* page.items;
    const { next } = page;
    if (next === undefined) return;

    if (seenItems && key && page.items.length > 0) {
      const keys = page.items.map(key);
      const signature = keys.join('\u0000');
      if (signature === previousPage) throw stuck(`page ${pages} repeats the previous page's ${keys.length} items`);
      previousPage = signature;
      let fresh = 0;
      for (const itemKey of keys) {
        if (!seenItems.has(itemKey)) fresh += 1;
        seenItems.add(itemKey);
      }
      stalled = fresh === 0 ? stalled + 1 : 0;
      if (stalled >= STALLED_PAGES) throw stuck(`${STALLED_PAGES} pages in a row brought no item not seen before`);
    }

    const nextKey = cursorKey(next);
    if (page.items.length === 0) {
      if (cursor !== undefined && nextKey === cursorKey(cursor)) return;
      empty += 1;
      if (empty >= emptyPagesToEnd) {
        options.logger?.warn(`${where}: the mall announced more pages but sent ${empty} empty ones in a row; taking that as the end`, {
          pages,
        });
        return;
      }
    } else {
      empty = 0;
    }
    // The first request has no cursor, so that one is never recorded: a mall cannot "repeat" it.
    if (cursor !== undefined) seenCursors.add(cursorKey(cursor));
    if (seenCursors.has(nextKey)) throw stuck(`the mall returned cursor ${describe(next)} again after using it`);
    if (pages >= maxPages) throw stuck(`more than ${maxPages} pages, which is more than this search can hold`);
    cursor = next;
  }
}

/**
 * Passes each item through once, dropping later items with a key already seen (an order that moved
 * between two pages while they were fetched). Only the keys are kept, so memory grows with the
 * number of ids, never with the items themselves.
 */
export async function* uniqueBy<Item>(source: AsyncIterable<Item>, key: (item: Item) => string): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  for await (const item of source) {
    const id = key(item);
    if (seen.has(id)) continue;
    seen.add(id);
    yield item;
  }
}

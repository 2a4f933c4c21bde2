/** One page as a mall returned it: its items and the cursor of the next page, if any. */
export interface Page<Item, Cursor> {
  readonly items: readonly Item[];
  /** The cursor to ask for the next page with; `undefined` when this was the last page. */
  readonly next: Cursor | undefined;
}

/** What {@link paginate} needs: how to fetch one page, and optionally a signal to stop between pages. */
export interface PaginateOptions<Item, Cursor> {
  /** Fetches the page at `cursor`; `undefined` asks for the first page. */
  fetchPage(cursor: Cursor | undefined, signal?: AbortSignal): Promise<Page<Item, Cursor>>;
  /** Checked before every page: once aborted, iteration throws `signal.reason`. */
  readonly signal?: AbortSignal;
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
 * Ends when a page has no `next` cursor, or when an empty page echoes back the cursor it was
 * fetched with (how some malls say "no more"). A page with items that hands back a cursor already
 * used would loop forever: its items are yielded, then an Error naming the cursor is thrown.
 * Cursors are compared by value (objects through JSON), and every cursor used is remembered, which
 * costs one short string per page.
 */
export async function* paginate<Item, Cursor = string>(options: PaginateOptions<Item, Cursor>): AsyncGenerator<Item, void, undefined> {
  const { signal } = options;
  const seen = new Set<string>();
  let cursor: Cursor | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await options.fetchPage(cursor, signal);
    yield* page.items;
    const { next } = page;
    if (next === undefined) return;
    const key = cursorKey(next);
    if (page.items.length === 0 && cursor !== undefined && key === cursorKey(cursor)) return;
    // The first request has no cursor, so that one is never recorded: a mall cannot "repeat" it.
    if (cursor !== undefined) seen.add(cursorKey(cursor));
    if (seen.has(key)) {
      throw new Error(`Pagination did not advance: the mall returned cursor ${describe(next)} again after using it`);
    }
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

import type { SandboxAdversary } from './mall-sandbox.js';

/*
 * The in-memory store every mall sandbox keeps its orders in, with the two kinds of paging malls
 * use (page/offset with a total, and opaque cursor tokens) and the ways malls were seen to lie
 * about paging, so that a sandbox can play them for the conformance suite.
 */

/** How a sandbox can lie about paging, as real malls were seen to. */
export type PagingLie =
  /** A total far above the truth (Rakuten's totalPages of 1,000,000): pages past the end come back empty. */
  | 'inflated-total'
  /** Every page is the first page again, under a huge total (Yahoo's TotalCount with the same page). */
  | 'repeat-page'
  /** The next-page token never changes (Amazon's repeating nextToken), with the same items. */
  | 'repeat-cursor';

/** One page of an offset search. */
export interface OffsetPage<Record> {
  readonly items: Record[];
  /** How many records the whole search holds (as the sandbox reports it: a lie inflates it). */
  readonly total: number;
}

/** One page of a cursor search. */
export interface CursorPage<Record> {
  readonly items: Record[];
  /** The token of the next page; undefined after the last. */
  readonly next: string | undefined;
}

/** A search: which records, and a signature naming the search so that its filtered list is computed once for all its pages. */
export interface StoreSearch<Record> {
  /** Which records match; default all. */
  readonly where?: (record: Record) => boolean;
  /**
   * A string naming this search (its parameters). Pages of the same search reuse one filtered list
   * until the store changes, so that paging through N results costs O(N), not O(N²).
   */
  readonly signature?: string;
}

/** Thrown by {@link SandboxStore.pageByCursor} for a token it did not issue for this search: the mall's "invalid token" answer. */
export class SandboxCursorError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'SandboxCursorError';
  }
}

/** Options of {@link createSandboxStore}. */
export interface SandboxStoreOptions<Record> {
  /** The id of a record (the order id). */
  id(record: Record): string;
  /** The order searches list records in (default: insertion order). */
  compare?(a: Record, b: Record): number;
}

/** A sandbox's orders, searchable with offset or cursor paging, and able to lie about paging on request. */
export interface SandboxStore<Record> {
  /** Adds or replaces a record. */
  put(record: Record): void;
  get(id: string): Record | undefined;
  has(id: string): boolean;
  /** Changes a record in place (or replaces it with what `change` returns); undefined when absent. */
  update(id: string, change: (record: Record) => Record | void): Record | undefined;
  delete(id: string): boolean;
  /** How many records the store holds. */
  readonly size: number;
  /** Every record, in search order. */
  values(): Record[];
  /** One page by offset (0-based) and limit, with the search's total. */
  page(search: StoreSearch<Record>, offset: number, limit: number): OffsetPage<Record>;
  /** One page by cursor token (undefined for the first page). Throws SandboxCursorError for a token of another search. */
  pageByCursor(search: StoreSearch<Record>, cursor: string | undefined, limit: number): CursorPage<Record>;
  /** The paging lie in effect, or null for honest paging. */
  pagingLie: PagingLie | null;
  /** Ids of orders to render unreadable (the sandbox's handlers break them in the mall's own way). */
  readonly corrupted: Set<string>;
  /** Removes every record and forgets the lies. */
  clear(): void;
}

const LIE_TOTAL = 1_000_000;

function encodeCursor(offset: number, signature: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: signature }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { offset: number; signature: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    return typeof value.o === 'number' && typeof value.s === 'string' ? { offset: value.o, signature: value.s } : null;
  } catch {
    return null;
  }
}

/** Creates an empty store. */
export function createSandboxStore<Record>(options: SandboxStoreOptions<Record>): SandboxStore<Record> {
  let records = new Map<string, Record>();
  let sorted: Record[] | null = null;
  let version = 0;
  const searches = new Map<string, { version: number; items: Record[] }>();

  const changed = (): void => {
    version += 1;
    sorted = null;
    searches.clear();
  };

  const all = (): Record[] => {
    if (sorted === null) {
      sorted = [...records.values()];
      if (options.compare) sorted.sort((a, b) => options.compare?.(a, b) ?? 0);
    }
    return sorted;
  };

  const matching = (search: StoreSearch<Record>): Record[] => {
    const compute = (): Record[] => (search.where ? all().filter(search.where) : all());
    if (search.signature === undefined) return compute();
    const cached = searches.get(search.signature);
    if (cached && cached.version === version) return cached.items;
    const items = compute();
    searches.set(search.signature, { version, items });
    return items;
  };

  const store: SandboxStore<Record> = {
    put(record) {
      records.set(options.id(record), record);
      changed();
    },
    get: (id) => records.get(id),
    has: (id) => records.has(id),
    update(id, change) {
      const record = records.get(id);
      if (record === undefined) return undefined;
      const replaced = change(record);
      const next = replaced === undefined ? record : replaced;
      records.set(id, next);
      changed();
      return next;
    },
    delete(id) {
      const removed = records.delete(id);
      if (removed) changed();
      return removed;
    },
    get size() {
      return records.size;
    },
    values: () => [...all()],
    page(search, offset, limit) {
      const items = matching(search);
      if (store.pagingLie === 'repeat-page' || store.pagingLie === 'repeat-cursor') return { items: items.slice(0, limit), total: LIE_TOTAL };
      const total = store.pagingLie === 'inflated-total' ? LIE_TOTAL : items.length;
      return { items: items.slice(offset, offset + limit), total };
    },
    pageByCursor(search, cursor, limit) {
      const signature = search.signature ?? '';
      let offset = 0;
      if (cursor !== undefined) {
        const decoded = decodeCursor(cursor);
        if (decoded === null || decoded.signature !== signature) throw new SandboxCursorError('the token does not belong to this search');
        offset = decoded.offset;
      }
      const items = matching(search);
      if (store.pagingLie === 'repeat-cursor' || store.pagingLie === 'repeat-page') {
        return { items: items.slice(0, limit), next: encodeCursor(limit, signature) };
      }
      const page = items.slice(offset, offset + limit);
      const more = store.pagingLie === 'inflated-total' ? offset + limit < LIE_TOTAL : offset + limit < items.length;
      return { items: page, next: more ? encodeCursor(offset + limit, signature) : undefined };
    },
    pagingLie: null,
    corrupted: new Set<string>(),
    clear() {
      records = new Map();
      store.pagingLie = null;
      store.corrupted.clear();
      changed();
    },
  };
  return store;
}

/**
 * The adversary of a sandbox whose orders live in a {@link SandboxStore}: paging lies and corrupted
 * orders are played by the store and the mall's renderers; `withId` copies one of the mall's
 * records under another id.
 */
export function storeAdversary<Record>(store: SandboxStore<Record>, withId: (record: Record, id: string) => Record): SandboxAdversary {
  return {
    lieAboutPaging(lie) {
      store.pagingLie = lie;
    },
    corruptOrder(id) {
      if (!store.has(id)) throw new RangeError(`storeAdversary.corruptOrder: no order ${id}`);
      store.corrupted.add(id);
    },
    addOrderWithId(likeId, badId) {
      const record = store.get(likeId);
      if (record === undefined) throw new RangeError(`storeAdversary.addOrderWithId: no order ${likeId}`);
      store.put(withId(structuredClone(record), badId));
    },
  };
}

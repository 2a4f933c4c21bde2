import { ResponseFormatError } from '../src/errors/classes.js';
import { describe, expect, it } from 'vitest';
import { paginate, uniqueBy, type Page } from '../src/iter/paginate.js';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** A fake mall: page N is served for cursor N (first page for undefined), recording every call. */
function pages<Item, Cursor>(served: ReadonlyArray<[Cursor | undefined, Page<Item, Cursor>]>) {
  const calls: Array<Cursor | undefined> = [];
  const signals: Array<AbortSignal | undefined> = [];
  return {
    calls,
    signals,
    fetchPage: async (cursor: Cursor | undefined, signal?: AbortSignal): Promise<Page<Item, Cursor>> => {
      calls.push(cursor);
      signals.push(signal);
      const found = served.find(([key]) => JSON.stringify(key) === JSON.stringify(cursor));
      if (!found) throw new Error(`no page for cursor ${String(cursor)}`);
      return found[1];
    },
  };
}

describe('paginate', () => {
  it('yields every item of every page in order and stops at the last page', async () => {
    const mall = pages<string, string>([
      [undefined, { items: ['a', 'b'], next: 't1' }],
      ['t1', { items: ['c'], next: 't2' }],
      ['t2', { items: ['d', 'e'], next: undefined }],
    ]);
    expect(await collect(paginate({ fetchPage: mall.fetchPage }))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mall.calls).toEqual([undefined, 't1', 't2']);
  });

  it('works with numeric cursors (page numbers)', async () => {
    const mall = pages<number, number>([
      [undefined, { items: [1, 2], next: 2 }],
      [2, { items: [3], next: 3 }],
      [3, { items: [], next: undefined }],
    ]);
    expect(await collect(paginate({ fetchPage: mall.fetchPage }))).toEqual([1, 2, 3]);
  });

  it('goes on past an empty page that carries a new cursor', async () => {
    const mall = pages<string, string>([
      [undefined, { items: [], next: 't1' }],
      ['t1', { items: ['a'], next: undefined }],
    ]);
    expect(await collect(paginate({ fetchPage: mall.fetchPage }))).toEqual(['a']);
  });

  it('stops when an empty page echoes back the cursor it was fetched with', async () => {
    const mall = pages<string, string>([
      [undefined, { items: ['a'], next: 't1' }],
      ['t1', { items: [], next: 't1' }],
    ]);
    expect(await collect(paginate({ fetchPage: mall.fetchPage }))).toEqual(['a']);
    expect(mall.calls).toEqual([undefined, 't1']);
  });

  it('throws, naming the cursor, when a page with items hands back its own cursor', async () => {
    const mall = pages<string, string>([
      [undefined, { items: ['a'], next: 'stuck' }],
      ['stuck', { items: ['b'], next: 'stuck' }],
    ]);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of paginate({ fetchPage: mall.fetchPage })) seen.push(item);
      })(),
    ).rejects.toThrow('cursor "stuck" again');
    // The items of the repeating page were real and are delivered before the error.
    expect(seen).toEqual(['a', 'b']);
    expect(mall.calls).toEqual([undefined, 'stuck']);
  });

  it('throws on a longer cycle of cursors', async () => {
    const mall = pages<string, string>([
      [undefined, { items: ['a'], next: 'x' }],
      ['x', { items: ['b'], next: 'y' }],
      ['y', { items: ['c'], next: 'x' }],
    ]);
    await expect(collect(paginate({ fetchPage: mall.fetchPage }))).rejects.toThrow('cursor "x" again');
    expect(mall.calls).toEqual([undefined, 'x', 'y']);
  });

  it('compares object cursors by value', async () => {
    const mall = pages<string, { offset: number }>([
      [undefined, { items: ['a'], next: { offset: 1 } }],
      [{ offset: 1 }, { items: ['b'], next: { offset: 1 } }],
    ]);
    await expect(collect(paginate({ fetchPage: mall.fetchPage }))).rejects.toThrow('{"offset":1}');
  });

  it('fetches lazily: breaking out stops the requests', async () => {
    const mall = pages<string, string>([
      [undefined, { items: ['a', 'b'], next: 't1' }],
      ['t1', { items: ['c'], next: undefined }],
    ]);
    for await (const item of paginate({ fetchPage: mall.fetchPage })) {
      if (item === 'a') break;
    }
    expect(mall.calls).toEqual([undefined]);
  });

  it('passes the signal to fetchPage and throws its reason once aborted between pages', async () => {
    const controller = new AbortController();
    const mall = pages<string, string>([
      [undefined, { items: ['a'], next: 't1' }],
      ['t1', { items: ['b'], next: undefined }],
    ]);
    const reason = new Error('shutting down');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of paginate({ fetchPage: mall.fetchPage, signal: controller.signal })) {
          seen.push(item);
          controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual(['a']);
    expect(mall.calls).toEqual([undefined]);
    expect(mall.signals).toEqual([controller.signal]);
  });

  it('fetches nothing when the signal is already aborted', async () => {
    const mall = pages<string, string>([[undefined, { items: ['a'], next: undefined }]]);
    await expect(collect(paginate({ fetchPage: mall.fetchPage, signal: AbortSignal.abort() }))).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(mall.calls).toEqual([]);
  });

  it('passes on an error thrown by fetchPage', async () => {
    const failure = new Error('503');
    await expect(collect(paginate<string>({ fetchPage: () => Promise.reject(failure) }))).rejects.toBe(failure);
  });
});

describe('uniqueBy', () => {
  async function* source<T>(items: readonly T[]): AsyncGenerator<T> {
    yield* items;
  }

  it('yields each key once, keeping the first occurrence', async () => {
    const orders = [
      { id: '001', v: 1 },
      { id: '002', v: 1 },
      { id: '001', v: 2 },
      { id: '003', v: 1 },
      { id: '002', v: 2 },
    ];
    expect(await collect(uniqueBy(source(orders), (o) => o.id))).toEqual([
      { id: '001', v: 1 },
      { id: '002', v: 1 },
      { id: '003', v: 1 },
    ]);
  });

  it('removes an order that moved from one page to the next', async () => {
    const mall = pages<{ id: string }, number>([
      [undefined, { items: [{ id: 'A' }, { id: 'B' }], next: 2 }],
      [2, { items: [{ id: 'B' }, { id: 'C' }], next: undefined }],
    ]);
    const ids = (await collect(uniqueBy(paginate({ fetchPage: mall.fetchPage }), (o) => o.id))).map((o) => o.id);
    expect(ids).toEqual(['A', 'B', 'C']);
  });

  it('calls key exactly once per item', async () => {
    const keys: string[] = [];
    const result = await collect(
      uniqueBy(source(['a', 'b', 'a']), (item) => {
        keys.push(item);
        return item;
      }),
    );
    expect(result).toEqual(['a', 'b']);
    expect(keys).toEqual(['a', 'b', 'a']);
  });
});

describe('paginate guards against a mall that lies about paging', () => {
  const numbered = (pages: ReadonlyArray<readonly string[]>, next: (page: number) => number | undefined) => ({
    calls: 0,
    async fetchPage(this: { calls: number }, cursor: number | undefined) {
      this.calls += 1;
      const page = cursor ?? 1;
      return { items: pages[Math.min(page, pages.length) - 1] ?? [], next: next(page) };
    },
  });

  it('ends after three empty pages that still announce more (a total far above the truth), with a warning', async () => {
    const warnings: string[] = [];
    const mall = numbered([['a', 'b'], ['c'], []], (page) => page + 1);
    const logger = { debug() {}, info() {}, warn: (message: string) => void warnings.push(message), error() {} };
    const items = await collect(paginate<string, number>({ fetchPage: (cursor) => mall.fetchPage(cursor), logger, mall: 'rakuten', operation: 'searchOrder' }));
    expect(items).toEqual(['a', 'b', 'c']);
    expect(mall.calls).toBe(5);
    expect(warnings[0]).toMatch(/rakuten searchOrder: the mall announced more pages/);
  });

  it('throws ResponseFormatError when a page repeats the previous one (the same page under a huge total)', async () => {
    const mall = numbered([['a', 'b']], (page) => page + 1);
    const error = await collect(paginate<string, number>({ fetchPage: (cursor) => mall.fetchPage(cursor), key: (item: string) => item, mall: 'yahoo', operation: 'orderList' })).catch((e: unknown) => e);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/yahoo orderList: pagination did not advance: page 2 repeats/);
    expect(mall.calls).toBe(2);
  });

  it('throws when three pages in a row bring nothing new', async () => {
    const mall = numbered([['a', 'b'], ['b', 'a'], ['a'], ['b']], (page) => page + 1);
    await expect(collect(paginate<string, number>({ fetchPage: (cursor) => mall.fetchPage(cursor), key: (item: string) => item }))).rejects.toThrow(/3 pages in a row/);
  });

  it('throws past the most pages the search can hold', async () => {
    let page = 0;
    const error = await collect(paginate<string, number>({ maxPages: 5, fetchPage: async () => ({ items: [`i${(page += 1)}`], next: page + 1 }) })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/more than 5 pages/);
    expect(page).toBe(5);
  });

  it('starts from a first page already fetched', async () => {
    let calls = 0;
    const items = await collect(paginate<string, number>({ first: { items: ['a'], next: 2 }, fetchPage: async () => (calls += 1, { items: ['b'], next: undefined }) }));
    expect(items).toEqual(['a', 'b']);
    expect(calls).toBe(1);
  });
});


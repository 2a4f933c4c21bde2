import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/contract/capabilities.js';
import { IncompleteResultError, ResponseFormatError, ValidationError } from '../../src/errors/classes.js';
import { createOrderLister, type ListPage, type SearchRequest } from '../../src/kit/order-lister.js';
import { createOrderReader } from '../../src/kit/order-reader.js';
import { captureOutput } from '../../src/testing/capture.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import { readerBase, type TinyOrder } from './fixtures.js';

const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;

interface World {
  /** Orders by id, each with its order time (epoch ms). */
  readonly orders: Map<string, { wire: TinyOrder; at: number }>;
  readonly searches: Array<{ from: string; to: string; page: number }>;
  readonly details: string[][];
}

function world(count: number, spanDays = 10): World {
  const now = Date.parse(NOW);
  const orders = new Map<string, { wire: TinyOrder; at: number }>();
  for (let i = 0; i < count; i += 1) {
    const at = now - spanDays * DAY + Math.floor(((i + 0.5) / count) * spanDays * DAY);
    const id = `o${String(i).padStart(4, '0')}`;
    orders.set(id, { wire: { id, status: i % 3 === 0 ? 'done' : 'new', at: new Date(at).toISOString() }, at });
  }
  return { orders, searches: [], details: [] };
}

const caps = (overrides: Partial<Capabilities['listOrders']> = {}): Capabilities['listOrders'] => ({
  dateTypes: ['ordered'],
  maxWindowDays: null,
  maxLookbackDays: null,
  pageSize: 10,
  detailBatchSize: 4,
  ...overrides,
});

function lister(w: World, options: { capabilities?: Capabilities['listOrders']; resultCap?: number; lag?: number; page?: (request: SearchRequest<undefined, number>, ids: string[]) => ListPage<string, number> } = {}) {
  const clock = createSandboxClock(NOW);
  const { logger, lines } = captureOutput();
  const capabilities = options.capabilities ?? caps();
  const reader = createOrderReader<TinyOrder>({
    ...readerBase,
    logger,
    batchSize: capabilities.detailBatchSize,
    fetch: async (ids) => {
      w.details.push([...ids]);
      return { orders: ids.flatMap((id) => (w.orders.has(id) ? [w.orders.get(id)!.wire] : [])) };
    },
  });
  const list = createOrderLister<TinyOrder, string, number>({
    mall: 'rakuten',
    operation: 'search',
    capabilities,
    clock,
    logger,
    inline: false,
    reader,
    entryId: (id) => id,
    ...(options.resultCap ? { resultCap: options.resultCap } : {}),
    ...(options.lag ? { visibilityLagMs: options.lag } : {}),
    fetchPage: async (request) => {
      const page = request.cursor ?? 1;
      w.searches.push({ from: request.window.from.toISOString(), to: request.window.to.toISOString(), page });
      const ids = [...w.orders.entries()].filter(([, o]) => o.at >= request.window.from.getTime() && o.at <= request.window.to.getTime()).map(([id]) => id);
      if (options.page) return options.page(request, ids);
      return { entries: ids.slice((page - 1) * capabilities.pageSize, page * capabilities.pageSize), total: ids.length, next: page * capabilities.pageSize < ids.length ? page + 1 : undefined };
    },
  });
  return { list, lines };
}

async function drain<T>(source: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of source) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

describe('createOrderLister', () => {
  it('pages, de-duplicates and reads details in full batches carried across pages (requests = the minimum)', async () => {
    const w = world(25);
    const { items } = await drain(lister(w).list({ from: '2026-11-01T00:00:00+09:00' }));
    expect(items.map((o) => o.id)).toEqual([...w.orders.keys()]);
    expect(w.searches.map((s) => s.page)).toEqual([1, 2, 3]);
    // 25 ids in batches of 4: 7 detail requests, every one full but the last.
    expect(w.details.map((batch) => batch.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
  });

  it('carries the ids that do not fill a batch into the next window: ⌈N / batch⌉ detail requests over several windows', async () => {
    const w = world(25, 40);
    const { items } = await drain(lister(w, { capabilities: caps({ maxWindowDays: 15 }) }).list({ from: new Date(Date.parse(NOW) - 41 * DAY) }));
    const windows = [...new Set(w.searches.map((s) => `${s.from}|${s.to}`))];
    expect(windows).toHaveLength(3);
    // The windows hold 9, 9 and 7 orders: read window by window that would be 3 + 3 + 2 = 8 requests.
    expect(w.details.map((batch) => batch.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    // Orders still come in the order they were listed, each once.
    expect(items.map((o) => o.id)).toEqual([...w.orders.keys()]);
  });

  it('reads the ids carried from earlier windows when a later window fails, then throws', async () => {
    const w = world(25, 40);
    const firstWindowEnd = Date.parse(NOW) - 41 * DAY + 15 * DAY;
    const { items, error } = await drain(
      lister(w, {
        capabilities: caps({ maxWindowDays: 15 }),
        page: (request, ids) => {
          if (request.window.from.getTime() >= firstWindowEnd) throw new ResponseFormatError('search failed', { mall: 'rakuten', operation: 'search' });
          return { entries: ids, total: ids.length, next: undefined };
        },
      }).list({ from: new Date(Date.parse(NOW) - 41 * DAY) }),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    // The first window's 9 orders: two full batches, and the one id left over read before the error ends the listing.
    expect(items.map((o) => o.id)).toEqual([...w.orders.keys()].slice(0, 9));
    expect(w.details.map((batch) => batch.length)).toEqual([4, 4, 1]);
  });

  it('refuses a date type the mall cannot search, before any request', async () => {
    const w = world(3);
    const { error } = await drain(lister(w).list({ from: '2026-11-01T00:00:00+09:00', dateType: 'updated' }));
    expect(ValidationError.isInstance(error) && error.field).toBe('query.dateType');
    expect(w.searches).toHaveLength(0);
  });

  it('cuts the query into the mall\'s windows and clamps it to its look-back, with a warning', async () => {
    const w = world(6, 40);
    const { list, lines } = lister(w, { capabilities: caps({ maxWindowDays: 15, maxLookbackDays: 30 }) });
    const { items } = await drain(list({ from: '2026-01-01T00:00:00+09:00' }));
    expect(lines.some((line) => line.includes('keeps 30 days'))).toBe(true);
    expect(w.searches).toHaveLength(2);
    expect(Date.parse(w.searches[0]!.from)).toBeGreaterThan(Date.parse(NOW) - 30 * DAY);
    expect(items.length).toBeLessThan(6);
  });

  it('stops at the visibility lag: the newest orders are not asked for yet', async () => {
    const w = world(4, 1);
    await drain(lister(w, { lag: 2 * 60_000 }).list({ from: '2026-11-21T00:00:00+09:00', to: '2026-11-22T10:00:00+09:00' }));
    // The sandbox clock keeps ticking, so "now" is NOW plus however long the test took to get here.
    const to = Date.parse(w.searches[0]!.to);
    expect(to).toBeGreaterThanOrEqual(Date.parse(NOW) - 2 * 60_000 - 1000);
    expect(to).toBeLessThan(Date.parse(NOW) - 2 * 60_000 + 10_000);
  });

  it('halves a window whose total reaches the mall\'s result cap', async () => {
    const w = world(30);
    const { items } = await drain(lister(w, { resultCap: 20 }).list({ from: '2026-11-01T00:00:00+09:00' }));
    expect(items).toHaveLength(30);
    // The whole query first, then halves until each holds fewer than 20 orders.
    const windows = [...new Set(w.searches.map((s) => `${s.from}|${s.to}`))];
    expect(windows.length).toBeGreaterThan(2);
    expect(new Set(items.map((o) => o.id)).size).toBe(30);
  });

  it('applies the status filter to the orders read', async () => {
    const w = world(9);
    const { items } = await drain(lister(w).list({ from: '2026-11-01T00:00:00+09:00', statuses: ['completed'] }));
    expect(items.map((o) => o.id)).toEqual(['o0000', 'o0003', 'o0006']);
  });

  it('delivers what was listed before a paging error, then throws it', async () => {
    const w = world(12);
    const { items, error } = await drain(
      lister(w, { page: (request, ids) => ({ entries: ids.slice(0, 10), total: 1_000_000, next: (request.cursor ?? 1) + 1 }) }).list({ from: '2026-11-01T00:00:00+09:00' }),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/pagination did not advance/);
    expect(items).toHaveLength(10);
  });

  it('reports a listed id with a control character and delivers the rest', async () => {
    const w = world(3);
    const { items, error } = await drain(
      lister(w, { page: (_request, ids) => ({ entries: [...ids, 'bad\u0007id'], next: undefined }) }).list({ from: '2026-11-01T00:00:00+09:00' }),
    );
    expect(items).toHaveLength(3);
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    expect((error as IncompleteResultError).failures[0]?.orderId).toBe('bad\\u0007id');
    expect(w.details.flat()).not.toContain('bad\u0007id');
  });
});

import { describe, expect, it } from 'vitest';
import { IncompleteResultError, NotFoundError, UnreadableOrderError } from '../../src/errors/classes.js';
import { createOrderReader } from '../../src/kit/order-reader.js';
import { readerBase, type TinyOrder } from './fixtures.js';

const store = new Map<string, unknown>([
  ['a', { id: 'a', status: 'new', at: '2026-11-01T10:00:00+09:00' }],
  ['b', { id: 'b', at: '2026-11-01T10:00:00+09:00' }], // no status: unreadable
  ['c', { id: 'c', status: ['done', 'done'], at: '2026-11-01T10:00:00+09:00' }], // repeated scalar
  ['d', { id: 'd', status: 'done', at: '2026-11-01T10:00:00+09:00' }],
]);

function reader(batchSize = 2, calls: string[][] = []) {
  return createOrderReader<TinyOrder>({
    ...readerBase,
    batchSize,
    fetch: async (ids) => {
      calls.push([...ids]);
      return { orders: ids.flatMap((id) => (store.has(id) ? [store.get(id)] : [])), requestId: 'req-1' };
    },
  });
}

describe('createOrderReader', () => {
  it('reads in batches, in the order asked, one bad order never failing its batch', async () => {
    const calls: string[][] = [];
    const failures: UnreadableOrderError[] = [];
    const orders = await reader(2, calls).getOrders(['d', 'b', 'a'], { onOrderError: (e) => failures.push(e) });
    expect(orders.map((o) => o.id)).toEqual(['d', 'a']);
    expect(calls).toEqual([['d', 'b'], ['a']]);
    expect(failures.map((f) => [f.orderId, f.code])).toEqual([['b', 'response_format']]);
    expect(failures[0]?.excerpt).toContain('"id":"b"');
  });

  it('without onOrderError, throws IncompleteResultError holding the readable orders', async () => {
    const error = await reader().getOrders(['a', 'b', 'd'], {}).catch((e: unknown) => e);
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    expect((error as IncompleteResultError).orders.map((o) => o.id)).toEqual(['a', 'd']);
    expect((error as IncompleteResultError).failures.map((f) => f.orderId)).toEqual(['b']);
    expect((error as IncompleteResultError).hint?.ja).toContain('1件');
  });

  it('keeps the first of repeated values and warns on the order', async () => {
    const [order] = await reader().getOrders(['c'], {});
    expect(order?.status.code).toBe('completed');
    expect(order?.warnings).toEqual([expect.objectContaining({ code: 'repeated_value', field: 'raw.status' })]);
  });

  it('names unknown ids with NotFoundError and the answer\'s request id', async () => {
    const error = await reader().getOrders(['a', 'zz'], {}).catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as NotFoundError).message).toContain('zz');
    expect((error as NotFoundError).requestId).toBe('req-1');
  });

  it('reports an order without a usable id, or whose mapping fails, as unreadable', () => {
    const r = reader();
    expect(UnreadableOrderError.isInstance(r.toOrder({ status: 'new', at: 'x' }))).toBe(true);
    expect((r.toOrder({ id: 'a\u0000b', status: 'new', at: 'x' }) as UnreadableOrderError).orderId).toBe('a\\u0000b');
    const throwing = createOrderReader<TinyOrder>({ ...readerBase, batchSize: 1, fetch: async () => ({ orders: [] }), normalize: () => { throw new RangeError('Not a date mallkit can read: "2026-99-99"'); } });
    expect((throwing.toOrder({ id: 'e', status: 'new', at: '2026-99-99' }) as UnreadableOrderError).message).toMatch(/Not a date/);
  });

  it('attributes a lone order without id to the one id asked for', async () => {
    const lone = createOrderReader<TinyOrder>({ ...readerBase, batchSize: 1, fetch: async () => ({ orders: [{ status: 'new', at: 'x' }] }) });
    const { found } = await lone.readByIds(['q'], {});
    expect(UnreadableOrderError.isInstance(found.get('q'))).toBe(true);
  });
});

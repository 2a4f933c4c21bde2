import { describe, expect, it } from 'vitest';
import { createSandboxStore, SandboxCursorError, storeAdversary } from '../../src/testing/store.js';

interface Row {
  readonly id: string;
  readonly at: number;
  status: string;
}

function filled(count: number) {
  const store = createSandboxStore<Row>({ id: (row) => row.id, compare: (a, b) => a.at - b.at });
  for (let i = count - 1; i >= 0; i -= 1) store.put({ id: `r${i}`, at: i, status: i % 2 ? 'odd' : 'even' });
  return store;
}

describe('createSandboxStore', () => {
  it('pages by offset in its order, with the search total', () => {
    const store = filled(7);
    const even = { signature: 'even', where: (row: Row) => row.status === 'even' };
    expect(store.page(even, 0, 3)).toEqual({ items: [expect.objectContaining({ id: 'r0' }), expect.objectContaining({ id: 'r2' }), expect.objectContaining({ id: 'r4' })], total: 4 });
    expect(store.page(even, 3, 3).items.map((r) => r.id)).toEqual(['r6']);
  });

  it('pages by cursor token and refuses a token of another search', () => {
    const store = filled(5);
    const first = store.pageByCursor({ signature: 'all' }, undefined, 2);
    const second = store.pageByCursor({ signature: 'all' }, first.next, 2);
    const third = store.pageByCursor({ signature: 'all' }, second.next, 2);
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(third.next).toBeUndefined();
    expect(() => store.pageByCursor({ signature: 'other' }, first.next, 2)).toThrow(SandboxCursorError);
    expect(() => store.pageByCursor({ signature: 'all' }, 'garbage', 2)).toThrow(SandboxCursorError);
  });

  it('filters a search once for all its pages, until the store changes', () => {
    const store = filled(100);
    let filtered = 0;
    const search = { signature: 's', where: () => (filtered += 1, true) };
    for (let offset = 0; offset < 100; offset += 10) store.page(search, offset, 10);
    expect(filtered).toBe(100);
    store.update('r5', (row) => void (row.status = 'changed'));
    store.page(search, 0, 10);
    expect(filtered).toBe(200);
  });

  it('lies about paging on request: an inflated total, the same page again, the same token again', () => {
    const store = filled(3);
    store.pagingLie = 'inflated-total';
    expect(store.page({}, 10, 2)).toEqual({ items: [], total: 1_000_000 });
    expect(store.pageByCursor({}, undefined, 5).next).toBeDefined();
    store.pagingLie = 'repeat-page';
    expect(store.page({}, 2, 2).items.map((r) => r.id)).toEqual(['r0', 'r1']);
    store.pagingLie = 'repeat-cursor';
    const a = store.pageByCursor({}, undefined, 2);
    expect(store.pageByCursor({}, a.next, 2).next).toBe(a.next);
  });

  it('plays the adversary: corrupted ids and copies under another id', () => {
    const store = filled(2);
    const adversary = storeAdversary(store, (row, id) => ({ ...row, id }));
    adversary.corruptOrder('r1');
    adversary.addOrderWithId('r0', 'r0\u0001x');
    expect(store.corrupted.has('r1')).toBe(true);
    expect(store.get('r0\u0001x')?.at).toBe(0);
    expect(() => adversary.corruptOrder('nope')).toThrow(RangeError);
    adversary.lieAboutPaging('repeat-page');
    expect(store.pagingLie).toBe('repeat-page');
  });
});

import { describe, expect, it } from 'vitest';
import { createRequestLog, DEFAULT_REQUEST_DETAIL_LIMIT, type RequestArrival } from '../../src/testing/request-log.js';

function arrival(operation: string, method = 'GET', path = '/x', bodyText = ''): RequestArrival {
  return {
    at: 1,
    method,
    url: `https://mall.test${path}?a=1`,
    path,
    query: new URLSearchParams('a=1'),
    headers: new Headers({ authorization: 'ESA abc' }),
    bodyText,
    operation,
  };
}

describe('RequestLog', () => {
  it('numbers entries, fills in the status later, and filters them', () => {
    const log = createRequestLog();
    const first = log.record(arrival('searchOrder', 'POST', '/search'));
    log.record(arrival('getOrder'));
    log.record(arrival('getOrder'));
    expect(first.seq).toBe(1);
    expect(first.status).toBeNull();
    log.settle(first, 200);
    expect(log.entries[0]?.status).toBe(200);
    expect(log.count()).toBe(3);
    expect(log.count({ operation: 'getOrder' })).toBe(2);
    expect(log.count({ method: 'post' })).toBe(1);
    expect(log.count((e) => e.status === null)).toBe(2);
    expect(log.forOperation('getOrder').map((e) => e.seq)).toEqual([2, 3]);
    expect(log.last()?.seq).toBe(3);
    expect(log.last('searchOrder')?.seq).toBe(1);
  });

  it('clears entries but never reuses a sequence number', () => {
    const log = createRequestLog();
    const old = log.record(arrival('a'));
    log.clear();
    expect(log.entries).toEqual([]);
    log.settle(old, 500); // ignored: that entry is gone
    expect(log.record(arrival('a')).seq).toBe(2);
  });

  it('hands out a copy of the list', () => {
    const log = createRequestLog();
    const snapshot = log.entries;
    log.record(arrival('a'));
    expect(snapshot).toHaveLength(0);
  });

  it('keeps bodies and headers of the most recent entries only, and the size of every body', () => {
    const log = createRequestLog({ detailLimit: 2 });
    for (const body of ['first', 'second', 'サード']) log.record(arrival('post', 'POST', '/x', body));
    const [oldest, ...recent] = log.entries;
    expect(oldest).toMatchObject({ seq: 1, bodyText: '', bodyBytes: 5, trimmed: true, operation: 'post', path: '/x' });
    expect(oldest?.headers.get('authorization')).toBeNull();
    expect(oldest?.query.get('a')).toBe('1');
    expect(recent.map((e) => [e.bodyText, e.bodyBytes, e.trimmed, e.headers.get('authorization')])).toEqual([
      ['second', 6, false, 'ESA abc'],
      ['サード', 9, false, 'ESA abc'],
    ]);
    expect(log.count({ method: 'POST' })).toBe(3);
  });

  it('keeps the last 1,000 bodies by default, and every body when asked', () => {
    const bounded = createRequestLog();
    const unbounded = createRequestLog({ detailLimit: Number.POSITIVE_INFINITY });
    for (let i = 0; i < DEFAULT_REQUEST_DETAIL_LIMIT + 5; i += 1) {
      bounded.record(arrival('post', 'POST', '/x', `body ${i}`));
      unbounded.record(arrival('post', 'POST', '/x', `body ${i}`));
    }
    expect(DEFAULT_REQUEST_DETAIL_LIMIT).toBe(1000);
    expect(bounded.count((e) => e.bodyText !== '')).toBe(1000);
    expect(bounded.entries[5]?.bodyText).toBe('body 5');
    expect(bounded.entries[4]?.trimmed).toBe(true);
    expect(unbounded.count((e) => e.bodyText !== '')).toBe(1005);
  });

  it('refuses a detail limit that is not a whole number', () => {
    expect(() => createRequestLog({ detailLimit: -1 })).toThrow(RangeError);
    expect(() => createRequestLog({ detailLimit: 1.5 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { createRequestLog, type RequestArrival } from '../../src/testing/request-log.js';

function arrival(operation: string, method = 'GET', path = '/x'): RequestArrival {
  return {
    at: 1,
    method,
    url: `https://mall.test${path}?a=1`,
    path,
    query: new URLSearchParams('a=1'),
    headers: new Headers({ authorization: 'ESA abc' }),
    bodyText: '',
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
});

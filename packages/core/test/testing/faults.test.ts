import { describe, expect, it } from 'vitest';
import { corruptAnswer, createFaultInjector } from '../../src/testing/faults.js';

describe('FaultInjector', () => {
  it('plays a fault once by default, for any operation', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'maintenance' });
    expect(faults.take('getOrder')).toEqual({ kind: 'maintenance' });
    expect(faults.take('getOrder')).toBeNull();
  });

  it('plays a fault `times` times, only for its operation, oldest first', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'server_error', status: 503 }, { times: 2, operation: 'confirm' });
    faults.inject({ kind: 'reset' });
    expect(faults.take('search')?.kind).toBe('reset');
    expect(faults.take('search')).toBeNull();
    expect(faults.take('confirm')).toEqual({ kind: 'server_error', status: 503 });
    expect(faults.take('confirm')).toEqual({ kind: 'server_error', status: 503 });
    expect(faults.take('confirm')).toBeNull();
  });

  it('keeps an Infinity fault until clear()', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'malformed' }, { times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 10; i += 1) expect(faults.take('x')?.kind).toBe('malformed');
    expect(faults.pending).toBe(1);
    faults.clear();
    expect(faults.take('x')).toBeNull();
    expect(faults.pending).toBe(0);
  });

  it('rejects faults that could never play', () => {
    const faults = createFaultInjector();
    expect(() => faults.inject({ kind: 'reset' }, { times: 0 })).toThrow(RangeError);
    expect(() => faults.inject({ kind: 'delay', ms: -1 })).toThrow(RangeError);
    expect(() => faults.inject({ kind: 'server_error', status: 404 })).toThrow(RangeError);
    expect(() => faults.inject({ kind: 'status', status: 99 })).toThrow(RangeError);
  });
});

describe('corruptAnswer', () => {
  it('cuts a body to the first half of its bytes and keeps status and headers', async () => {
    const body = JSON.stringify({ orders: [{ id: 'A-1', name: '佐藤 翔太' }] });
    const answer = new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } });
    const cut = await corruptAnswer({ kind: 'truncated' }, answer);
    const bytes = new Uint8Array(await cut.arrayBuffer());
    expect(bytes.length).toBe(Math.floor(new TextEncoder().encode(body).length / 2));
    expect(cut.status).toBe(200);
    expect(cut.headers.get('x-request-id')).toBe('r1');
  });

  it('swaps the body for unparseable text of the answer\'s kind', async () => {
    const json = await corruptAnswer({ kind: 'malformed' }, Response.json({ ok: true }));
    await expect(json.clone().json()).rejects.toThrow();
    expect(await json.text()).toBe('{"broken":');
    const xml = await corruptAnswer(
      { kind: 'malformed' },
      new Response('<result><status>OK</status></result>', { headers: { 'content-type': 'text/xml' } }),
    );
    expect(await xml.text()).toMatch(/^<html>.*502 Bad Gateway/);
  });

  it('leaves the answer alone for other faults', async () => {
    const answer = new Response('ok');
    expect(await corruptAnswer({ kind: 'delay', ms: 1 }, answer)).toBe(answer);
  });
});

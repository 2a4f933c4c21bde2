import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxKit } from '../../src/testing/sandbox-kit.js';
import { serveHandlers, type HandlerServer } from '../../src/testing/http-server.js';

/*
 * The server is reached with the real global fetch (no msw interception in this file): what a
 * PHP or Java client would see on the wire.
 */

const MALL = 'https://api.mall.test';
const AUTH = 'https://auth.mall.test';

const kit = createSandboxKit({
  mall: 'qoo10',
  renderQpsError: () => HttpResponse.json({ error: 'too many' }, { status: 429 }),
});
let counter = 0;
kit.route('GET', `${MALL}/v2/orders/:id`, 'getOrder', ({ params, url }) => HttpResponse.json({ id: params['id'], view: url.searchParams.get('view') }));
kit.route('POST', `${MALL}/v2/orders/confirm`, 'confirm', ({ bodyText, request }) => {
  counter += 1;
  return HttpResponse.json({ received: bodyText, auth: request.headers.get('authorization'), counter });
});
kit.route('GET', `${MALL}/v2/cookies`, 'cookies', () => {
  const headers = new Headers({ 'content-type': 'text/plain; charset=shift_jis' });
  headers.append('set-cookie', 'a=1');
  headers.append('set-cookie', 'b=2');
  return new HttpResponse('ok', { headers });
});
const token = http.post(`${AUTH}/token`, () => HttpResponse.json({ access_token: 'x' }));
const broken = http.get(`${MALL}/v2/broken`, () => {
  throw new Error('the handler broke');
});

let server: HandlerServer;
let routed: HandlerServer;

beforeAll(async () => {
  server = await serveHandlers([...kit.handlers, broken], { upstream: `${MALL}/ignored/path` });
  // Several hosts behind one port: /auth/* goes to the auth host, the rest to the API host, /nowhere is no route.
  routed = await serveHandlers([...kit.handlers, token], {
    upstream: (local) => (local.pathname.startsWith('/nowhere') ? null : local.pathname.startsWith('/auth/') ? `${AUTH}${local.pathname.slice(5)}` : `${MALL}${local.pathname}${local.search}`),
    intercept: (request, local) => (local.pathname === '/__admin/ping' ? HttpResponse.json({ pong: request.method }) : undefined),
    maxBodyBytes: 64,
  });
});
afterAll(async () => {
  await server.close();
  await routed.close();
});

describe('serveHandlers', () => {
  it('listens on 127.0.0.1 at a free port and names its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('moves the local path and query onto the upstream origin, and the handlers answer', async () => {
    const answer = await fetch(`${server.url}/v2/orders/A-1?view=full`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: 'A-1', view: 'full' });
    // The sandbox kit saw the mall's own URL.
    expect(kit.log.last('getOrder')?.url).toBe(`${MALL}/v2/orders/A-1?view=full`);
  });

  it('passes bodies and headers through, and the handlers keep their state between requests', async () => {
    const send = (): Promise<Response> =>
      fetch(`${server.url}/v2/orders/confirm`, { method: 'POST', headers: { authorization: 'ESA abc', 'content-type': 'application/json' }, body: '{"ids":["受注1"]}' });
    const first = (await (await send()).json()) as { received: string; auth: string; counter: number };
    const second = (await (await send()).json()) as { counter: number };
    expect(first).toMatchObject({ received: '{"ids":["受注1"]}', auth: 'ESA abc' });
    expect(second.counter).toBe(first.counter + 1);
  });

  it('keeps the status, every header (each Set-Cookie apart) and the body of the answer', async () => {
    const answer = await fetch(`${server.url}/v2/cookies`);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=shift_jis');
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await answer.text()).toBe('ok');
  });

  it('answers 404 with the URL it tried when no handler matches', async () => {
    const answer = await fetch(`${server.url}/v3/unknown`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: 'no_handler', message: `no sandbox handler for GET ${MALL}/v3/unknown` });
  });

  it('answers 500 with the error when a handler throws', async () => {
    const answer = await fetch(`${server.url}/v2/broken`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ error: 'handler_threw', name: 'Error', message: 'the handler broke' });
  });

  it('plays injected faults: a 503, then a dropped connection', async () => {
    kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'getOrder' });
    expect((await fetch(`${server.url}/v2/orders/A-2`)).status).toBe(503);
    kit.faults.inject({ kind: 'reset' }, { operation: 'getOrder' });
    await expect(fetch(`${server.url}/v2/orders/A-3`)).rejects.toThrow(TypeError);
    expect((await fetch(`${server.url}/v2/orders/A-4`)).status).toBe(200);
  });

  it('routes several hosts through one port with an upstream function, 404 for null', async () => {
    expect(await (await fetch(`${routed.url}/auth/token`, { method: 'POST' })).json()).toEqual({ access_token: 'x' });
    expect(await (await fetch(`${routed.url}/v2/orders/B-1`)).json()).toEqual({ id: 'B-1', view: null });
    const none = await fetch(`${routed.url}/nowhere`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: 'no_route' });
  });

  it('lets intercept answer first, with the local URL', async () => {
    expect(await (await fetch(`${routed.url}/__admin/ping`, { method: 'DELETE' })).json()).toEqual({ pong: 'DELETE' });
  });

  it('refuses a body over the limit with 413 before any handler runs', async () => {
    const before = counter;
    const answer = await fetch(`${routed.url}/v2/orders/confirm`, { method: 'POST', body: 'x'.repeat(65) });
    expect(answer.status).toBe(413);
    expect(counter).toBe(before);
  });

  it('closes, and the port stops answering', async () => {
    const extra = await serveHandlers(kit.handlers, { upstream: MALL });
    await fetch(`${extra.url}/v2/orders/C-1`); // leaves a keep-alive connection open
    await extra.close();
    await expect(fetch(`${extra.url}/v2/orders/C-1`)).rejects.toThrow(TypeError);
  });
});

import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxClock } from '../../src/testing/clock.js';
import { createSandboxKit, startSandboxServer, type SandboxContext } from '../../src/testing/sandbox-kit.js';

const BASE = 'https://sandbox.mall.test';

const clock = createSandboxClock();
const kit = createSandboxKit({
  mall: 'rakuten',
  clock,
  qps: { limit: 3, intervalMs: 1000 },
  qpsKey: (request) => request.headers.get('authorization') ?? 'anonymous',
  renderQpsError: (ctx: SandboxContext) =>
    HttpResponse.json({ errors: [{ code: 'TOO_MANY', operation: ctx.operation }] }, { status: 429 }),
});

let confirmed = 0;
kit.route('GET', `${BASE}/orders/:orderId`, 'getOrder', ({ params, url }) =>
  HttpResponse.json({ orderId: params['orderId'], view: url.searchParams.get('view'), items: ['鮭', '和牛', '明太子'] }),
);
kit.route('POST', `${BASE}/orders/confirm`, 'confirmOrder', async ({ bodyText, request }) => {
  confirmed += 1;
  // The handler may read the request body itself: the kit read a clone.
  const fromRequest = await request.text();
  return HttpResponse.json({ received: JSON.parse(bodyText) as unknown, same: fromRequest === bodyText });
});
kit.route('GET', `${BASE}/xml`, 'getXml', () => HttpResponse.xml('<result><status>OK</status><count>3</count></result>'));

// A second kit with its own renderers, to show malls bring their own error bodies.
const yahoo = createSandboxKit({
  mall: 'yahoo',
  renderQpsError: () => new Response('<Error><Code>od83000</Code></Error>', { status: 403 }),
  renderMaintenance: () => HttpResponse.xml('<Error><Message>メンテナンス中</Message></Error>', { status: 503 }),
  renderServerError: (ctx, status) => HttpResponse.xml(`<Error><Code>${ctx.mall}-${status}</Code></Error>`, { status }),
});
yahoo.route('GET', 'https://yahoo.mall.test/orderList', 'orderList', () => HttpResponse.xml('<Result/>'));

const server = startSandboxServer(kit.handlers, yahoo.handlers);

beforeAll(() => {
  expect(kit.handlers).toHaveLength(3);
});
afterEach(() => {
  kit.reset();
  yahoo.reset();
});
afterAll(() => server.close());

const auth = (key = 'key-1'): RequestInit => ({ headers: { authorization: key } });

describe('route', () => {
  it('answers with the handler and logs the request with its status', async () => {
    const response = await fetch(`${BASE}/orders/A-1?view=full`, auth());
    expect(await response.json()).toEqual({ orderId: 'A-1', view: 'full', items: ['鮭', '和牛', '明太子'] });
    const [entry] = kit.log.entries;
    expect(entry).toMatchObject({
      seq: 1,
      method: 'GET',
      url: `${BASE}/orders/A-1?view=full`,
      path: '/orders/A-1',
      bodyText: '',
      operation: 'getOrder',
      status: 200,
      fault: null,
    });
    expect(entry?.query.get('view')).toBe('full');
    expect(entry?.headers.get('authorization')).toBe('key-1');
    expect(Math.abs((entry?.at ?? 0) - clock.now())).toBeLessThan(1000);
  });

  it('gives the handler the body text and logs it', async () => {
    const response = await fetch(`${BASE}/orders/confirm`, {
      method: 'POST',
      headers: { authorization: 'key-1', 'content-type': 'application/json' },
      body: JSON.stringify({ orderNumberList: ['A-1', 'A-2'] }),
    });
    expect(await response.json()).toEqual({ received: { orderNumberList: ['A-1', 'A-2'] }, same: true });
    expect(kit.log.forOperation('confirmOrder')[0]?.bodyText).toBe('{"orderNumberList":["A-1","A-2"]}');
  });

  it('logs arrival times on the sandbox clock', async () => {
    clock.advance(30 * 86_400_000);
    await fetch(`${BASE}/orders/A-1`, auth());
    expect(kit.log.last()?.at).toBeGreaterThanOrEqual(Date.parse('2026-12-22T10:00:00+09:00'));
    clock.set('2026-11-22T10:00:00+09:00');
  });

  it('leaves requests no sandbox knows to fail loudly', async () => {
    await expect(fetch(`${BASE}/nowhere`)).rejects.toThrow();
  });
});

describe('QPS', () => {
  it('refuses requests over the limit with the mall\'s error and counts them', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => fetch(`${BASE}/orders/A-1`, auth())));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    expect(kit.qps.violations).toBe(2);
    const refused = answers.find((r) => r.status === 429);
    expect(await refused?.json()).toEqual({ errors: [{ code: 'TOO_MANY', operation: 'getOrder' }] });
    expect(kit.log.count({ status: 429 })).toBe(2);
    expect(kit.log.count()).toBe(5);
  });

  it('keeps one budget per qpsKey', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 3 }, () => fetch(`${BASE}/orders/A-1`, auth('key-1'))),
      ...Array.from({ length: 3 }, () => fetch(`${BASE}/orders/A-1`, auth('key-2'))),
    ]);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(kit.qps.violations).toBe(0);
  });

  it('does not run the handler for a refused request', async () => {
    const before = confirmed;
    const post = (): Promise<Response> => fetch(`${BASE}/orders/confirm`, { method: 'POST', ...auth(), body: '{}' });
    const answers = await Promise.all([post(), post(), post(), post()]);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(1);
    expect(confirmed - before).toBe(3);
  });
});

describe('faults', () => {
  it('server_error: a 500 by default, with a generic page', async () => {
    kit.faults.inject({ kind: 'server_error' });
    const response = await fetch(`${BASE}/orders/A-1`, auth());
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('500 Internal Server Error');
    expect(kit.log.last()).toMatchObject({ status: 500, fault: 'server_error' });
    expect((await fetch(`${BASE}/orders/A-1`, auth())).status).toBe(200);
  });

  it('server_error and maintenance: rendered by the mall when it has a renderer', async () => {
    yahoo.faults.inject({ kind: 'server_error', status: 502 });
    yahoo.faults.inject({ kind: 'maintenance' });
    const error = await fetch('https://yahoo.mall.test/orderList');
    expect(error.status).toBe(502);
    expect(await error.text()).toBe('<Error><Code>yahoo-502</Code></Error>');
    const maintenance = await fetch('https://yahoo.mall.test/orderList');
    expect(maintenance.status).toBe(503);
    expect(await maintenance.text()).toContain('メンテナンス中');
  });

  it('maintenance: a 503 page by default', async () => {
    kit.faults.inject({ kind: 'maintenance' });
    const response = await fetch(`${BASE}/orders/A-1`, auth());
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('メンテナンス');
  });

  it('malformed: the real status with a JSON body that does not parse', async () => {
    kit.faults.inject({ kind: 'malformed' });
    const response = await fetch(`${BASE}/orders/A-1`, auth());
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect(kit.log.last()).toMatchObject({ status: 200, fault: 'malformed' });
  });

  it('malformed: an HTML error page instead of the XML', async () => {
    kit.faults.inject({ kind: 'malformed' }, { operation: 'getXml' });
    const response = await fetch(`${BASE}/xml`, auth());
    expect(response.headers.get('content-type')).toContain('xml');
    expect(await response.text()).toMatch(/^<html>/);
  });

  it('truncated: the first half of the real body', async () => {
    const full = await (await fetch(`${BASE}/orders/A-1`, auth())).arrayBuffer();
    kit.faults.inject({ kind: 'truncated' });
    const cut = await (await fetch(`${BASE}/orders/A-1`, auth())).arrayBuffer();
    expect(cut.byteLength).toBe(Math.floor(full.byteLength / 2));
    expect(Buffer.from(full).subarray(0, cut.byteLength).equals(Buffer.from(cut))).toBe(true);
  });

  it('delay: waits, then answers with the real handler', async () => {
    kit.faults.inject({ kind: 'delay', ms: 150 });
    const started = performance.now();
    const response = await fetch(`${BASE}/orders/A-1`, auth());
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    expect(kit.log.last()).toMatchObject({ status: 200, fault: 'delay' });
  });

  it('delay: a client that times out still leaves the mall\'s change applied', async () => {
    kit.faults.inject({ kind: 'delay', ms: 2000 }, { operation: 'confirmOrder' });
    const before = confirmed;
    const started = performance.now();
    await expect(
      fetch(`${BASE}/orders/confirm`, { method: 'POST', ...auth(), body: '{}', signal: AbortSignal.timeout(50) }),
    ).rejects.toThrow();
    await expect.poll(() => confirmed, { timeout: 1000 }).toBe(before + 1);
    // The abort cut the sandbox's wait short: no two-second timer is left behind.
    expect(performance.now() - started).toBeLessThan(1500);
    await expect.poll(() => kit.log.last()?.status).toBe(200);
  });

  it('reset: a network error', async () => {
    kit.faults.inject({ kind: 'reset' });
    await expect(fetch(`${BASE}/orders/A-1`, auth())).rejects.toThrow(TypeError);
    expect(kit.log.last()).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('status: exactly the status, body and headers given', async () => {
    kit.faults.inject({ kind: 'status', status: 401, body: '{"error":"invalid_token"}', headers: { 'www-authenticate': 'Bearer' } });
    const response = await fetch(`${BASE}/orders/A-1`, auth());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.text()).toBe('{"error":"invalid_token"}');
  });

  it('plays only on its operation, as many times as asked', async () => {
    kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'getXml', times: 2 });
    expect((await fetch(`${BASE}/orders/A-1`, auth())).status).toBe(200);
    expect((await fetch(`${BASE}/xml`, auth())).status).toBe(503);
    expect((await fetch(`${BASE}/xml`, auth())).status).toBe(503);
    expect((await fetch(`${BASE}/xml`, auth())).status).toBe(200);
  });

  it('answers replacement faults without drawing on the QPS budget', async () => {
    kit.faults.inject({ kind: 'server_error' }, { times: 3 });
    const faulted = await Promise.all(Array.from({ length: 3 }, () => fetch(`${BASE}/orders/A-1`, auth())));
    expect(faulted.map((r) => r.status)).toEqual([500, 500, 500]);
    const real = await Promise.all(Array.from({ length: 3 }, () => fetch(`${BASE}/orders/A-1`, auth())));
    expect(real.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(kit.qps.violations).toBe(0);
  });
});

describe('kit options', () => {
  it('has no QPS limit without the option', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch('https://yahoo.mall.test/orderList')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(yahoo.qps.violations).toBe(0);
  });
});

describe('close', () => {
  it('drops the log, faults, QPS windows and route handlers', () => {
    const closing = createSandboxKit({ mall: 'qoo10', qps: { limit: 1, intervalMs: 1000 }, renderQpsError: () => new Response(null, { status: 429 }) });
    closing.route('GET', 'https://closing.mall.test/x', 'x', () => new Response('ok'));
    closing.log.record({ at: 0, method: 'GET', url: 'https://closing.mall.test/x', path: '/x', query: new URLSearchParams(), headers: new Headers(), bodyText: 'body', operation: 'x' });
    closing.faults.inject({ kind: 'reset' }, { times: 3 });
    closing.qps.admit('*');
    closing.qps.admit('*');
    expect([closing.log.count(), closing.faults.pending, closing.qps.violations, closing.handlers.length]).toEqual([1, 1, 1, 1]);
    closing.close();
    expect([closing.log.count(), closing.faults.pending, closing.qps.violations, closing.handlers.length]).toEqual([0, 0, 0, 0]);
    closing.close(); // twice is harmless
  });

  it('passes its requestLog option to the log', () => {
    const bounded = createSandboxKit({ mall: 'qoo10', renderQpsError: () => new Response(null, { status: 429 }), requestLog: { detailLimit: 1 } });
    expect(bounded.log.detailLimit).toBe(1);
    expect(kit.log.detailLimit).toBe(1000);
  });
});

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { formatJst } from '@mallkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxConnection } from '../src/sandbox/connection.js';
import { startCli, waitForOutput } from './child.js';
import { runCli, serve } from './helpers.js';

/*
 * `mallkit sandbox` as a non-JavaScript OMS meets it: a separate process on a real port, spoken to
 * with plain HTTP in the mall's own wire format (here RMS's JSON with ESA auth), and driven through
 * the admin API. Nothing from mallkit is imported to talk to it.
 */

let child: ChildProcessWithoutNullStreams;
let url: string;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  child = startCli(['sandbox', '--mall', 'rakuten', '--port', '0', '--orders', '10', '--seed', '3', '--rate-scale', '50']);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  url = (await waitForOutput(child, /を (http:\/\/127\.0\.0\.1:\d+) で起動しました/))[1] as string;
}, 30_000);
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const admin = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const answer = await fetch(`${url}/__mallkit${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
};

const rms = (at: number): string => formatJst(at, 'iso-compact-offset');

/** searchOrder exactly as a PHP OMS would send it. */
async function searchOrder(connection: SandboxConnection): Promise<{ status: number; body: { orderNumberList?: string[] | null; errors?: Array<{ code: string }> } }> {
  const { serviceSecret, licenseKey } = connection.options as { serviceSecret: string; licenseKey: string };
  const now = Date.now();
  const answer = await fetch(`${connection.baseUrl}/es/2.0/order/searchOrder/`, {
    method: 'POST',
    headers: { Authorization: `ESA ${Buffer.from(`${serviceSecret}:${licenseKey}`).toString('base64')}`, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ dateType: 1, startDatetime: rms(now - 40 * 86_400_000), endDatetime: rms(now + 86_400_000), PaginationRequestModel: { requestRecordsAmount: 1000, requestPage: 1 } }),
  });
  // A 5xx from the gateway is an HTML page, as on the real RMS.
  const text = await answer.text();
  return { status: answer.status, body: (answer.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as never };
}

describe('mallkit sandbox --mall rakuten, over HTTP', () => {
  let connection: SandboxConnection;

  it('prints where the API, the connection and the admin API are — never the credentials', async () => {
    const { json } = await admin('GET', '/connection');
    connection = json as unknown as SandboxConnection;
    expect(connection).toMatchObject({ mall: 'rakuten', baseUrl: url, admin: `${url}/__mallkit` });
    expect(stdout).toContain(`API のベース URL             ${url}`.replace(/ +/, ' ').split(' ')[0] as string);
    expect(stdout).toContain(`GET ${url}/__mallkit/connection`);
    expect(stdout).toContain('10件 (seed 3、過去 30 日)');
    const { serviceSecret, licenseKey } = connection.options as { serviceSecret: string; licenseKey: string };
    expect(stdout + stderr).not.toContain(serviceSecret);
    expect(stdout + stderr).not.toContain(licenseKey);
  });

  it("answers the mall's own wire format on the real port", async () => {
    const { status, body } = await searchOrder(connection);
    expect(status).toBe(200);
    expect(body.orderNumberList).toHaveLength(10);
    for (const id of body.orderNumberList ?? []) expect(id).toMatch(/^\d{6}-\d{8}-\d{10}$/);
  });

  it('seeds more orders through the admin API', async () => {
    const { status, json } = await admin('POST', '/seed', { orders: 5, seed: 9 });
    expect(status).toBe(200);
    expect(json['seeded']).toBe(5);
    const { body } = await searchOrder(connection);
    expect(body.orderNumberList).toHaveLength(15);
    expect(body.orderNumberList).toEqual(expect.arrayContaining(json['ids'] as string[]));
  });

  it('injects faults: the next search gets a 503, the one after is answered', async () => {
    expect((await admin('POST', '/faults', { kind: 'server_error', status: 503, operation: 'searchOrder' })).json).toEqual({ armed: 1 });
    expect((await searchOrder(connection)).status).toBe(503);
    expect((await searchOrder(connection)).status).toBe(200);
    const bad = await admin('POST', '/faults', { kind: 'explode' });
    expect(bad.status).toBe(400);
    expect(String(bad.json['message'])).toMatch(/^kind: /);
  });

  it('moves the sandbox clock', async () => {
    const before = Date.parse(String((await admin('GET', '/clock')).json['now']));
    const { json } = await admin('POST', '/clock', { advance: '2d' });
    expect(Date.parse(String(json['now'])) - before).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect((await admin('POST', '/clock', { advance: 'soon' })).status).toBe(400);
  });

  it("expires the credential: the mall's own refusal follows", async () => {
    expect((await admin('POST', '/expire-credential')).json).toEqual({ expired: 'licenseKey' });
    const { status, body } = await searchOrder(connection);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.code).toBe('GA0001');
  });

  it('logs every request with its answer, auth headers redacted', async () => {
    const { json } = await admin('GET', '/log?operation=searchOrder');
    const entries = json['entries'] as Array<{ status: number; fault: string | null; headers: Record<string, string>; path: string }>;
    expect(entries.map((entry) => entry.status)).toEqual([200, 200, 503, 200, 401]);
    expect(entries[2]?.fault).toBe('server_error');
    expect(entries[0]?.path).toBe('/es/2.0/order/searchOrder/');
    expect(entries[0]?.headers['authorization']).toBe('[REDACTED]');
  });

  it('answers 404 in JSON for a path no handler or admin endpoint knows', async () => {
    const unknown = await fetch(`${url}/es/9.9/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'no_handler' });
    expect((await admin('GET', '/nothing')).status).toBe(404);
    expect(Object.keys((await admin('GET', '')).json['endpoints'] as object)).toContain('POST /__mallkit/faults');
  });

  it('stops on SIGTERM and frees the port', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('サンドボックスを停止しました。');
    await expect(fetch(`${url}/__mallkit/clock`)).rejects.toThrow(TypeError);
  });
});

describe('a mall with several hosts (Amazon: LWA and SP-API)', () => {
  it('serves the token host under /__mallkit/hosts/ and names it in the connection', async () => {
    const served = await serve('amazon', 4);
    try {
      const connection = served.connection;
      const options = connection.options as { clientId: string; clientSecret: string; refreshToken: string; lwaTokenUrl: string };
      expect(options.lwaTokenUrl).toBe(`${served.server.url}/__mallkit/hosts/api.amazon.com/auth/o2/token`);
      expect(connection.hosts['https://api.amazon.com']).toBe(`${served.server.url}/__mallkit/hosts/api.amazon.com`);
      const token = await fetch(options.lwaTokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: options.refreshToken, client_id: options.clientId, client_secret: options.clientSecret }),
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const search = new URLSearchParams({ marketplaceIds: 'A1VC38T7YXB528', createdAfter: new Date(Date.now() - 25 * 86_400_000).toISOString() });
      const orders = await fetch(`${connection.baseUrl}/orders/2026-01-01/orders?${search}`, { headers: { 'x-amz-access-token': accessToken } });
      expect(orders.status).toBe(200);
      expect(((await orders.json()) as { orders: unknown[] }).orders).toHaveLength(4);
    } finally {
      await served.close();
    }
  });
});

describe('mallkit sandbox in this process', () => {
  it('says so when the port is taken, and stops when its signal aborts', async () => {
    const taken = await serve('qoo10', 0);
    try {
      const busy = await runCli(['sandbox', '--mall', 'qoo10', '--port', String(taken.server.port), '--lang', 'en']);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toBe(`error: port ${taken.server.port} is in use: choose another --port, or --port 0 for a free one.\n`);
    } finally {
      await taken.close();
    }
    const stop = new AbortController();
    const running = runCli(['sandbox', '--mall', 'makeshop', '--orders', '0', '--lang', 'en'], { signal: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop.abort();
    const { code, stdout, stderr } = await running;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mallkit sandbox: makeshop \(makeshop\) listening on http:\/\/127\.0\.0\.1:\d+\n {2}API base URL {15}http:\/\/127\.0\.0\.1:\d+\/graphql\n/);
    expect(stderr).toBe('sandbox stopped.\n');
  });

  it('refuses an unknown mall, naming the ones there are', async () => {
    const { code, stderr } = await runCli(['sandbox', '--mall', 'mercari', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stderr).toBe('error: --mall cannot be "mercari": one of: rakuten, yahoo, amazon, aupay, qoo10, shopserve, makeshop\n');
  });
});

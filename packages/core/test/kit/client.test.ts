import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResponseFormatError } from '../../src/errors/classes.js';
import { isUnknownOutcome } from '../../src/errors/outcome.js';
import { classifyByStatus } from '../../src/http/classify.js';
import { createMallClient } from '../../src/kit/client.js';
import { defineEndpoint } from '../../src/kit/endpoint.js';
import { captureOutput } from '../../src/testing/capture.js';
import { xmlCodec } from '../../src/xml/index.js';

const BASE = 'https://kit-client.test/api';
const SECRET = 'kit-secret-key-0123456789';
const seen: Array<{ url: string; method: string; contentType: string | null; body: string }> = [];
let answers: Array<() => Response> = [];

const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    seen.push({ url: request.url, method: request.method, contentType: request.headers.get('content-type'), body: await request.text() });
    const next = answers.shift();
    return next ? next() : HttpResponse.json({ ok: true });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  answers = [];
});
afterAll(() => server.close());

function client(extra: Partial<Parameters<typeof createMallClient>[0]> = {}) {
  const { logger, hooks, lines } = captureOutput();
  return {
    lines,
    client: createMallClient({
      mall: 'aupay',
      options: { logger, hooks, retry: { minDelayMs: 1, maxDelayMs: 2, jitter: false } },
      baseUrl: BASE,
      secrets: [SECRET],
      limiterKey: 'aupay:test',
      defaultRate: { acquire: async () => 0 },
      classify: classifyByStatus,
      headers: { Authorization: `Bearer ${SECRET}` },
      ...extra,
    }),
  };
}

const okSchema = z.looseObject({ ok: z.boolean() });

describe('createMallClient', () => {
  it('encodes json, xml and form bodies with their content types, and query parameters', async () => {
    const { client: mall } = client();
    await mall.call(defineEndpoint({ operation: 'j', method: 'POST', path: 'j', body: (n: number) => ({ json: { n } }), answer: { format: 'json', schema: okSchema } }), 1);
    await mall.call(defineEndpoint({ operation: 'x', method: 'POST', path: 'x', body: (id: string) => ({ document: { request: { orderId: id } }, codec: xmlCodec() }), answer: { format: 'json', schema: okSchema } }), 'A&1');
    await mall.call(defineEndpoint({ operation: 'f', method: 'POST', path: 'f', body: (key: string) => ({ form: { key, returnType: 'application/json', skipped: undefined } }), answer: { format: 'json', schema: okSchema } }), '鍵 1');
    await mall.call(defineEndpoint({ operation: 'q', method: 'GET', path: (id: string) => `orders/${id}`, query: () => ({ page: 2, ids: ['a', 'b'], none: null }), answer: { format: 'json', schema: okSchema } }), 'o1');
    expect(seen.map((s) => [s.method, s.contentType, s.body])).toEqual([
      ['POST', 'application/json', '{"n":1}'],
      ['POST', 'application/xml; charset=UTF-8', '<?xml version="1.0" encoding="UTF-8"?><request><orderId>A&amp;1</orderId></request>'],
      ['POST', 'application/x-www-form-urlencoded; charset=UTF-8', 'key=%E9%8D%B5+1&returnType=application%2Fjson'],
      ['GET', null, ''],
    ]);
    expect(seen[3]?.url).toBe(`${BASE}/orders/o1?page=2&ids=a&ids=b`);
  });

  it('reads XML answers with array options and checks them against the schema', async () => {
    const { client: mall } = client();
    answers.push(() => new HttpResponse('<result><status>0</status><orderInfo><orderId>1</orderId></orderInfo></result>', { headers: { 'content-type': 'text/xml' } }));
    const endpoint = defineEndpoint({
      operation: 'search',
      method: 'GET',
      path: 'search',
      answer: { format: xmlCodec({ arrayTags: ['orderInfo'] }), schema: z.looseObject({ result: z.looseObject({ status: z.string(), orderInfo: z.array(z.looseObject({ orderId: z.string() })) }) }) },
    });
    expect((await mall.call(endpoint, undefined)).result.orderInfo).toEqual([{ orderId: '1' }]);
  });

  it('retries an unreadable answer to a read (an HTML 502 page with status 200, a cut body) and then reads the good one', async () => {
    const { client: mall, lines } = client();
    answers.push(() => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { headers: { 'content-type': 'text/html' } }));
    answers.push(() => new HttpResponse('{"ok":tr', { headers: { 'content-type': 'application/json' } }));
    const read = defineEndpoint({ operation: 'read', method: 'POST', path: 'read', idempotent: true, answer: { format: 'json', schema: okSchema } });
    expect(await mall.call(read, undefined)).toEqual({ ok: true });
    expect(seen).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('onRetry'))).toHaveLength(2);
  });

  it('does not re-send a write whose answer is unreadable: it is an unknown outcome, with a redacted excerpt', async () => {
    const { client: mall } = client();
    answers.push(() => new HttpResponse(`{"echo":"${SECRET}"`, { headers: { 'content-type': 'application/json' } }));
    const write = defineEndpoint({ operation: 'write', method: 'POST', path: 'write', body: () => ({ json: {} }), answer: { format: 'json', schema: okSchema } });
    const error = await mall.call(write, undefined).catch((e: unknown) => e);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(isUnknownOutcome(error)).toBe(true);
    expect((error as ResponseFormatError).excerpt).not.toContain(SECRET);
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer of the wrong shape, naming the path, and hands successful answers to onAnswer', async () => {
    const observed: string[] = [];
    const { client: mall } = client({ onAnswer: (response, request) => observed.push(`${request.operation} ${response.status}`) });
    answers.push(() => HttpResponse.json({ ok: 'yes' }));
    answers.push(() => HttpResponse.json({ ok: 'yes' }));
    const read = defineEndpoint({ operation: 'shape', method: 'GET', path: 'shape', answer: { format: 'json', schema: okSchema } });
    const error = await mall.call(read, undefined, { retries: 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/does not have the documented shape \(ok: /);
    expect(observed).toEqual(['shape 200', 'shape 200']);
  });

  it('uses the endpoint\'s own throttle key', async () => {
    const keys: string[] = [];
    const { client: mall } = client({ defaultRate: { acquire: async (key: string) => (keys.push(key), 0) } });
    await mall.call(defineEndpoint({ operation: 'a', method: 'GET', path: 'a', limiterKey: (key) => `${key}|a`, answer: { format: 'json', schema: okSchema } }), undefined);
    await mall.call(defineEndpoint({ operation: 'b', method: 'GET', path: 'b', answer: { format: 'json', schema: okSchema } }), undefined);
    expect(keys).toEqual(['aupay:test|a', 'aupay:test']);
  });
});

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CredentialError,
  InvalidRequestError,
  MallUnavailableError,
  NetworkError,
  RateLimitError,
  TimeoutError,
} from '../../src/errors/classes.js';
import { MallkitError } from '../../src/errors/mallkit-error.js';
import { createRedactor } from '../../src/errors/redact.js';
import { unlimited } from '../../src/http/limiter.js';
import { createHttpPipeline, type PipelineOptions } from '../../src/http/pipeline.js';
import type { Clock } from '../../src/time/clock.js';
import type { Logger } from '../../src/logger.js';

const BASE = 'https://mall.example.test/api';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A clock whose sleeps return at once and are recorded: retries are checked without waiting. */
function steppingClock(): Clock & { sleeps: number[] } {
  let now = Date.UTC(2026, 10, 22, 1);
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

function pipeline(overrides: Partial<PipelineOptions> = {}) {
  const clock = steppingClock();
  const options: PipelineOptions = {
    mall: 'rakuten',
    baseUrl: BASE,
    limiter: unlimited,
    limiterKey: 'test',
    redactor: createRedactor(),
    classify: (response) => {
      if (response.ok && response.text.includes('"error"')) {
        const body = response.json() as { error: string };
        return new InvalidRequestError(`mall said ${body.error}`, { mall: 'rakuten', mallCode: body.error });
      }
      return undefined;
    },
    clock,
    retry: { minDelayMs: 100, jitter: false },
    ...overrides,
  };
  return { clock, pipe: createHttpPipeline(options) };
}

describe('createHttpPipeline', () => {
  it('retries a read after 503 and succeeds, reporting each retry to the hook', async () => {
    let calls = 0;
    server.use(http.post(`${BASE}/search`, () => (++calls < 3 ? new HttpResponse('busy', { status: 503 }) : HttpResponse.json({ ok: 1 }))));
    const onRetry = vi.fn();
    const { pipe, clock } = pipeline({ hooks: { onRetry } });
    const response = await pipe.send({ operation: 'search', method: 'POST', path: 'search', json: {}, idempotent: true });
    expect(response.json()).toEqual({ ok: 1 });
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]); // exponential backoff, jitter off
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({ operation: 'search', attempt: 1, error: { code: 'mall_unavailable', httpStatus: 503 } });
  });

  it('honours Retry-After on a 429, waiting at least that long', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/orders`, () => (++calls === 1 ? new HttpResponse('', { status: 429, headers: { 'Retry-After': '3' } }) : HttpResponse.json({}))));
    const { pipe, clock } = pipeline();
    await pipe.send({ operation: 'orders', method: 'GET', path: 'orders' });
    expect(clock.sleeps).toEqual([3000]);
  });

  it('gives up when Retry-After is longer than allowed, with the RateLimitError and its wait', async () => {
    server.use(http.get(`${BASE}/orders`, () => new HttpResponse('', { status: 429, headers: { 'Retry-After': '3600' } })));
    const { pipe } = pipeline();
    const error = await pipe.send({ operation: 'orders', method: 'GET', path: 'orders' }).catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect((error as RateLimitError).attempts).toBe(1);
  });

  it('does not re-send a write whose outcome is unknown (500), but does after a 429', async () => {
    let writes = 0;
    server.use(http.post(`${BASE}/confirm`, () => (++writes, new HttpResponse('oops', { status: 500 }))));
    const { pipe } = pipeline();
    const error = await pipe.send({ operation: 'confirm', method: 'POST', path: 'confirm', json: {} }).catch((e: unknown) => e);
    expect(MallUnavailableError.isInstance(error)).toBe(true);
    expect(writes).toBe(1);

    let throttled = 0;
    server.use(http.post(`${BASE}/confirm`, () => (++throttled === 1 ? new HttpResponse('', { status: 429 }) : HttpResponse.json({ done: true }))));
    const ok = await pipe.send({ operation: 'confirm', method: 'POST', path: 'confirm', json: {} });
    expect(ok.json()).toEqual({ done: true });
    expect(throttled).toBe(2);
  });

  it('applies the error table to HTTP 200 bodies and does not retry what is not retryable', async () => {
    let calls = 0;
    server.use(http.post(`${BASE}/search`, () => (++calls, HttpResponse.json({ error: 'E42' }))));
    const { pipe } = pipeline();
    const error = await pipe.send({ operation: 'search', method: 'POST', path: 'search', json: {}, idempotent: true }).catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).mallCode).toBe('E42');
    expect((error as InvalidRequestError).httpStatus).toBe(200);
    expect(calls).toBe(1);
  });

  it('turns a slow answer into TimeoutError and a reset into NetworkError', async () => {
    server.use(http.get(`${BASE}/slow`, async () => (await new Promise((r) => setTimeout(r, 300)), HttpResponse.json({}))));
    server.use(http.get(`${BASE}/reset`, () => HttpResponse.error()));
    const { pipe } = pipeline({ timeoutMs: 50, retry: { retries: 0 } });
    const slow = await pipe.send({ operation: 'slow', method: 'GET', path: 'slow' }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(slow)).toBe(true);
    const reset = await pipe.send({ operation: 'reset', method: 'GET', path: 'reset' }).catch((e: unknown) => e);
    expect(NetworkError.isInstance(reset)).toBe(true);
  });

  it('stops at once when the caller aborts, sending nothing more', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/orders`, () => (++calls, new HttpResponse('', { status: 503 }))));
    const controller = new AbortController();
    const clock = steppingClock();
    const { pipe } = pipeline({
      clock: { ...clock, sleep: async () => controller.abort(new Error('stopped by caller')) },
    });
    const error = await pipe.send({ operation: 'orders', method: 'GET', path: 'orders' }, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('stopped by caller');
    expect(calls).toBe(1);
  });

  it('refreshes credentials once on rejection and re-sends', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        const auth = request.headers.get('authorization') ?? '';
        seen.push(auth);
        return auth === 'Bearer fresh-token-2' ? HttpResponse.json({ me: 1 }) : new HttpResponse('', { status: 401 });
      }),
    );
    let token = 'stale-token-1';
    const { pipe } = pipeline({
      authorize: () => ({ Authorization: `Bearer ${token}` }),
      onCredentialRejected: async (error) => {
        expect(CredentialError.isInstance(error)).toBe(true);
        token = 'fresh-token-2';
        return true;
      },
    });
    await pipe.send({ operation: 'me', method: 'GET', path: 'me' });
    expect(seen).toEqual(['Bearer stale-token-1', 'Bearer fresh-token-2']);
  });

  it('keeps secrets out of errors, JSON, hooks and logs, even when the mall echoes them', async () => {
    const secret = 'SP-SECRET-VALUE-123456';
    server.use(http.post(`${BASE}/echo`, ({ request }) => new HttpResponse(`bad key ${request.headers.get('x-key')} in ${request.headers.get('authorization')}`, { status: 400 })));
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m, f) => lines.push(m + JSON.stringify(f)),
      info: (m, f) => lines.push(m + JSON.stringify(f)),
      warn: (m, f) => lines.push(m + JSON.stringify(f)),
      error: (m, f) => lines.push(m + JSON.stringify(f)),
    };
    const events: unknown[] = [];
    const { pipe } = pipeline({
      redactor: createRedactor([secret]),
      logger,
      hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) },
      authorize: () => ({ Authorization: `ESA ${Buffer.from(`${secret}:lic`).toString('base64')}`, 'x-key': secret }),
      classify: (response) =>
        response.ok ? null : new InvalidRequestError(`rejected: ${response.text}`, { mall: 'rakuten' }),
    });
    const error = (await pipe.send({ operation: 'echo', method: 'POST', path: 'echo', json: {} }).catch((e: unknown) => e)) as MallkitError;
    expect(MallkitError.isInstance(error)).toBe(true);
    const everything = JSON.stringify([error.message, error.toJSON(), events, lines, String(error.stack)]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(`${secret}:lic`).toString('base64'));
    expect(error.message).toContain('[REDACTED]');
  });

  it('stops retrying when the total time budget is spent', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/orders`, () => (++calls, new HttpResponse('', { status: 503 }))));
    const { pipe } = pipeline({ retry: { retries: 10, minDelayMs: 1000, jitter: false, maxElapsedMs: 5000 } });
    await expect(pipe.send({ operation: 'orders', method: 'GET', path: 'orders' })).rejects.toMatchObject({ code: 'mall_unavailable', attempts: 3 });
    expect(calls).toBe(3); // waits of 1 s and 2 s fit in 5 s; the next 4 s would not
  });
});

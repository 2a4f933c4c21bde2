import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidRequestError, MaintenanceError } from '../../src/errors/classes.js';
import { classifyByStatus } from '../../src/http/classify.js';
import { mapWithConcurrency } from '../../src/iter/concurrency.js';
import { runBatchWrite } from '../../src/kit/batch-write.js';
import { createMallClient } from '../../src/kit/client.js';
import { defineEndpoint } from '../../src/kit/endpoint.js';
import { readAllPages } from '../../src/kit/pages.js';
import { checkShipments } from '../../src/kit/shipments.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import { ValidationError } from '../../src/errors/classes.js';

describe('runBatchWrite, more', () => {
  it('writes the items of one group in the same request, batchSize counting groups', async () => {
    const sent: string[][] = [];
    const result = await runBatchWrite({
      mall: 'yahoo',
      operation: 'ship',
      items: [{ order: 'a', n: '1' }, { order: 'b', n: '2' }, { order: 'a', n: '3' }],
      idOf: (item) => item.order,
      groupOf: (item) => item.order,
      batchSize: 1,
      call: {},
      write: async (batch) => (sent.push(batch.map((item) => item.n)), batch.map(() => ({ kind: 'done' as const }))),
    });
    expect(sent).toEqual([['1', '3'], ['2']]);
    expect(result.results.map((r) => r.id)).toEqual(['a', 'b', 'a']);
  });

  it('hands precheck plans to write and resolve, with the item index', async () => {
    const seen: string[] = [];
    await runBatchWrite({
      mall: 'makeshop',
      operation: 'ship',
      items: ['a', 'b'],
      idOf: (id) => id,
      batchSize: 2,
      call: {},
      readStates: async (ids) => new Map(ids.map((id) => [id, `state-${id}`] as const)),
      precheck: (id, state, index) => ({ write: `${id}@${index}:${state}` }),
      write: async (batch, _call, context) => (seen.push(...batch.map((id) => context.planOf(id) ?? '?')), batch.map(() => ({ kind: 'done' as const }))),
    });
    expect(seen).toEqual(['a@0:state-a', 'b@1:state-b']);
  });

  it('stops a batch at a mall-specific error every further order would meet', async () => {
    let writes = 0;
    const refused = new InvalidRequestError('the document is refused', { mall: 'makeshop', mallCode: 'GRAPHQL_VALIDATION_FAILED' });
    const error = await runBatchWrite({
      mall: 'makeshop',
      operation: 'ship',
      items: ['a', 'b', 'c'],
      idOf: (id) => id,
      batchSize: 1,
      call: {},
      stopsBatch: (e) => e.mallCode === 'GRAPHQL_VALIDATION_FAILED',
      write: async () => (writes += 1, [{ kind: 'failed' as const, error: refused }]),
    }).catch((e: unknown) => e);
    expect(error).toBe(refused);
    expect(writes).toBe(1);
    expect(refused.batch?.notSent).toEqual(['b', 'c']);
  });
});

describe('client closures, sub-resource pages, concurrency, empty paths', () => {
  it('fails at once during a scheduled closure, with retryAfterMs until reopening, sending nothing', async () => {
    const clock = createSandboxClock('2026-11-25T03:00:00+09:00');
    let sent = 0;
    const client = createMallClient({
      mall: 'shopserve',
      options: { clock, fetch: async () => (sent += 1, new Response('{}')) },
      baseUrl: 'https://closed.test/v2',
      secrets: [],
      limiterKey: 'k',
      defaultRate: { acquire: async () => 0 },
      classify: classifyByStatus,
      closedAt: (now) => ({ until: now + 5 * 3_600_000, hint: { ja: '08:00以降に再実行', en: 'Run again after 08:00' } }),
    });
    const error = await client.call(defineEndpoint({ operation: 'search', method: 'POST', path: 'orders', answer: { format: 'json', schema: z.unknown() } }), undefined).catch((e: unknown) => e);
    expect(MaintenanceError.isInstance(error)).toBe(true);
    expect((error as MaintenanceError).retryAfterMs).toBe(5 * 3_600_000);
    expect(sent).toBe(0);
  });

  it('sends an empty path to the base URL itself (one-endpoint APIs)', async () => {
    const urls: string[] = [];
    const server = setupServer(http.post('https://graphql.test/api/graphql', ({ request }) => (urls.push(request.url), HttpResponse.json({ data: {} }))));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = createMallClient({ mall: 'makeshop', options: {}, baseUrl: 'https://graphql.test/api/graphql', secrets: [], limiterKey: 'k', defaultRate: { acquire: async () => 0 }, classify: classifyByStatus });
      await client.call(defineEndpoint({ operation: 'q', method: 'POST', path: '', body: () => ({ json: {} }), idempotent: true, answer: { format: 'json', schema: z.unknown() } }), undefined);
    } finally {
      server.close();
    }
    expect(urls).toEqual(['https://graphql.test/api/graphql']);
  });

  it('reads every page of a sub-resource, and stops a token that repeats', async () => {
    expect(await readAllPages<string, string>({ mall: 'amazon', operation: 'getOrderItems', fetchPage: async (token) => (token ? { items: ['b'], next: undefined } : { items: ['a'], next: 't1' }) })).toEqual(['a', 'b']);
    await expect(readAllPages<string, string>({ mall: 'amazon', operation: 'getOrderItems', fetchPage: async (token) => ({ items: [token ?? 'first'], next: 'same' }) })).rejects.toThrow(/cursor "same" again/);
  });

  it('runs at most `limit` at once and keeps input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 3, 2], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 30, 20]);
    expect(peak).toBe(2);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe('checkShipments, more rules', () => {
  const clock = createSandboxClock('2026-11-22T10:00:00+09:00');
  const good = { orderId: 'o1', carrier: 'yamato' as const, trackingNumber: '4912-3456-7890', shippedAt: '2026-11-22' };
  const fields = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      if (ValidationError.isInstance(error)) return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
      throw error;
    }
    return [];
  };

  it('takes planned dates up to maxDaysAhead, refuses future instants, unknown carriers and line items where the mall says so', () => {
    expect(checkShipments([{ ...good, shippedAt: '2026-11-29' }], { shipDates: { maxDaysAhead: 7 } }, clock, { mall: 'shopserve' })).toHaveLength(1);
    expect(fields(() => checkShipments([{ ...good, shippedAt: '2026-11-30' }], { shipDates: { maxDaysAhead: 7 } }, clock, { mall: 'shopserve' }))[0]).toMatch(/more than 7 days/);
    expect(fields(() => checkShipments([{ ...good, shippedAt: '2026-11-22T01:30:00Z' }], { shipDates: { precision: 'instant' } }, clock, { mall: 'amazon' }))[0]).toMatch(/later than now/);
    expect(checkShipments([{ ...good, shippedAt: '2026-11-22T00:30:00Z' }], { shipDates: { precision: 'instant' } }, clock, { mall: 'amazon' })).toHaveLength(1);
    const rules = { carrierProblem: (code: string) => (code === 'ems' ? 'no code for EMS' : null), lineItems: false };
    expect(fields(() => checkShipments([{ ...good, carrier: 'ems' as const, trackingNumber: 'EE123456789JP', items: [{ lineId: '1', quantity: 1 }] }], rules, clock, { mall: 'makeshop' }))).toEqual([
      'updates[0].carrier: no code for EMS',
      'updates[0].items: makeshop records shipments per order or destination, not per line: leave items out',
    ]);
  });
});

describe('carrier formats', () => {
  const clock = createSandboxClock('2026-11-22T10:00:00+09:00');
  const update = (carrier: 'yamato' | 'sagawa' | 'japan_post' | 'seino', trackingNumber: string) => ({ orderId: 'o1', carrier, trackingNumber, shippedAt: '2026-11-21' });
  const refused = (run: () => unknown): boolean => {
    try {
      run();
      return false;
    } catch (error) {
      return ValidationError.isInstance(error);
    }
  };

  it('refuses numbers that cannot be the carrier\'s on every mall, and lets a mall skip the check', () => {
    expect(refused(() => checkShipments([update('yamato', '4912-3456-789')], {}, clock, { mall: 'rakuten' }))).toBe(true);
    expect(refused(() => checkShipments([update('sagawa', '1234567890123')], {}, clock, { mall: 'rakuten' }))).toBe(true);
    expect(refused(() => checkShipments([update('japan_post', '1234-5678-9012')], {}, clock, { mall: 'rakuten' }))).toBe(false);
    expect(refused(() => checkShipments([update('japan_post', 'RR123456789JP')], {}, clock, { mall: 'rakuten' }))).toBe(false);
    expect(refused(() => checkShipments([update('seino', '12345')], {}, clock, { mall: 'rakuten' }))).toBe(false);
    expect(refused(() => checkShipments([update('yamato', '4912')], { carrierFormats: false }, clock, { mall: 'rakuten' }))).toBe(false);
  });
});

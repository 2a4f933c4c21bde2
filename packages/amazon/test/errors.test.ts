import {
  ClockSkewError,
  CredentialError,
  InvalidRequestError,
  MallUnavailableError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  UnsupportedOperationError,
  ValidationError,
  createHttpResponse,
} from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AMAZON_USAGE_PLANS, isAmazonOperation } from '../src/api/usage-plans.js';
import { createAmazonClassifier } from '../src/errors.js';
import { collect, createRig, failure, NOW, seedOrders, type TestRig } from './helpers.js';

let rig: TestRig | undefined;
afterEach(() => rig?.close());

const first = (r: TestRig): string => r.ids()[0] ?? '';

describe('credentials and errors', () => {
  it('refreshes the access token once for concurrent callers', async () => {
    rig = createRig(seedOrders(6), NOW);
    const ids = rig.ids();
    await Promise.all(ids.map((id) => rig!.connector.getOrders([id])));
    expect(rig.sandbox.kit.log.count({ operation: 'lwaToken' })).toBe(1);
  });

  it('403 "access token expired": one refresh, then the request is sent again', async () => {
    rig = createRig(seedOrders(3), NOW);
    await rig.connector.getOrders([first(rig)]);
    rig.sandbox.expireAccessTokens();
    const orders = await rig.connector.getOrders([first(rig)]);
    expect(orders).toHaveLength(1);
    expect(rig.sandbox.kit.log.count({ operation: 'lwaToken' })).toBe(2);
    expect(rig.sandbox.kit.log.forOperation('getOrder').map((e) => e.status)).toEqual([200, 403, 200]);
  });

  it('invalid_grant → CredentialError naming refreshToken with the re-authorize hint', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.expireCredential();
    const error = await failure(rig.connector.getOrders([first(rig)]));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect((error as CredentialError).credential).toBe('refreshToken');
    expect((error as CredentialError).mallCode).toBe('invalid_grant');
    expect((error as CredentialError).hint?.ja).toContain('再認可');
    expect(rig.sandbox.kit.log.count({ operation: 'lwaToken' })).toBe(1);
  });

  it('invalid_client → CredentialError naming clientSecret with the rotation hint', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.expireClientSecret();
    const error = await failure(rig.connector.getOrders([first(rig)]));
    expect((error as CredentialError).credential).toBe('clientSecret');
    expect((error as CredentialError).hint?.en).toContain('180 days');
  });

  it('403 without an expired token → PermissionError, not retried, request id kept', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.kit.faults.inject(
      { kind: 'status', status: 403, body: JSON.stringify({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] }), headers: { 'content-type': 'application/json', 'x-amzn-RequestId': 'req-403' } },
      { operation: 'getOrder' },
    );
    const error = await failure(rig.connector.getOrders([first(rig)]));
    expect(PermissionError.isInstance(error)).toBe(true);
    expect((error as PermissionError).requestId).toBe('req-403');
    expect((error as PermissionError).hint?.en).toContain('roles');
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
  });

  it('400 is never retried and keeps Amazon code, message and request id', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.kit.faults.inject(
      { kind: 'status', status: 400, body: JSON.stringify({ errors: [{ code: 'InvalidInput', message: 'includedData: FOO is not a valid value' }] }), headers: { 'x-amzn-RequestId': 'req-400' } },
      { operation: 'getOrder' },
    );
    const error = await failure(rig.connector.getOrders([first(rig)]));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).mallCode).toBe('InvalidInput');
    expect((error as InvalidRequestError).field).toBe('includedData');
    expect((error as InvalidRequestError).requestId).toBe('req-400');
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
  });

  it('a non-JSON gateway 502 becomes MallUnavailableError and is retried', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'x-amzn-RequestId': 'req-502' } }, { operation: 'getOrder', times: 10 });
    const error = await failure(rig.connector.getOrders([first(rig)], { retries: 1 }));
    expect(MallUnavailableError.isInstance(error)).toBe(true);
    expect((error as MallUnavailableError).requestId).toBe('req-502');
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(2);
  });

  it('recognizes the MWS-era messages shops still see', async () => {
    rig = createRig(seedOrders(3), NOW);
    const bodies: Array<[string, (e: unknown) => boolean, string]> = [
      ['The seller does not have an eligible Amazon account to call Amazon MWS. For more information about eligible accounts,see the Amazon MWS documentation', PermissionError.isInstance, '大口出品'],
      ['Request signature is too far in the future. Timestamp date: 2026-11-23T10:00:00Z', ClockSkewError.isInstance, '時計'],
      ['Access to Feeds.SubmitFeed is denied', PermissionError.isInstance, '開発者'],
      ['access to orders get order is denied', PermissionError.isInstance, '開発者'],
      ['Access to Reports.Request Report id denied', PermissionError.isInstance, '開発者'],
    ];
    for (const [message, is, ja] of bodies) {
      rig.sandbox.kit.faults.inject({ kind: 'status', status: 401, body: `<ErrorResponse><Error><Message>${message}</Message></Error></ErrorResponse>` }, { operation: 'getOrder' });
      const error = await failure(rig.connector.getOrders([first(rig)], { retries: 0 }));
      expect(is(error), message).toBe(true);
      expect((error as PermissionError).hint?.ja).toContain(ja);
      expect((error as PermissionError).hint?.en).toContain('MWS');
    }
  });

  it('404 is never retried; the missing order keeps Amazon\'s request id', async () => {
    rig = createRig(seedOrders(3), NOW);
    const error = await failure(rig.connector.getOrders(['503-0000000-0000000']));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as NotFoundError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((error as NotFoundError).message).toContain('503-0000000-0000000');
    expect((error as NotFoundError).hint?.ja).toContain('出品者アカウント');
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
  });

  it('500 and 503 are retried with backoff until Amazon answers', async () => {
    rig = createRig(seedOrders(3), NOW);
    rig.sandbox.kit.faults.inject({ kind: 'server_error', status: 503 }, { operation: 'getOrder', times: 1 });
    rig.sandbox.kit.faults.inject({ kind: 'server_error', status: 500 }, { operation: 'getOrder', times: 1 });
    const orders = await rig.connector.getOrders([first(rig)]);
    expect(orders).toHaveLength(1);
    expect(rig.sandbox.kit.log.forOperation('getOrder').map((e) => e.status).sort()).toEqual([200, 500, 503]);
  });

  it('429 QuotaExceeded is waited out and retried; the answer is Amazon\'s real body', async () => {
    rig = createRig(seedOrders(40), NOW);
    // The sandbox's plan is smaller than the one the connector believes: Amazon throttles.
    rig.sandbox.setUsagePlans({ getOrder: { rate: 50, burst: 1 } });
    const ids = rig.ids().slice(0, 6);
    const orders = await rig.connector.getOrders(ids);
    expect(orders).toHaveLength(6);
    const throttled = rig.sandbox.kit.log.filter({ operation: 'getOrder', status: 429 });
    expect(throttled.length).toBeGreaterThan(0);

    // With retries off, the 429 surfaces as RateLimitError carrying Amazon's code, message and request id.
    rig.sandbox.setUsagePlans({ getOrder: { rate: 0.001, burst: 1 } });
    rig.sandbox.reset();
    await rig.connector.getOrders([ids[0] ?? '']);
    const error = await failure(rig.connector.getOrders([ids[1] ?? ''], { retries: 0 }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).mallCode).toBe('QuotaExceeded');
    expect((error as RateLimitError).message).toContain('You exceeded your quota for the requested resource.');
    expect((error as RateLimitError).requestId).toBeTruthy();
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
  });

  it('follows x-amzn-RateLimit-Limit when Amazon reports a rate other than the plan', async () => {
    rig = createRig(seedOrders(10), NOW);
    rig.sandbox.setUsagePlans({ getOrder: { rate: 25, burst: 30 } });
    const ids = rig.ids().slice(0, 3);
    await rig.connector.getOrders(ids);
    expect(rig.connector.client.rateOf('getOrder')).toBe(25);
    expect(rig.captured.some((line) => line.includes('Amazon reports 25 req/s'))).toBe(true);
  });
});

describe('Orders API v0 removal', () => {
  it('refuses v0 reads from 2027-03-27 on, before sending, with the way out', async () => {
    rig = createRig(seedOrders(3), '2027-03-27T09:00:00+09:00', { ordersApi: 'v0' });
    const error = await failure(collect(rig.connector.listOrders({ from: '2027-03-01T00:00:00+09:00' })));
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect((error as UnsupportedOperationError).hint?.en).toContain('v2026-01-01');
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('warns when a connector is created on the v0 path', () => {
    rig = createRig([], NOW, { ordersApi: 'v0' });
    expect(rig.captured.some((line) => line.includes('deprecated') && line.includes('2027-03-27'))).toBe(true);
  });
});

describe('input checks before sending', () => {
  it('a future ship date (JST written as UTC) is refused for the whole batch, with the JST/UTC hint', async () => {
    rig = createRig(seedOrders(6), NOW);
    const id = first(rig);
    const before = rig.sandbox.kit.log.count();
    // 15:00 JST written with Z: nine hours ahead of the sandbox's 10:00 JST.
    const error = await failure(rig.connector.exportShipments([{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-22T15:00:00Z' }]));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('updates[0].shippedAt');
    expect((error as ValidationError).hint?.ja).toContain('+09:00');
    expect((error as ValidationError).hint?.en).toContain('JST');
    expect(rig.sandbox.kit.log.count()).toBe(before);
  });

  it('a ship date before the purchase fails that order only', async () => {
    rig = createRig(seedOrders(12), NOW);
    const shippable = rig.seeds.filter((s) => s.status === 'ready_to_ship');
    const [a, b] = shippable;
    if (!a || !b) throw new Error('need two shippable seeds');
    const result = await rig.connector.exportShipments([
      { orderId: a.id, carrier: 'sagawa', trackingNumber: '111111111111', shippedAt: new Date(Date.parse(a.orderedAt) - 3_600_000) },
      { orderId: b.id, carrier: 'sagawa', trackingNumber: '222222222222', shippedAt: '2026-11-22T09:00:00+09:00' },
    ]);
    expect(result.results[0]).toMatchObject({ id: a.id, ok: false });
    const err = result.results[0];
    if (err && !err.ok) expect(err.error.hint?.ja).toContain('日本時間');
    expect(result.results[1]).toMatchObject({ id: b.id, ok: true, alreadyDone: false });
    expect(rig.sandbox.kit.log.count({ operation: 'confirmShipment' })).toBe(1);
  });

  it('listOrders refuses a date type Amazon cannot search', async () => {
    rig = createRig([], NOW);
    const error = await failure(collect(rig.connector.listOrders({ from: '2026-11-01T00:00:00+09:00', dateType: 'shipped' })));
    expect((error as ValidationError).field).toBe('query.dateType');
  });
});

describe('throttling', () => {
  it("a 429 on searchOrders waits one token's refill (about 179 s), not a capped 30 s that can only meet another 429", () => {
    const classify = createAmazonClassifier((operation) => (isAmazonOperation(operation) ? AMAZON_USAGE_PLANS[operation].rate : 1));
    const text = JSON.stringify({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] });
    const response = createHttpResponse({ mall: 'amazon', operation: 'searchOrders', status: 429, headers: new Headers(), url: 'https://sellingpartnerapi-fe.amazon.com/orders/2026-01-01/orders', text, redact: (t) => t });
    const error = classify(response, { operation: 'searchOrders', method: 'GET', path: '/orders/2026-01-01/orders' }, { now: Date.now() });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(Math.ceil(1000 / AMAZON_USAGE_PLANS.searchOrders.rate));
  });
});

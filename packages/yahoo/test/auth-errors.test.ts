import { CredentialError, InvalidRequestError, MaintenanceError, PermissionError, RateLimitError, type StoredToken } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, failure, seeds, setup, type Setup } from './harness.js';

const HOUR = 3_600_000;

function seed(env: Setup, count = 3): string[] {
  return env.sandbox.seed(seeds(count, 9)).map((s) => s.id);
}

describe('tokens, sessions and the error table', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('an expired access token (invalid_token) is refreshed once and the call re-sent', async () => {
    env = setup();
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    env.sandbox.expireAccessTokens();
    const [order] = await env.connector.getOrders([id ?? '']);
    expect(order?.id).toBe(id);
    const statuses = env.sandbox.kit.log.filter(() => true).map((e) => `${e.operation}:${e.status}`);
    expect(statuses).toEqual(['token:200', 'orderInfo:200', 'orderInfo:401', 'token:200', 'orderInfo:200']);
  });

  it('concurrent callers share one refresh', async () => {
    env = setup();
    const ids = seed(env, 4);
    await Promise.all(ids.map((id) => env.connector.getOrders([id])));
    expect(env.sandbox.kit.log.count({ operation: 'token' })).toBe(1);
    env.sandbox.expireAccessTokens();
    await Promise.all(ids.map((id) => env.connector.getOrders([id])));
    expect(env.sandbox.kit.log.count({ operation: 'token' })).toBe(2);
  });

  it('a rotated refresh token goes to onRefresh and is used from then on', async () => {
    const refreshed: StoredToken[] = [];
    env = setup(undefined, { onRefresh: (token) => void refreshed.push(token) });
    const [id] = seed(env);
    env.sandbox.rotateRefreshTokenOnNextRefresh();
    await env.connector.getOrders([id ?? '']);
    const rotated = refreshed[0]?.refreshToken;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(env.refreshToken);
    env.sandbox.expireAccessTokens();
    await env.connector.getOrders([id ?? '']);
    const lastRefresh = env.sandbox.kit.log.filter({ operation: 'token' }).at(-1);
    expect(new URLSearchParams(lastRefresh?.bodyText).get('refresh_token')).toBe(rotated);
    // The refresh token's expiry is tracked: 28 days from the authorization with a working key.
    const expected = Date.parse('2026-11-22T10:00:00+09:00') + 28 * 24 * HOUR;
    expect(refreshed[0]?.refreshTokenExpiresAt).toBeGreaterThanOrEqual(expected);
    expect(refreshed[0]?.refreshTokenExpiresAt).toBeLessThan(expected + 5_000);
  });

  it('a revoked session: invalid_grant → CredentialError naming refreshToken, and the report says expired', async () => {
    env = setup();
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    env.sandbox.expireCredential();
    const error = await failure(env.connector.getOrders([id ?? '']));
    expect(CredentialError.isInstance(error) && error.credential).toBe('refreshToken');
    expect(CredentialError.isInstance(error) && error.hint?.en).toMatch(/[Rr]e-authorize/);
    const report = await env.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials.find((c) => c.name === 'refreshToken')?.state).toBe('expired');
  });

  it('without a public key the session ends after 12 hours with px-04102, and the report warns about it', async () => {
    env = setup(undefined, { signed: false });
    const [id] = seed(env);
    const healthy = await env.connector.checkCredentials();
    const refresh = healthy.credentials.find((c) => c.name === 'refreshToken');
    expect(refresh?.expiresAt).toBe('2026-11-22T22:00:00+09:00');
    expect(refresh?.notes.map((n) => n.ja).join()).toContain('12時間');
    expect(env.sandbox.kit.log.filter({ operation: 'orderList' })[0]?.headers.has('x-sws-signature')).toBe(false);
    env.sandbox.clock.advance(12 * HOUR + 60_000);
    const error = await failure(env.connector.getOrders([id ?? '']));
    expect(CredentialError.isInstance(error)).toBe(true);
    if (!CredentialError.isInstance(error)) return;
    // The access token had also expired: refresh first, which Yahoo refuses past the session.
    expect(error.credential).toBe('refreshToken');
    expect(error.hint?.ja).toMatch(/公開鍵|認可/);
  });

  it('px-04102 on an order API call maps to CredentialError(refreshToken) with the public-key hint', async () => {
    env = setup(undefined, { signed: false });
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    // 11.5 h: the access token is refreshed fine, but the session is over by the next call.
    env.sandbox.clock.advance(11.5 * HOUR);
    await env.connector.getOrders([id ?? '']);
    env.sandbox.clock.advance(0.6 * HOUR);
    const error = await failure(env.connector.getOrders([id ?? '']));
    expect(CredentialError.isInstance(error) && error.mallCode).toBe('px-04102');
    expect(CredentialError.isInstance(error) && error.credential).toBe('refreshToken');
    expect(CredentialError.isInstance(error) && error.hint?.ja).toContain('公開鍵');
  });

  it('a signature Yahoo does not accept: logger warning, report note, session cut to 12 hours', async () => {
    env = setup(undefined, { publicKeyVersion: '9' });
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    expect(env.captured.filter((line) => line.startsWith('warn')).join()).toContain('X-SWS-Authorize-Status');
    const report = await env.connector.checkCredentials();
    expect(report.credentials.find((c) => c.name === 'publicKey')?.state).toBe('invalid');
    const refresh = report.credentials.find((c) => c.name === 'refreshToken');
    expect(refresh?.expiresAt).toBe('2026-11-22T22:00:00+09:00');
    expect(refresh?.notes.map((n) => n.en).join()).toContain('X-SWS-Authorize-Status: unauthorized');
    expect(env.sandbox.isSessionDegraded(env.refreshToken)).toBe(true);
  });

  it('a working signature keeps the 4-week session', async () => {
    env = setup();
    const report = await env.connector.checkCredentials();
    expect(report.ok).toBe(true);
    expect(report.credentials.find((c) => c.name === 'refreshToken')?.expiresAt).toBe('2026-12-20T10:00:00+09:00');
    expect(env.sandbox.isSessionDegraded(env.refreshToken)).toBe(false);
  });

  it('403 "Your Request was Forbidden" once (a per-second overrun looks the same) is retried after a second, and the call succeeds', async () => {
    env = setup();
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    env.sandbox.kit.faults.inject({ kind: 'status', status: 403, body: "<?xml version='1.0' encoding='UTF-8' ?><Error><Message>Your Request was Forbidden</Message></Error>" }, { operation: 'orderInfo' });
    const started = Date.now();
    const [order] = await env.connector.getOrders([id ?? '']);
    expect(order?.id).toBe(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(env.sandbox.kit.log.count({ operation: 'orderInfo' })).toBe(3);
  });

  it('403 "Your Request was Forbidden" again after a second is final: RateLimitError naming both causes', async () => {
    env = setup();
    const [id] = seed(env);
    env.sandbox.exhaustDailyQuota();
    const error = await failure(env.connector.getOrders([id ?? '']));
    expect(RateLimitError.isInstance(error) && error.retryable).toBe(false);
    expect(RateLimitError.isInstance(error) && error.hint?.ja).toContain('50,000');
    expect(RateLimitError.isInstance(error) && error.hint?.en).toContain('1 request/s');
    expect(env.sandbox.kit.log.count({ operation: 'orderInfo' })).toBe(2);
  });

  it('px-04303 is a PermissionError about the order-API application', async () => {
    env = setup();
    const [id] = seed(env);
    env.sandbox.denyOrderApi();
    const error = await failure(env.connector.getOrders([id ?? '']));
    expect(PermissionError.isInstance(error) && error.mallCode).toBe('px-04303');
    expect(PermissionError.isInstance(error) && error.hint?.ja).toContain('注文API利用申請');
  });

  it('503 is maintenance and 400 an invalid request', async () => {
    env = setup();
    const [id] = seed(env);
    await env.connector.getOrders([id ?? '']);
    env.sandbox.kit.faults.inject({ kind: 'maintenance' }, { times: 5 });
    expect(MaintenanceError.isInstance(await failure(env.connector.getOrders([id ?? ''], { retries: 0 })))).toBe(true);
    env.sandbox.kit.faults.clear();
    env.sandbox.kit.faults.inject(
      { kind: 'status', status: 400, body: "<?xml version='1.0' encoding='UTF-8' ?><Error><Message>Invalid Request.</Message></Error>" },
      { operation: 'orderInfo' },
    );
    expect(InvalidRequestError.isInstance(await failure(env.connector.getOrders([id ?? ''], { retries: 0 })))).toBe(true);
  });

  it('throttles per API path and store: orderList and orderInfo keep separate budgets', async () => {
    const keys = new Set<string>();
    env = setup(undefined, { rateLimit: { limit: 1, intervalMs: 40 }, hooks: { onThrottle: (event) => void keys.add(event.key) } });
    const [first = '', second = ''] = seed(env, 2);
    // Two calls at once on each API: the second of each waits for its own path's budget.
    await Promise.all([
      env.connector.getOrders([first]),
      env.connector.getOrders([second]),
      collect(env.connector.getPayments({ orderIds: [first] })),
      collect(env.connector.getPayments({ orderIds: [second] })),
    ]);
    expect([...keys].map((key) => key.split(':').at(-1)).sort()).toEqual(['orderInfo', 'orderList']);
    expect(env.sandbox.qpsViolations()).toBe(0);
  });
});

import { UnsupportedOperationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, createRig, failure, NOW, seedOrders, type TestRig } from './helpers.js';

let rig: TestRig | undefined;
afterEach(() => rig?.close());

describe('checkCredentials', () => {
  it('reports the tracked expiries with days left, after a live refresh', async () => {
    rig = createRig([], NOW, { authorizedAt: '2026-01-01T00:00:00+09:00', clientSecretRotatedAt: '2026-06-01T00:00:00+09:00' });
    const report = await rig.connector.checkCredentials();
    expect(rig.sandbox.kit.log.count({ operation: 'lwaToken' })).toBe(1);
    const token = report.credentials.find((c) => c.name === 'refreshToken');
    expect(token).toMatchObject({ state: 'valid', source: 'tracked', expiresAt: '2027-01-01T00:00:00+09:00', daysLeft: 39 });
    const secret = report.credentials.find((c) => c.name === 'clientSecret');
    // 2026-06-01 + 180 days = 2026-11-28 00:00: five whole days from 11-22 10:00, inside the 14-day warning.
    expect(secret).toMatchObject({ state: 'expiring', source: 'tracked', daysLeft: 5 });
    expect(secret?.renew?.en).toContain('rotate');
    expect(report.ok).toBe(false);
  });

  it('marks the refresh token invalid when LWA answers invalid_grant', async () => {
    rig = createRig([], NOW);
    rig.sandbox.expireCredential();
    const report = await rig.connector.checkCredentials();
    expect(report.credentials.find((c) => c.name === 'refreshToken')).toMatchObject({ state: 'invalid' });
    expect(report.credentials.find((c) => c.name === 'clientSecret')).toMatchObject({ state: 'valid' });
  });

  it('marks the client secret invalid when LWA answers invalid_client, and a bare date counts as JST', async () => {
    rig = createRig([], NOW, { authorizedAt: '2026-01-01', clientSecretRotatedAt: '2026-01-01' });
    rig.sandbox.expireClientSecret();
    const report = await rig.connector.checkCredentials();
    expect(report.credentials.find((c) => c.name === 'refreshToken')).toMatchObject({ expiresAt: '2027-01-01T00:00:00+09:00', daysLeft: 39 });
    const secret = report.credentials.find((c) => c.name === 'clientSecret');
    expect(secret).toMatchObject({ state: 'invalid', expiresAt: '2026-06-30T00:00:00+09:00' });
    expect(secret?.renew?.ja).toContain('ローテーション');
    expect(report.ok).toBe(false);
  });

  it('without the tracked dates, the live refresh still decides and the report says what to pass', async () => {
    rig = createRig([], NOW);
    const report = await rig.connector.checkCredentials();
    expect(report.ok).toBe(true);
    const token = report.credentials.find((c) => c.name === 'refreshToken');
    expect(token).toMatchObject({ source: 'live_check', expiresAt: null });
    expect(JSON.stringify(token)).toContain('authorizedAt');
  });

  it('on the v0 path, reports the v0 removal date', async () => {
    rig = createRig([], NOW, { ordersApi: 'v0' });
    const report = await rig.connector.checkCredentials();
    const v0 = report.credentials.find((c) => c.name === 'ordersApiV0');
    expect(v0).toMatchObject({ expiresAt: '2027-03-27T00:00:00+09:00', state: 'valid' });
    // A date Amazon announced, not one an API returned: the report says where it comes from.
    expect(v0?.source).not.toBe('api');
    expect(JSON.stringify(v0?.notes)).toContain('developer-docs.amazon.com');
  });

  it('an app without the role (403 on an SP-API call) shows in the report, which an LWA refresh alone cannot tell', async () => {
    rig = createRig([], NOW);
    const healthy = await rig.connector.checkCredentials();
    expect(healthy.credentials.find((c) => c.name === 'roles')).toMatchObject({ state: 'valid', source: 'live_check' });
    const body = JSON.stringify({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] });
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 403, body, headers: { 'content-type': 'application/json' } }, { operation: 'getOrder' });
    const report = await rig.connector.checkCredentials();
    const roles = report.credentials.find((c) => c.name === 'roles');
    expect(roles?.state).toBe('invalid');
    expect(roles?.renew?.en).toContain('roles');
    expect(report.ok).toBe(false);
    // LWA itself was fine: the refresh token and the secret stay valid.
    expect(report.credentials.find((c) => c.name === 'refreshToken')?.state).toBe('valid');
  });

  it('the check leaves the cached access token alone (other processes share it through tokenStore)', async () => {
    rig = createRig(seedOrders(2), NOW);
    const [id] = rig.ids();
    await rig.connector.getOrders([id ?? '']);
    await rig.connector.checkCredentials();
    await rig.connector.getOrders([id ?? '']);
    const tokens = rig.sandbox.kit.log.forOperation('getOrder').map((entry) => entry.headers.get('x-amz-access-token'));
    // Two reads and the check's probe, all with the one cached token; LWA was asked twice (first token, the check).
    expect(new Set(tokens).size).toBe(1);
    expect(rig.sandbox.kit.log.count({ operation: 'lwaToken' })).toBe(2);
  });

  it('confirmOrders and getPayments are unsupported, as capabilities say', async () => {
    rig = createRig([], NOW);
    expect(rig.connector.capabilities.confirmOrders).toBeNull();
    const confirm = await failure(rig.connector.confirmOrders(['x']));
    expect(UnsupportedOperationError.isInstance(confirm)).toBe(true);
    expect((confirm as UnsupportedOperationError).hint?.en).toContain('exportShipments');
    const payments = await failure(collect(rig.connector.getPayments({ orderIds: ['x'] })));
    expect(UnsupportedOperationError.isInstance(payments)).toBe(true);
    expect((payments as UnsupportedOperationError).hint?.en).toContain('Finances API');
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });
});

import { UnsupportedOperationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, createRig, failure, NOW, type TestRig } from './helpers.js';

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
    expect(report.credentials.find((c) => c.name === 'ordersApiV0')).toMatchObject({ expiresAt: '2027-03-27T00:00:00+09:00', state: 'valid' });
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

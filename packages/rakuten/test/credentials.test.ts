import { afterEach, describe, expect, it } from 'vitest';
import { NOW, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

const DAY = 86_400_000;

describe('checkCredentials', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('reports the licenseKey days left from the License Management API and the serviceSecret as not expiring', async () => {
    rig = startRig(seeds(1));
    rig.sandbox.setLicenseExpiry(new Date('2027-02-19T23:59:59+09:00'));
    const report = await rig.connector.checkCredentials();
    expect(report.ok).toBe(true);
    const [licenseKey, serviceSecret] = report.credentials;
    expect(licenseKey).toMatchObject({ name: 'licenseKey', state: 'valid', expiresAt: '2027-02-19T23:59:59+09:00', daysLeft: 89, source: 'api', renew: null });
    expect(serviceSecret).toMatchObject({ name: 'serviceSecret', state: 'valid', expiresAt: null, source: 'never_expires' });
  });

  it('within 14 days (or the configured days) the key is expiring, with the renewal hint', async () => {
    rig = startRig(seeds(1));
    rig.sandbox.setLicenseExpiry(new Date(Date.parse(NOW) + 10 * DAY + 3_600_000));
    const report = await rig.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ state: 'expiring', daysLeft: 10 });
    expect(report.credentials[0]?.renew?.ja).toContain('ライセンスキーの確認・変更');
    rig.close();
    rig = startRig(seeds(1), NOW, { expiryWarningDays: 7 });
    rig.sandbox.setLicenseExpiry(new Date(Date.parse(NOW) + 10 * DAY));
    expect((await rig.connector.checkCredentials()).credentials[0]?.state).toBe('valid');
  });

  it('the expiry date passes on the sandbox clock: every call then answers 401, and the report says so', async () => {
    rig = startRig(seeds(1));
    rig.sandbox.setLicenseExpiry(new Date(Date.parse(NOW) + 2 * DAY));
    rig.sandbox.clock.advance(3 * DAY);
    const report = await rig.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ name: 'licenseKey', state: 'invalid' });
    expect(report.credentials[0]?.renew).not.toBeNull();
    expect(rig.sandbox.kit.log.last('getLicenseExpiryDate')?.status).toBe(401);
  });
});

import { CredentialError, silentLogger, systemClock, type HttpRequest, type StoredToken, type TokenStore } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeySource } from '../src/auth.js';
import { createQoo10Connector } from '../src/connector.js';
import { FAST_RETRY, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

const expired = (): CredentialError => new CredentialError('expired', { mall: 'qoo10', mallCode: '-90004', credential: 'certificationKey', reason: 'expired' });
const search = (): HttpRequest => ({ operation: 'GetShippingInfo_v3', method: 'POST', path: 'ShippingBasic.GetShippingInfo_v3' });

describe('the Seller Authorization Key', () => {
  it('a connector that can mint renews an expired key once and goes on', async () => {
    const t = setUp({ minting: true });
    close = t.close;
    await t.connector.getOrders([t.seeds[0]!.id]);
    t.sandbox.expireCredential();
    const [order] = await t.connector.getOrders([t.seeds[1]!.id]);
    expect(order!.id).toBe(t.seeds[1]!.id);
    expect(t.sandbox.kit.log.count({ operation: 'CreateCertificationKey' })).toBe(2);
  });

  // Review L1: a request refused after another one had already minted a fresh key minted again.
  it('requests refused with the same old key mint once; a key minted meanwhile is not replaced', async () => {
    let minted = 0;
    const keys = createKeySource({
      minting: { apiKey: 'api-key-123', userId: 'shop', password: 'secret-pw' },
      mint: async () => `KEY-${(minted += 1)}`,
      remember: () => undefined,
      clock: systemClock,
      cacheKey: 'qoo10:test',
    });
    const [first, second] = [search(), search()];
    expect(await keys.authorize(first)).toEqual({ GiosisCertificationKey: 'KEY-1' });
    expect(await keys.authorize(second)).toEqual({ GiosisCertificationKey: 'KEY-1' });
    expect(await keys.onCredentialRejected(expired(), first)).toBe(true);
    expect(await keys.onCredentialRejected(expired(), second)).toBe(true);
    expect(minted).toBe(2);
    expect(await keys.authorize(search())).toEqual({ GiosisCertificationKey: 'KEY-2' });
  });

  // Review L1: no TokenStore, so every process minted its own key.
  it('connectors of one shop sharing a tokenStore mint one key between them, and renew it once', async () => {
    const t = setUp({ minting: true });
    close = t.close;
    const tokens = new Map<string, StoredToken>();
    const tokenStore: TokenStore = { get: (key) => tokens.get(key), set: (key, token) => void tokens.set(key, token) };
    const [a, b] = [0, 1].map(() => createQoo10Connector({ ...t.sandbox.mintingOptions(), clock: t.clock, logger: silentLogger, retry: FAST_RETRY, tokenStore }));
    await a!.getOrders([t.seeds[0]!.id]);
    await b!.getOrders([t.seeds[0]!.id]);
    expect(t.sandbox.kit.log.count({ operation: 'CreateCertificationKey' })).toBe(1);
    t.sandbox.expireCredential();
    await a!.getOrders([t.seeds[0]!.id]);
    await b!.getOrders([t.seeds[0]!.id]);
    expect(t.sandbox.kit.log.count({ operation: 'CreateCertificationKey' })).toBe(2);
  });

  it('a QSM password change voids the keys; minting with the old password fails naming the password', async () => {
    const t = setUp({ minting: true });
    close = t.close;
    await t.connector.getOrders([t.seeds[0]!.id]);
    t.sandbox.changePassword('new-Password-2026');
    const error = await t.connector.getOrders([t.seeds[0]!.id]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect((error as CredentialError).credential).toBe('password');
    const report = await t.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]!.state).toBe('invalid');
    expect(report.credentials[0]!.notes.map((note) => note.ja).join(' ')).toMatch(/パスワード/);
  });

  it('checkCredentials counts the key’s 365 days from issuedAt, says Qoo10 sends no notice, and probes live', async () => {
    const t = setUp();
    close = t.close;
    const report = await t.connector.checkCredentials();
    const [key] = report.credentials;
    // Issued 30 days before the test's clock: 335 whole days, or 334 once a millisecond has passed.
    expect(key).toMatchObject({ name: 'certificationKey', state: 'valid', source: 'tracked' });
    expect([334, 335]).toContain(key!.daysLeft);
    expect(Date.parse(key!.expiresAt!)).toBe(Date.parse(t.sandbox.connectorOptions().certificationKeyIssuedAt) + 365 * 86_400_000);
    expect(key!.notes[0]!.ja).toMatch(/通知しません/);
    expect(t.sandbox.kit.log.count({ operation: 'GetShippingInfo_v3' })).toBe(1);
  });

  it('checkCredentials reports an expired key as expired, and an outage as a note instead of throwing', async () => {
    const t = setUp();
    close = t.close;
    t.sandbox.kit.faults.inject({ kind: 'reset' }, { times: 10 });
    const outage = await t.connector.checkCredentials();
    expect(outage.credentials[0]!.state).toBe('valid');
    expect(outage.credentials[0]!.notes.length).toBeGreaterThan(1);
    t.sandbox.kit.reset();
    t.sandbox.expireCredential();
    const report = await t.connector.checkCredentials();
    expect(report.credentials[0]!.state).toBe('expired');
  });

  it('an unknown method gets plain text, not JSON', async () => {
    const t = setUp();
    close = t.close;
    const service = await fetch('https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi/NoSuchClass.Method', { method: 'POST' });
    expect(await service.text()).toBe("Can't find service Name NoSuchClass");
    const method = await fetch('https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi/ShippingBasic.NoSuchMethod', { method: 'POST' });
    expect(method.status).toBe(200);
    expect(await method.text()).toBe("Can't find method Info NoSuchMethod");
  });
});

import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS, createAupayConnector, type AupayConnectorOptions } from '../src/index.js';
import { SANDBOX_API_KEY } from '../src/testing/index.js';
import { openShop, type TestShop } from './harness.js';

/** The 90-day key: options checked before any request, days left, and a live probe through an order API. */

let shop: TestShop | null = null;
afterEach(() => {
  shop?.close();
  shop = null;
});

const base: AupayConnectorOptions = { shopId: '52800017', apiKey: SANDBOX_API_KEY };

function refusal(options: Partial<AupayConnectorOptions>): ValidationError {
  try {
    createAupayConnector({ ...base, ...options });
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('options are checked before anything is sent', () => {
  it.each([
    ['a key with a space after it', { apiKey: `${SANDBOX_API_KEY} ` }, 'apiKey', /spaces or line breaks around it/],
    ['a key with a line break before it', { apiKey: `\n${SANDBOX_API_KEY}` }, 'apiKey', /spaces or line breaks around it/],
    ['a key with a space inside', { apiKey: 'abcd efgh' }, 'apiKey', /contains a space/],
    ['an empty key', { apiKey: '' }, 'apiKey', /must not be empty/],
    ['a shop ID that is not digits', { shopId: 'my-shop' }, 'shopId', /digits/],
    ['a shop ID with a space after it', { shopId: '52800017 ' }, 'shopId', /spaces/],
    ['an expiry date that does not exist', { keyExpiresAt: '2026/02/30' }, 'keyExpiresAt', /must be a date/],
    ['a page size over 1000', { pageSize: 5000 }, 'pageSize', /1000/],
    ['an unknown ship-date shape', { shippingDateFormat: 'DD/MM/YYYY' as never }, 'shippingDateFormat', /./],
  ])('%s', (_what, options, field, message) => {
    const error = refusal(options);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(SANDBOX_API_KEY);
  });
});

describe('checkCredentials', () => {
  it('counts 90 days from keyIssuedAt and probes the key live', async () => {
    shop = openShop();
    const report = await shop.connector.checkCredentials();
    expect(report).toMatchObject({ mall: 'aupay', shopId: '52800017', ok: true, checkedAt: '2026-11-22T10:00:00+09:00' });
    expect(report.credentials).toEqual([
      { name: 'apiKey', label: { ja: 'APIキー', en: 'API key' }, state: 'valid', expiresAt: '2027-01-21T12:00:00+09:00', daysLeft: 60, source: 'tracked', renew: null, notes: [] },
    ]);
  });

  it('reads keyExpiresAt as Wow!manager shows it, through the end of that day, and warns 14 days ahead', async () => {
    shop = openShop();
    const report = await shop.connect({ keyIssuedAt: undefined, keyExpiresAt: '2026/12/01' }).checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ state: 'expiring', expiresAt: '2026-12-01T23:59:59+09:00', daysLeft: 9, renew: AUPAY_HINTS.keyExpired });
  });

  it('says the expiry is unknown when neither date was given, and how to give it', async () => {
    shop = openShop();
    const report = await shop.connect({ keyIssuedAt: undefined }).checkCredentials();
    expect(report.ok).toBe(true);
    expect(report.credentials[0]).toMatchObject({ state: 'unknown', expiresAt: null, source: 'none' });
    expect(report.credentials[0]?.notes[0]?.en).toContain('keyExpiresAt');
  });

  it('reports a key the order API refuses as invalid, even with days left (IP not registered, no order API group)', async () => {
    shop = openShop();
    shop.sandbox.revokeApiGroup('order');
    const report = await shop.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ state: 'invalid', daysLeft: 60, renew: AUPAY_HINTS.keyExpired });
    expect(report.credentials[0]?.notes).toEqual([AUPAY_HINTS.credentialsRefused]);
  });

  it('reports a key refused after its expiry date as expired', async () => {
    shop = openShop();
    shop.sandbox.expireCredential();
    const report = await shop.connect({ keyIssuedAt: undefined, keyExpiresAt: '2026-11-21T00:00:00+09:00' }).checkCredentials();
    expect(report.credentials[0]).toMatchObject({ state: 'expired', daysLeft: -2 });
  });

  it('reports a wrong shop ID (CME0022) on its own line', async () => {
    shop = openShop();
    const report = await shop.connect({ shopId: '12345678' }).checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials.map((c) => [c.name, c.state])).toEqual([['apiKey', 'valid'], ['shopId', 'invalid']]);
    expect(report.credentials[1]?.renew).toEqual(AUPAY_HINTS.wrongShopId);
  });
});

import { ValidationError } from '@mallkit/core';
import { createSandboxClock } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS } from '../src/errors.js';
import { createAupayConnector, type AupayConnectorOptions } from '../src/index.js';
import { SANDBOX_API_KEY } from '../src/testing/index.js';
import { NOW, openShop, type TestShop } from './harness.js';

/** The 90-day key: options checked before any request, days left, and a live probe through an order API. */

let shop: TestShop | null = null;
afterEach(() => {
  shop?.close();
  shop = null;
});

const base: AupayConnectorOptions = { shopId: '52800017', apiKey: SANDBOX_API_KEY };

function failureOf(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  return null;
}

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
    // Review L2: each of these was accepted before.
    ['キャンセル as the shipped status', { shippedStatus: 'キャンセル' }, 'shippedStatus', /完了, 発送後入金待ち/],
    ['新規受付 as the COD shipped status', { shippedStatusPaidAfterDelivery: '新規受付' }, 'shippedStatusPaidAfterDelivery', /完了, 発送後入金待ち/],
    ['a shop status not mapped to shipped as the shipped status', { shippedStatus: '要確認', customStatuses: { 要確認: 'pending_confirmation' as const } }, 'shippedStatus', /customStatuses/],
    ['au PAY\'s 完了 redefined', { customStatuses: { 完了: 'pending_confirmation' as const } }, 'customStatuses.完了', /au PAY's own statuses/],
    ['an http base URL (the key would travel in clear)', { baseUrl: 'http://api.manager.wowma.jp/wmshopapi/' }, 'baseUrl', /https/],
    ['an ftp base URL', { baseUrl: 'ftp://api.manager.wowma.jp/wmshopapi/' }, 'baseUrl', /https/],
    ['a key issue date in the future', { clock: createSandboxClock(NOW), keyIssuedAt: '2027/05/01' }, 'keyIssuedAt', /in the future/],
  ])('%s', (_what, options, field, message) => {
    const error = refusal(options);
    expect(error.field).toBe(`options.${field}`);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(SANDBOX_API_KEY);
  });
});

describe('a sandbox served on this machine', () => {
  it.each(['http://127.0.0.1:8080/wmshopapi/', 'http://localhost:8080/wmshopapi/', 'http://[::1]:8080/wmshopapi/'])('is reachable over plain http at %s (the key never leaves the machine)', (baseUrl) => {
    expect(() => createAupayConnector({ ...base, baseUrl })).not.toThrow();
  });
});

describe('mapper overrides are checked', () => {
  it('refuses a carrier override that is not a carrier code, as it does a payment-method one (review L2)', () => {
    expect(ValidationError.isInstance(failureOf(() => createAupayConnector({ ...base, mappers: { carrier: { '1': 'pony_express' as never } } })))).toBe(true);
    expect(ValidationError.isInstance(failureOf(() => createAupayConnector({ ...base, mappers: { paymentMethod: { X: 'bitcoin' as never } } })))).toBe(true);
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

  it('reports a key the order API refuses as invalid, even with days left, with the checks of 0002 to make — not "expired" (review L1)', async () => {
    shop = openShop();
    shop.sandbox.revokeApiGroup('order');
    const report = await shop.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ state: 'invalid', daysLeft: 60, renew: AUPAY_HINTS.credentialsRefused, notes: [] });
  });

  it('reports a key au PAY accepts as valid even past the date given, and says the date looks wrong (review L1)', async () => {
    shop = openShop();
    const report = await shop.connect({ keyIssuedAt: undefined, keyExpiresAt: '2026/11/01' }).checkCredentials();
    expect(report.ok).toBe(true);
    expect(report.credentials[0]).toMatchObject({ state: 'valid', daysLeft: -21, renew: null });
    expect(report.credentials[0]?.notes[0]?.en).toContain('the date looks wrong');
  });

  it('reports the dates and why the probe could not tell when au PAY is under maintenance, instead of throwing', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'maintenance' }, { times: 10 });
    const report = await shop.connector.checkCredentials({ retries: 0 });
    expect(report.credentials[0]).toMatchObject({ state: 'valid', daysLeft: 60, notes: [AUPAY_HINTS.maintenance] });
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

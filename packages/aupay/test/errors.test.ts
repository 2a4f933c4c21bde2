import { CredentialError, InvalidRequestError, MaintenanceError, MallUnavailableError, ResponseFormatError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS } from '../src/errors.js';
import { anyOrder, collect, failure, fieldOf, openShop, setFields, type TestShop } from './harness.js';

/** Every row of au PAY's error table, with its class and what the shop is told. */

let shop: TestShop;
afterEach(() => shop.close());

const errorBody = (result: string): string => `<?xml version="1.0" encoding="UTF-8"?><response>${result}</response>`;

describe('0002 認証に失敗しました (HTTP 401): one answer for three causes', () => {
  it('a wrong key: CredentialError on apiKey, not retried, the hint lists the checks in order', async () => {
    shop = openShop();
    const error = await failure(shop.connect({ apiKey: 'b'.repeat(64) }).getOrders([anyOrder(shop)]));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'credential_invalid', credential: 'apiKey', mallCode: '0002', httpStatus: 401, hint: AUPAY_HINTS.credentialsRefused });
    expect(shop.sandbox.kit.log.count()).toBe(1);
    const { ja, en } = AUPAY_HINTS.credentialsRefused;
    expect(ja.indexOf('有効期限')).toBeLessThan(ja.indexOf('接続元IPアドレス'));
    expect(ja.indexOf('接続元IPアドレス')).toBeLessThan(ja.indexOf('受注・決済'));
    expect(en.indexOf('expired')).toBeLessThan(en.indexOf('IP address'));
    expect(en.indexOf('IP address')).toBeLessThan(en.indexOf('order) API group'));
  });

  it('a caller IP that is not registered: the same CredentialError', async () => {
    shop = openShop();
    shop.sandbox.access.callerAddress = '198.51.100.7';
    const error = await failure(shop.connector.getOrders([anyOrder(shop)]));
    expect(error).toMatchObject({ code: 'credential_invalid', credential: 'apiKey', mallCode: '0002' });
  });

  it('a key without the order API group: the same CredentialError', async () => {
    shop = openShop();
    shop.sandbox.revokeApiGroup('order');
    const error = await failure(shop.connector.getOrders([anyOrder(shop)]));
    expect(error).toMatchObject({ code: 'credential_invalid', credential: 'apiKey', mallCode: '0002' });
  });

  it('past the expiry date the shop gave: credential_expired, with the renewal steps', async () => {
    shop = openShop();
    shop.sandbox.expireCredential();
    const error = await failure(shop.connect({ keyIssuedAt: undefined, keyExpiresAt: '2026/11/20' }).getOrders([anyOrder(shop)]));
    expect(error).toMatchObject({ code: 'credential_expired', credential: 'apiKey', hint: AUPAY_HINTS.keyExpired });
    expect((error as Error).message).toContain('expired on 2026-11-20T23:59:59+09:00');
  });
});

describe('other refusals', () => {
  it('CME0022: the shop ID is wrong', async () => {
    shop = openShop();
    const error = await failure(shop.connect({ shopId: '99999999' }).getOrders([anyOrder(shop)]));
    expect(error).toMatchObject({ code: 'credential_invalid', credential: 'shopId', mallCode: 'CME0022', hint: AUPAY_HINTS.wrongShopId });
  });

  it('[orderId]必須入力項目です: InvalidRequestError naming the field', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: errorBody('<result><status>1</status><error><message>[orderId]必須入力項目です</message></error></result>') });
    const error = await failure(collect(shop.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' })));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'orderId', mallCode: null, hint: AUPAY_HINTS.refused });
    expect(shop.sandbox.kit.log.count()).toBe(1);
  });

  it('an unknown code, with the message under <result>: InvalidRequestError keeping both', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: errorBody('<result><status>1</status><message>システムエラー</message><error><code>E9999</code></error></result>') });
    const error = await failure(collect(shop.connector.listOrders({ from: '2026-11-01T00:00:00+09:00' })));
    expect(error).toMatchObject({ code: 'invalid_request', mallCode: 'E9999' });
    expect((error as Error).message).toContain('E9999 システムエラー');
  });
});

describe('answers that are not au PAY XML are transient', () => {
  it('an HTML 502 page is retried', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'server_error', status: 502 });
    const orders = await shop.connector.getOrders([anyOrder(shop)]);
    expect(orders).toHaveLength(1);
    shop.sandbox.kit.faults.inject({ kind: 'server_error', status: 502 });
    expect(MallUnavailableError.isInstance(await failure(shop.connector.getOrders([anyOrder(shop)], { retries: 0 })))).toBe(true);
  });

  it('text under load (HTTP 200) is retried for reads', async () => {
    shop = openShop();
    shop.sandbox.overload({ times: 2 });
    expect(await shop.connector.getOrders([anyOrder(shop)])).toHaveLength(1);
    expect(shop.sandbox.kit.log.count()).toBe(3);
    shop.sandbox.overload();
    const error = await failure(shop.connector.getOrders([anyOrder(shop)], { retries: 0 }));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, hint: AUPAY_HINTS.notXml, excerpt: 'Service busy. Please try again later.' });
  });

  it('text under load on a write is never re-sent: the order is read back', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: 'クレジットカード決済' });
    shop.sandbox.overload({ operation: 'updateTradeStsProc' });
    const result = await shop.connector.confirmOrders([id]);
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeStsProc' })).toBe(1);
    expect(shop.sandbox.kit.log.entries.map((e) => e.operation)).toEqual(['searchTradeInfoProc', 'updateTradeStsProc', 'searchTradeInfoProc']);
    expect(result.results[0]).toMatchObject({ id, ok: false });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('新規受付');
  });

  it('a maintenance page is a MaintenanceError', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'maintenance' });
    const error = await failure(shop.connector.getOrders([anyOrder(shop)], { retries: 0 }));
    expect(MaintenanceError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ hint: AUPAY_HINTS.maintenance });
  });
});

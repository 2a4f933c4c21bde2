import { CredentialError, MaintenanceError, PermissionError, RateLimitError, type HttpRequest, type HttpResponse, createHttpResponse } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyRakutenResponse, fieldOfMessage } from '../src/errors.js';
import { rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

function answer(status: number, body: unknown, operation = 'getOrder'): [HttpResponse, HttpRequest] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return [
    createHttpResponse({ mall: 'rakuten', operation, status, headers: new Headers(), url: 'https://x/', text, redact: (t) => t }),
    { operation, method: 'POST', path: 'x' },
  ];
}

describe('the error table', () => {
  it('reads both gateway shapes', () => {
    expect(RateLimitError.isInstance(classifyRakutenResponse(...answer(403, { errors: [{ code: 'GA0003', message: 'Forbidden- Exceeded QPS Limitation' }] })))).toBe(true);
    expect(RateLimitError.isInstance(classifyRakutenResponse(...answer(429, { errors: [{ code: 'GA0003', message: 'Exceeded QPS Limitation' }] })))).toBe(true);
    const unauthorised = classifyRakutenResponse(...answer(401, { errors: [{ code: 'GA0001', message: 'Un-Authorised' }] }));
    expect(CredentialError.isInstance(unauthorised) && unauthorised.credential).toBe('licenseKey');
    const legacy = classifyRakutenResponse(...answer(401, { Results: { errorCode: 'ES01-01', message: 'Un-Authorised' } }));
    expect(CredentialError.isInstance(legacy) && legacy.mallCode).toBe('ES01-01');
    const permission = classifyRakutenResponse(...answer(400, { Results: { errorCode: 'ES04-01', message: 'Bad Request' } }));
    expect(PermissionError.isInstance(permission)).toBe(true);
    expect(permission?.hint?.ja).toContain('利用機能編集');
    expect(MaintenanceError.isInstance(classifyRakutenResponse(...answer(503, 'API In Maintenance')))).toBe(true);
    // A maintenance page behind another status is still maintenance (core's isMaintenanceAnswer).
    expect(MaintenanceError.isInstance(classifyRakutenResponse(...answer(500, 'API In Maintenance')))).toBe(true);
    expect(classifyRakutenResponse(...answer(200, { MessageModelList: [] }))).toBeNull();
    // Per-order refusals inside a confirmOrder answer are the operation's to report.
    expect(classifyRakutenResponse(...answer(200, { MessageModelList: [{ messageType: 'ERROR', messageCode: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_102', message: 'x', orderNumber: '1-2-3' }] }, 'confirmOrder'))).toBeNull();
  });

  it('names the field of a validation message', () => {
    expect(fieldOfMessage('startDatetimeの書式が不正です。')).toBe('startDatetime');
    expect(fieldOfMessage('dateTypeの項目を指定して下さい。')).toBe('dateType');
    expect(fieldOfMessage('注文確認に成功しました。')).toBeNull();
  });
});

describe('errors against the sandbox', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('GA0003 with 403 or 429 is retried; 503 is retried', async () => {
    const data = seeds(3);
    rig = startRig(data);
    const qps = (status: number) => ({ kind: 'status' as const, status, body: JSON.stringify({ errors: [{ code: 'GA0003', message: 'Forbidden- Exceeded QPS Limitation' }] }), headers: { 'content-type': 'application/json' } });
    rig.sandbox.kit.faults.inject(qps(403));
    rig.sandbox.kit.faults.inject(qps(429));
    rig.sandbox.kit.faults.inject({ kind: 'maintenance' });
    const orders = await rig.connector.getOrders([data[0]!.id]);
    expect(orders[0]?.id).toBe(data[0]!.id);
    expect(rig.sandbox.kit.log.forOperation('getOrder').map((e) => e.status)).toEqual([403, 429, 503, 200]);
  });

  it('writes are retried after GA0003 too (Rakuten did not process them)', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const id = rig.sandbox.orders().find((o) => o.orderProgress === 100 && o.postagePrice !== -9999)!.orderNumber;
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 403, body: JSON.stringify({ errors: [{ code: 'GA0003', message: 'Forbidden- Exceeded QPS Limitation' }] }) }, { operation: 'confirmOrder' });
    const result = await rig.connector.confirmOrders([id]);
    expect(result.succeeded).toBe(1);
    expect(rig.sandbox.kit.log.forOperation('confirmOrder').map((e) => e.status)).toEqual([403, 200]);
  });

  it('ES04-01 is a PermissionError telling where to enable the function; not retried', async () => {
    rig = startRig(seeds(3));
    rig.sandbox.disableFunction('getOrder');
    const error = await rejection(rig.connector.getOrders(['398765-20261120-1000000000']));
    expect(PermissionError.isInstance(error)).toBe(true);
    expect((error as PermissionError).mallCode).toBe('ES04-01');
    expect((error as PermissionError).hint?.ja).toContain('利用機能編集');
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
  });

  it('401 names licenseKey, tells how to renew it, is not retried; a re-issued key kills the old one at once', async () => {
    rig = startRig(seeds(3));
    rig.sandbox.renewLicenseKey('SL_new_license_key_after_renewal');
    const error = await rejection(rig.connector.getOrders(['398765-20261120-1000000000']));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect((error as CredentialError).credential).toBe('licenseKey');
    expect((error as CredentialError).mallCode).toBe('GA0001');
    expect((error as CredentialError).hint?.ja).toContain('新しいライセンスキーを発行');
    expect((error as CredentialError).hint?.ja).toContain('古いキーは使えなくなる');
    expect(rig.sandbox.kit.log.count()).toBe(1);
  });
});

import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  MallUnavailableError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  type MallkitError,
} from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldRenamer } from '../src/api/field-names.js';
import { DEFAULT_WIRE_PROFILE } from '../src/api/wire-profile.js';
import { readErrorBody, RENEW_MANAGER_KEY, SHOPSERVE_HINTS } from '../src/errors.js';
import { rejection, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

const json = { 'content-type': 'application/json' };

/** The error a read gets for one answer of the mall, without retries. */
async function readError(status: number, body: string, headers: Record<string, string> = json): Promise<MallkitError> {
  rig = startRig({ seedCount: 1 });
  rig.sandbox.kit.faults.inject({ kind: 'status', status, body, headers }, { operation: 'searchOrders' });
  return (await rejection(rig.connector.getOrders([rig.seeds[0]!.id], { retries: 0 }))) as MallkitError;
}

describe("Shopserve's error table", () => {
  it.each([
    [401, '{"message":"認証に失敗しました"}', CredentialError, RENEW_MANAGER_KEY],
    [403, '{"message":"APIの利用権限がありません"}', PermissionError, SHOPSERVE_HINTS.permission],
    [404, '{"message":"Not Found"}', InvalidRequestError, SHOPSERVE_HINTS.searchPath],
    [429, '{"message":"Too Many Requests"}', RateLimitError, SHOPSERVE_HINTS.rateLimit],
    [503, '{"message":"メンテナンス期間中のためAPIは使用できません。"}', MaintenanceError, SHOPSERVE_HINTS.maintenance],
    [500, '{"message":"Internal Server Error"}', MallUnavailableError, SHOPSERVE_HINTS.unavailable],
    [400, '{"message":"since の形式が正しくありません"}', InvalidRequestError, SHOPSERVE_HINTS.invalidRequest],
  ] as const)('HTTP %i on a search → %s with its hint', async (status, body, type, hint) => {
    const error = await readError(status, body);
    expect(type.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ mall: 'shopserve', operation: 'searchOrders', httpStatus: status, hint });
    expect(error.message).toContain(JSON.parse(body).message);
  });

  it('names the manager key as the refused credential', async () => {
    const error = await readError(401, '{"message":"Unauthorized"}');
    expect(error).toMatchObject({ credential: 'managerKey', code: 'credential_invalid', retryable: false });
  });

  // Core's reading of a maintenance answer (isMaintenanceAnswer): any 503, or a body that says so.
  it('a 503 HTML page is taken for maintenance; a 502 page is the mall being unavailable', async () => {
    const maintenance = await readError(503, '<html><body><h1>503 Service Unavailable</h1></body></html>', { 'content-type': 'text/html' });
    expect(MaintenanceError.isInstance(maintenance)).toBe(true);
    rig.close();
    const unavailable = await readError(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' });
    expect(MallUnavailableError.isInstance(unavailable)).toBe(true);
    expect(unavailable.message).toContain('502 Bad Gateway');
    rig.close();
    const spelled = await readError(500, '{"message":"定期メインテナンス中です"}');
    expect(MaintenanceError.isInstance(spelled)).toBe(true);
  });

  it('maps the status update answers per order: 409 and キャンセル are the order state, 400 invalid', async () => {
    rig = startRig({ seedCount: 30 });
    const ids = rig.seeds.filter((s) => s.status === 'pending_confirmation').map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const answers = [
      [409, '{"message":"キャンセルされた注文は更新できません"}'],
      [400, '{"message":"キャンセル済みのため変更できません"}'],
      [400, '{"message":"confirmation_status の値が正しくありません"}'],
    ] as const;
    for (const [status, body] of answers) rig.sandbox.kit.faults.inject({ kind: 'status', status, body, headers: json }, { operation: 'updateOrderStatus' });
    const result = await rig.connector.confirmOrders(ids.slice(0, 3));
    const errors = result.results.map((r) => (r.ok ? null : r.error));
    expect(OrderStateError.isInstance(errors[0])).toBe(true);
    expect(OrderStateError.isInstance(errors[1])).toBe(true);
    expect(InvalidRequestError.isInstance(errors[2])).toBe(true);
    expect(errors[2]?.message).toContain('confirmation_status の値が正しくありません');
  });

  it('a 404 on the update of an order read a moment before means a wrong path: the row fails with that hint and the batch stops', async () => {
    rig = startRig({ seedCount: 30 });
    const [a, b] = rig.seeds.filter((s) => s.status === 'pending_confirmation').map((s) => s.id);
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 404, body: '{"message":"Not Found"}', headers: json }, { operation: 'updateOrderStatus' });
    const error = (await rejection(rig.connector.confirmOrders([a!, b!]))) as MallkitError;
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.hint).toEqual(SHOPSERVE_HINTS.updatePath);
    expect(error.batch).toEqual({ results: [expect.objectContaining({ id: a, ok: false })], notSent: [b] });
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderStatus' })).toBe(1);
  });

  it('a maintenance answer outside the window is retried like any transient failure', async () => {
    rig = startRig({ seedCount: 1 });
    rig.sandbox.kit.faults.inject({ kind: 'maintenance' });
    const [order] = await rig.connector.getOrders([rig.seeds[0]!.id]);
    expect(order?.id).toBe(rig.seeds[0]!.id);
    expect(rig.sandbox.kit.log.count({ operation: 'searchOrders' })).toBe(2);
  });

  it('honours the throttle and recovers from a 429 by waiting', async () => {
    rig = startRig({ seedCount: 1 });
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 429, body: '{"message":"Too Many Requests"}', headers: json });
    await rig.connector.getOrders([rig.seeds[0]!.id]);
    expect(rig.sandbox.kit.log.entries.map((e) => e.status)).toEqual([429, 200]);
  });
});

describe('reading error bodies of unknown shape', () => {
  const renamer = createFieldRenamer(DEFAULT_WIRE_PROFILE.fieldNames);
  it.each([
    ['{"code":"E0401","message":"認証エラー"}', { code: 'E0401', message: '認証エラー' }],
    ['{"error":{"code":"E01","message":"不正なパラメータ"}}', { code: 'E01', message: '不正なパラメータ' }],
    ['{"errors":[{"code":"E02","message":"since は必須です"}]}', { code: 'E02', message: 'since は必須です' }],
    ['{"error":"invalid_request","error_description":"..."}', { code: null, message: 'invalid_request' }],
    ['ShopServe APIエラー', { code: null, message: 'ShopServe APIエラー' }],
    ['<html><title>502</title><body>Bad Gateway</body></html>', { code: null, message: '502 Bad Gateway' }],
  ])('%s', (body, expected) => {
    expect(readErrorBody(body, renamer)).toEqual(expected);
  });

  it('keeps the mall code on the error', async () => {
    const error = await readError(400, '{"errors":[{"code":"E02","message":"since は必須です"}]}');
    expect(error.mallCode).toBe('E02');
  });
});

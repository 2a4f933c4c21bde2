import { IncompleteResultError, MallUnavailableError, ResponseFormatError, type UnreadableOrderError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS } from '../src/errors.js';
import { anyOrder, failure, fieldOf, openShop, setFields, type TestShop } from './harness.js';

/** au PAY's answers for one order among many, 5xx with au PAY's envelope, and excerpts without the key. */

let shop: TestShop;
afterEach(() => shop.close());

const envelope = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><response><result><status>1</status><error><code>${code}</code><message>${message}</message></error></result></response>`;

describe('au PAY refusing one order of getOrders loses only that order (review M3)', () => {
  it('delivers the others and hands the refused one to onOrderError, in au PAY\'s words', async () => {
    shop = openShop();
    const [a, b, c] = [anyOrder(shop, 0), anyOrder(shop, 1), anyOrder(shop, 2)];
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: envelope('E0100', '受注を取得できません') }, { operation: 'searchTradeInfoProc', times: 1 });
    const refused: UnreadableOrderError[] = [];
    const orders = await shop.connector.getOrders([a, b, c], { onOrderError: (error) => refused.push(error) });
    expect(orders.map((o) => o.id)).toEqual([b, c]);
    expect(refused.map((e) => e.orderId)).toEqual([a]);
    expect(refused[0]?.message).toContain('E0100');
  });

  it('without onOrderError, ends in IncompleteResultError holding the others', async () => {
    shop = openShop();
    const [a, b] = [anyOrder(shop, 0), anyOrder(shop, 1)];
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: envelope('E0100', '受注を取得できません') }, { operation: 'searchTradeInfoProc', times: 1 });
    const error = await failure(shop.connector.getOrders([a, b]));
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    expect((error as IncompleteResultError).orders.map((o) => o.id)).toEqual([b]);
  });
});

describe("an HTTP 5xx carrying au PAY's XML error is the mall failing, not a refusal (review M4)", () => {
  it('is retried for reads, and ends as a retryable MallUnavailableError keeping au PAY\'s code', async () => {
    shop = openShop();
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 500, body: envelope('9999', 'システムエラーが発生しました') }, { times: 1 });
    expect(await shop.connector.getOrders([anyOrder(shop)])).toHaveLength(1);
    expect(shop.sandbox.kit.log.count()).toBe(2);
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 503, body: envelope('E503', '只今混み合っております') });
    const error = await failure(shop.connector.getOrders([anyOrder(shop)], { retries: 0 }));
    expect(MallUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ mallCode: 'E503', httpStatus: 503, retryable: true, hint: AUPAY_HINTS.mallFailed });
  });

  it('on a write, is an unknown outcome: never re-sent, the order is read back', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: 'クレジットカード決済' });
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 500, body: envelope('9999', 'システムエラーが発生しました') }, { operation: 'updateTradeStsProc' });
    const result = await shop.connector.confirmOrders([id]);
    expect(shop.sandbox.kit.log.entries.map((e) => e.operation)).toEqual(['searchTradeInfoProc', 'updateTradeStsProc', 'searchTradeInfoProc']);
    expect(result.results[0]).toMatchObject({ ok: false, error: { code: 'mall_unavailable' } });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('新規受付');
  });
});

describe('excerpts go through the connector\'s redactor (review L3)', () => {
  it('masks a key of any shape and length that au PAY echoes in a non-XML answer', async () => {
    shop = openShop();
    // Shorter than what core shares process-wide (8) and of no token shape: only the connector's own redactor knows it.
    const key = 'k.Y-7_q';
    shop.sandbox.access.apiKey = key;
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: `busy; request was: ${key}`, headers: { 'content-type': 'text/plain' } });
    const error = await failure(shop.connect({ apiKey: key }).getOrders([anyOrder(shop)], { retries: 0 }));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as ResponseFormatError).excerpt).toBe('busy; request was: [REDACTED]');
  });
});

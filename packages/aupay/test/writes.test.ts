import { OrderStateError, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS } from '../src/errors.js';
import { anyOrder, failure, fieldOf, openShop, setFields, type TestShop } from './harness.js';

/** confirmOrders and exportShipments: per-order results, au PAY's status rules, idempotency. */

let shop: TestShop;
afterEach(() => shop.close());

const operations = (): string[] => shop.sandbox.kit.log.entries.map((e) => e.operation);
const CARD = 'クレジットカード決済';

describe('confirmOrders: 新規受付 → 発送待ち, the step OMSs take', () => {
  it('confirms a card order, and reports it alreadyDone the second time without writing', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: CARD });
    expect((await shop.connector.confirmOrders([id])).results[0]).toEqual({ id, ok: true, alreadyDone: false, warnings: [] });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送待ち');
    shop.sandbox.kit.log.clear();
    expect((await shop.connector.confirmOrders([id])).results[0]).toEqual({ id, ok: true, alreadyDone: true, warnings: [] });
    expect(operations()).toEqual(['searchTradeInfoProc']);
  });

  it('moves an unpaid prepaid order to 発送前入金待ち and says it waits for payment; once paid, to 発送待ち', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: '銀行振込', paymentDate: '' });
    const first = await shop.connector.confirmOrders([id]);
    expect(first.results[0]).toMatchObject({ ok: true, alreadyDone: false, warnings: [expect.stringContaining('発送前入金待ち')] });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送前入金待ち');
    // Not alreadyDone: the order is not confirmed yet, and an OMS must confirm it again once paid (review M2).
    const again = await shop.connector.confirmOrders([id]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: false, warnings: [expect.stringContaining('awaiting payment')] });
    shop.sandbox.markPaid(id);
    expect((await shop.connector.confirmOrders([id])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送待ち');
  });

  it('moves a new reservation to 予約中', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規予約', settlementName: CARD });
    await shop.connector.confirmOrders([id]);
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('予約中');
  });

  it('refuses cancelled, fraud-review, held and unknown-status orders per order, without writing, and confirms the others', async () => {
    shop = openShop();
    const ids = [0, 1, 2, 3, 4].map((i) => anyOrder(shop, i));
    const statuses = ['キャンセル', '不正取引審査中', '保留', '同梱待ち', '新規受付'];
    ids.forEach((id, i) => setFields(shop.sandbox, id, { orderStatus: statuses[i] ?? '', settlementName: CARD }));
    const result = await shop.connector.confirmOrders(ids);
    const hints = result.results.map((r) => (r.ok ? 'ok' : OrderStateError.isInstance(r.error) ? r.error.hint : r.error.code));
    expect(hints).toEqual([AUPAY_HINTS.cancelled, AUPAY_HINTS.fraudReview, AUPAY_HINTS.onHold, AUPAY_HINTS.unknownStatus, 'ok']);
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeStsProc' })).toBe(1);
  });

  it('fails only the order whose state au PAY refuses to read, and confirms the others', async () => {
    shop = openShop();
    const [a, b] = [anyOrder(shop, 0), anyOrder(shop, 1)];
    for (const id of [a, b]) setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: CARD });
    shop.sandbox.kit.faults.inject(
      { kind: 'status', status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><response><result><status>1</status><error><code>E0100</code><message>受注を取得できません</message></error></result></response>' },
      { operation: 'searchTradeInfoProc' },
    );
    const result = await shop.connector.confirmOrders([a, b]);
    expect(result.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['response_format', 'ok']);
    const [refused] = result.results;
    if (refused && !refused.ok) expect(refused.error.message).toContain('E0100');
    expect(fieldOf(shop.sandbox, a, 'orderStatus')).toBe('新規受付');
  });

  it('confirms an order in a shop status mapped to pending_confirmation', async () => {
    shop = openShop({ connector: { customStatuses: { 要確認: 'pending_confirmation' } } });
    shop.sandbox.customStatuses.add('要確認');
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '要確認', settlementName: CARD });
    expect((await shop.connector.confirmOrders([id])).succeeded).toBe(1);
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送待ち');
  });

  it('resolves a timeout after sending by reading the order back, never by sending again', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: CARD });
    shop.sandbox.kit.faults.inject({ kind: 'delay', ms: 400 }, { operation: 'updateTradeStsProc' });
    const result = await shop.connector.confirmOrders([id], { timeoutMs: 100 });
    expect(result.results[0]).toMatchObject({ id, ok: true });
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeStsProc' })).toBe(1);
  });
});

describe('exportShipments: updateTradeInfoProc, then 完了, as one write per order', () => {
  const shipment = (orderId: string, trackingNumber = '491234567890') => ({ orderId, carrier: 'yamato' as const, trackingNumber, shippedAt: '2026-11-21' });

  it('writes the shipment and completes the order; the same shipment again is alreadyDone, nothing sent', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: CARD, shippingNumber: '' });
    expect((await shop.connector.exportShipments([shipment(id)])).results[0]).toEqual({ id, ok: true, alreadyDone: false, warnings: [] });
    expect([fieldOf(shop.sandbox, id, 'shippingNumber'), fieldOf(shop.sandbox, id, 'shippingCarrier'), fieldOf(shop.sandbox, id, 'shipDate'), fieldOf(shop.sandbox, id, 'orderStatus')]).toEqual([
      '491234567890',
      '1',
      '2026/11/21',
      '完了',
    ]);
    shop.sandbox.kit.log.clear();
    expect((await shop.connector.exportShipments([shipment(id, '4912-3456-7890')])).results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(operations()).toEqual(['searchTradeInfoProc']);
  });

  it('reports a failure between the two calls, and a retry sends only the status change', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: CARD, shippingNumber: '' });
    shop.sandbox.kit.faults.inject(
      { kind: 'status', status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><response><result><status>1</status><error><code>E0500</code><message>一時的なエラー</message></error></result></response>' },
      { operation: 'updateTradeStsProc' },
    );
    const first = await shop.connector.exportShipments([shipment(id)]);
    const row = first.results[0];
    expect(row?.ok).toBe(false);
    if (row && !row.ok) expect(row.error.hint?.en.startsWith(AUPAY_HINTS.partialShipment.en)).toBe(true);
    expect(fieldOf(shop.sandbox, id, 'shippingNumber')).toBe('491234567890');
    shop.sandbox.kit.log.clear();
    expect((await shop.connector.exportShipments([shipment(id)])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(operations()).toEqual(['searchTradeInfoProc', 'updateTradeStsProc']);
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('完了');
  });

  it('corrects the number of a completed order without touching its status', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '完了', settlementName: CARD, shippingNumber: '111111111111' });
    await shop.connector.exportShipments([shipment(id)]);
    expect(operations()).toEqual(['searchTradeInfoProc', 'updateTradeInfoProc']);
    expect(fieldOf(shop.sandbox, id, 'shippingNumber')).toBe('491234567890');
  });

  it('sends carriers au PAY has no code for as 9 (その他配送会社), and says what was not sent', async () => {
    shop = openShop();
    const [a, b] = [anyOrder(shop, 0), anyOrder(shop, 1)];
    for (const id of [a, b]) setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: CARD, shippingNumber: '' });
    const result = await shop.connector.exportShipments([
      { orderId: a, carrier: 'tonami', trackingNumber: '123456789', shippedAt: '2026-11-21', shippingMethod: '路線便' },
      { orderId: b, carrier: { code: 'other', name: '自社便' }, trackingNumber: 'JS-0001', shippedAt: '2026-11-21' },
    ]);
    expect(result.results.map((r) => (r.ok ? r.warnings : []))).toEqual([
      ['au PAY has no code for tonami: sent as 9 (その他配送会社)', 'au PAY has no shipping-method field: shippingMethod is not sent'],
      ['au PAY takes carrier codes only: sent as 9 (その他配送会社); the name 自社便 is not sent'],
    ]);
    expect(shop.sandbox.kit.log.forOperation('updateTradeInfoProc').map((e) => /<shippingCarrier>(\d)</.exec(e.bodyText)?.[1])).toEqual(['9', '9']);
  });

  it('refuses to ship an unpaid prepaid order', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送前入金待ち', settlementName: '郵便振替', paymentDate: '' });
    const row = (await shop.connector.exportShipments([shipment(id)])).results[0];
    expect(row?.ok).toBe(false);
    if (row && !row.ok) expect(row.error).toMatchObject({ code: 'order_state', hint: AUPAY_HINTS.unpaid });
  });

  it('refuses before sending what au PAY cannot hold: some lines only, two numbers for one order, another destination', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    const lines = await failure(shop.connector.exportShipments([{ ...shipment(id), items: [{ lineId: '1', quantity: 1 }] }]));
    expect(ValidationError.isInstance(lines) && lines.issues.map((i) => i.field)).toEqual(['updates[0].items']);
    const twice = await failure(shop.connector.exportShipments([shipment(id), { ...shipment(id, '999999999999'), deliveryId: `${id}-2` }]));
    expect(ValidationError.isInstance(twice) && twice.issues.map((i) => i.field)).toEqual(['updates[1].orderId', 'updates[1].deliveryId']);
    expect(shop.sandbox.kit.log.count()).toBe(0);
  });
});

import { CredentialError, MaintenanceError, OrderStateError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_HINTS } from '../src/errors.js';
import { anyOrder, failure, fieldOf, openShop, setFields, type TestShop } from './harness.js';

/** Writes that depend on when an order is paid, and the two-step shipment under connector-wide errors. */

let shop: TestShop;
afterEach(() => shop.close());

const operations = (): string[] => shop.sandbox.kit.log.entries.map((e) => e.operation);
const CARD = 'クレジットカード決済';
const COD = '代金引換';
const shipment = (orderId: string, trackingNumber = '491234567890') => ({ orderId, carrier: 'yamato' as const, trackingNumber, shippedAt: '2026-11-21' });
const hintOf = (row: { ok: boolean; error?: unknown } | undefined): unknown => (row && !row.ok && OrderStateError.isInstance(row.error) ? row.error.hint : row);

describe('a connector-wide error between the two calls of a shipment stops the batch (review H1)', () => {
  const readyOrders = (count: number): string[] => {
    const ids = Array.from({ length: count }, (_, index) => anyOrder(shop, index));
    for (const id of ids) setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: CARD, shippingNumber: '' });
    return ids;
  };

  it('maintenance on the status change: the first order is reported half-shipped, the others are never sent', async () => {
    shop = openShop();
    const ids = readyOrders(3);
    shop.sandbox.kit.faults.inject({ kind: 'maintenance' }, { operation: 'updateTradeStsProc', times: 10 });
    shop.sandbox.kit.log.clear();
    const error = await failure(shop.connector.exportShipments(ids.map((id, i) => shipment(id, `59123456789${i}`)), { retries: 0 }));
    expect(MaintenanceError.isInstance(error)).toBe(true);
    const { batch } = error as MaintenanceError;
    expect(batch?.results.map((r) => [r.id, r.ok ? 'ok' : r.error.code])).toEqual([[ids[0], 'maintenance']]);
    const [row] = batch?.results ?? [];
    if (row && !row.ok) expect(row.error.hint?.en.startsWith(AUPAY_HINTS.partialShipment.en)).toBe(true);
    expect(batch?.notSent).toEqual(ids.slice(1));
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeInfoProc' })).toBe(1);
    expect(ids.slice(1).map((id) => fieldOf(shop.sandbox, id, 'shippingNumber'))).toEqual(['', '']);
  });

  it('0002 on the status change: the CredentialError is thrown with the row, and nothing more is sent', async () => {
    shop = openShop();
    const ids = readyOrders(3);
    const refused = '<?xml version="1.0"?><response><result><status>1</status><error><code>0002</code><message>認証に失敗しました</message></error></result></response>';
    shop.sandbox.kit.faults.inject({ kind: 'status', status: 401, body: refused }, { operation: 'updateTradeStsProc', times: 1 });
    const error = await failure(shop.connector.exportShipments(ids.map((id, i) => shipment(id, `49123456789${i}`))));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect((error as CredentialError).batch?.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['credential_invalid']);
    expect((error as CredentialError).batch?.notSent).toEqual(ids.slice(1));
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeInfoProc' })).toBe(1);
  });
});

describe('a payment method no table maps is never taken as "not prepaid" (review H3)', () => {
  it('refuses to confirm a new order with an unmapped or empty method, and says how to map it; nothing is sent', async () => {
    shop = openShop();
    const [a, b] = [anyOrder(shop, 0), anyOrder(shop, 1)];
    setFields(shop.sandbox, a, { orderStatus: '新規受付', settlementName: 'PayPay（残高払い）', paymentDate: '', paymentStatus: 'N' });
    setFields(shop.sandbox, b, { orderStatus: '新規受付', settlementName: '', paymentDate: '', paymentStatus: 'N' });
    const result = await shop.connector.confirmOrders([a, b]);
    expect(result.results.map(hintOf)).toEqual([AUPAY_HINTS.unmappedPayment, AUPAY_HINTS.unmappedPayment]);
    expect([fieldOf(shop.sandbox, a, 'orderStatus'), fieldOf(shop.sandbox, b, 'orderStatus')]).toEqual(['新規受付', '新規受付']);
    expect(shop.sandbox.kit.log.count({ operation: 'updateTradeStsProc' })).toBe(0);
  });

  it('refuses to ship a new order with an unmapped method (a prepaid one may be unpaid)', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: 'セブン-イレブン払い', paymentDate: '', paymentStatus: 'N', shippingNumber: '' });
    const row = (await shop.connector.exportShipments([shipment(id)])).results[0];
    expect(hintOf(row)).toEqual(AUPAY_HINTS.unmappedPayment);
    expect([fieldOf(shop.sandbox, id, 'orderStatus'), fieldOf(shop.sandbox, id, 'shippingNumber')]).toEqual(['新規受付', '']);
  });

  it('confirms it once the shop maps the method', async () => {
    shop = openShop({ connector: { mappers: { paymentMethod: { 'PayPay（残高払い）': 'paypay' } } } });
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: 'PayPay（残高払い）', paymentDate: '' });
    expect((await shop.connector.confirmOrders([id])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送待ち');
  });

  it('ships an unmapped method once au PAY or the shop moved the order to 発送待ち, with a note on the status chosen', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: 'PayPay（残高払い）', shippingNumber: '' });
    const row = (await shop.connector.exportShipments([shipment(id)])).results[0];
    expect(row).toMatchObject({ ok: true, warnings: [expect.stringContaining('payment method is not mapped')] });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('完了');
  });
});

describe('cash on delivery and 後払い are shipped to 発送後入金待ち, and a shipped one is recognised (review M1)', () => {
  it('ships a COD order to 発送後入金待ち, not 完了', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: COD, shippingNumber: '' });
    expect((await shop.connector.exportShipments([shipment(id)])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(shop.sandbox.kit.log.last('updateTradeStsProc')?.bodyText).toContain('<orderStatus>発送後入金待ち</orderStatus>');
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('発送後入金待ち');
  });

  it('reports a COD order in 発送後入金待ち with the same number as alreadyDone, sending nothing', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送後入金待ち', settlementName: COD, shippingNumber: '491234567890' });
    shop.sandbox.kit.log.clear();
    expect((await shop.connector.exportShipments([shipment(id)])).results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(operations()).toEqual(['searchTradeInfoProc']);
  });

  it('corrects the number of a shipped COD order without moving it to 完了', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送後入金待ち', settlementName: COD, shippingNumber: '111111111111' });
    shop.sandbox.kit.log.clear();
    await shop.connector.exportShipments([shipment(id)]);
    expect(operations()).toEqual(['searchTradeInfoProc', 'updateTradeInfoProc']);
    expect([fieldOf(shop.sandbox, id, 'orderStatus'), fieldOf(shop.sandbox, id, 'shippingNumber')]).toEqual(['発送後入金待ち', '491234567890']);
  });

  it('sends 完了 for COD when the shop sets shippedStatusPaidAfterDelivery so', async () => {
    shop = openShop({ connector: { shippedStatusPaidAfterDelivery: '完了' } });
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '発送待ち', settlementName: COD, shippingNumber: '' });
    await shop.connector.exportShipments([shipment(id)]);
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('完了');
  });
});

describe('a paid prepaid order still in 発送前入金待ち is refused before anything is written (review M2)', () => {
  it('says to confirm first, writes no tracking number, and ships once confirmed', async () => {
    shop = openShop();
    const id = anyOrder(shop);
    setFields(shop.sandbox, id, { orderStatus: '新規受付', settlementName: '銀行振込', paymentDate: '', paymentStatus: 'N', shippingNumber: '' });
    await shop.connector.confirmOrders([id]);
    shop.sandbox.markPaid(id);
    shop.sandbox.kit.log.clear();
    const row = (await shop.connector.exportShipments([shipment(id)])).results[0];
    expect(hintOf(row)).toEqual(AUPAY_HINTS.confirmFirst);
    expect(operations()).toEqual(['searchTradeInfoProc']);
    expect([fieldOf(shop.sandbox, id, 'orderStatus'), fieldOf(shop.sandbox, id, 'shippingNumber')]).toEqual(['発送前入金待ち', '']);
    await shop.connector.confirmOrders([id]);
    expect((await shop.connector.exportShipments([shipment(id)])).results[0]).toMatchObject({ ok: true });
    expect(fieldOf(shop.sandbox, id, 'orderStatus')).toBe('完了');
  });
});

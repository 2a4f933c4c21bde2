import { CredentialError, InvalidRequestError, OrderStateError, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

describe('Qoo10 rules, played by the sandbox', () => {
  it('a 発送予定日 set in QSM moves the order to 配送準備: a sync of 配送要請 only misses it, a full sync does not, and confirming it is alreadyDone', async () => {
    const t = setUp();
    close = t.close;
    const pending = t.seeds.find((s) => s.status === 'pending_confirmation')!;
    for (const line of t.sandbox.store.get(pending.id)!.lines) t.sandbox.setEstimatedShipDateInQsm(line.orderNo, '2026-11-27');
    const window = { from: '2026-09-01T00:00:00+09:00', to: '2026-11-22T09:00:00+09:00' };
    const onRequest = await collect(t.connector.listOrders({ ...window, statuses: ['pending_confirmation'] }));
    expect(onRequest.map((o) => o.id)).not.toContain(pending.id);
    const all = await collect(t.connector.listOrders(window));
    expect(all.find((o) => o.id === pending.id)?.status.code).toBe('confirmed');
    const result = await t.connector.confirmOrders([pending.id]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: true });
  });

  it('checks the 発送予定日 before sending; Qoo10 refuses one beyond its range (-10017) for that order only', async () => {
    const t = setUp();
    close = t.close;
    const pending = t.seeds.filter((s) => s.status === 'pending_confirmation');
    expect((await t.connector.confirmOrders([pending[0]!.id])).succeeded).toBe(1);
    // One sandbox server at a time: they answer the same URLs.
    t.close();
    close = () => undefined;
    const connectorWithToday = setUp({ connector: { estimatedShipDate: (_id, day) => day } });
    const refused = await connectorWithToday.connector.confirmOrders([connectorWithToday.seeds[0]!.id]).catch((e: unknown) => e);
    connectorWithToday.close();
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe('options.estimatedShipDate(ids[0])');
    expect(connectorWithToday.sandbox.kit.log.count()).toBe(0);
    const far = setUp({ connector: { estimatedShipDate: 120 } });
    const result = await far.connector.confirmOrders([far.seeds.find((s) => s.status === 'pending_confirmation')!.id]);
    far.close();
    const row = result.results[0]!;
    expect(row.ok).toBe(false);
    if (!row.ok) {
      expect(row.error).toBeInstanceOf(InvalidRequestError);
      expect(row.error.mallCode).toBe('-10017');
    }
  });

  it('claims: a cancellation request makes the order cancel_requested; once done the line leaves the status lists and the order is cancelled', async () => {
    const t = setUp();
    close = t.close;
    const target = t.seeds.find((s) => s.status === 'pending_confirmation')!;
    const lines = t.sandbox.store.get(target.id)!.lines;
    for (const line of lines) t.sandbox.cancelLine(line.orderNo);
    expect((await t.connector.getOrders([target.id]))[0]!.status.code).toBe('cancel_requested');
    for (const line of lines) t.sandbox.cancelLine(line.orderNo, true);
    const [cancelled] = await t.connector.getOrders([target.id]);
    expect(cancelled!.status.code).toBe('cancelled');
    expect(cancelled!.raw.lines).toEqual([]);
    const result = await t.connector.confirmOrders([target.id]);
    expect(result.results[0]!.ok).toBe(false);
    if (!result.results[0]!.ok) expect(result.results[0]!.error).toBeInstanceOf(OrderStateError);
  });

  it('without paging, a window whose answer reaches the result cap is halved until every order is listed once', async () => {
    const t = setUp({ count: 40, resultCap: 6, connector: { listResultCap: 6 } });
    close = t.close;
    const listed = await collect(t.connector.listOrders({ from: '2026-09-01T00:00:00+09:00', to: '2026-11-22T09:00:00+09:00' }));
    expect(listed.map((o) => o.id).sort()).toEqual(t.seeds.map((s) => s.id).sort());
    expect(t.sandbox.kit.log.count({ operation: 'GetShippingInfo_v3' })).toBeGreaterThan(5);
  });

  it('ships part of a cart by OrderNo (items), and is idempotent per line', async () => {
    const t = setUp({ count: 30 });
    close = t.close;
    const cart = t.seeds.find((s) => s.status === 'confirmed' && t.sandbox.store.get(s.id)!.lines.length > 1);
    if (!cart) return;
    const [first] = t.sandbox.store.get(cart.id)!.lines;
    const update = { orderId: cart.id, carrier: 'sagawa' as const, trackingNumber: '123456789012', shippedAt: '2026-11-22', items: [{ lineId: first!.orderNo, quantity: first!.quantity }] as [{ lineId: string; quantity: number }] };
    expect((await t.connector.exportShipments([update])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect((await t.connector.exportShipments([update])).results[0]).toMatchObject({ ok: true, alreadyDone: true });
    const [order] = await t.connector.getOrders([cart.id]);
    expect(order!.status.code).toBe('confirmed');
    expect(order!.deliveries[0]!.shipments).toEqual([{ carrier: { code: 'sagawa', raw: '佐川急便' }, trackingNumber: '123456789012', shippedOn: '2026-11-22' }]);
  });

  it('refuses a carrier code without a Qoo10 name before sending', async () => {
    const t = setUp();
    close = t.close;
    const before = t.sandbox.kit.log.count();
    const error = await t.connector.exportShipments([{ orderId: t.seeds[0]!.id, carrier: 'dhl', trackingNumber: '1234567890', shippedAt: '2026-11-21' }]).catch((e: unknown) => e);
    expect((error as ValidationError).field).toBe('updates[0].carrier');
    expect(t.sandbox.kit.log.count()).toBe(before);
    const long = await t.connector.exportShipments([{ orderId: t.seeds[0]!.id, carrier: 'yamato', trackingNumber: '1'.repeat(51), shippedAt: '2026-11-21' }]).catch((e: unknown) => e);
    expect((long as ValidationError).field).toBe('updates[0].trackingNumber');
  });

  it('a connector that can mint renews an expired key once and goes on', async () => {
    const t = setUp({ minting: true });
    close = t.close;
    await t.connector.getOrders([t.seeds[0]!.id]);
    t.sandbox.expireCredential();
    const [order] = await t.connector.getOrders([t.seeds[1]!.id]);
    expect(order!.id).toBe(t.seeds[1]!.id);
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

  it('an unknown method gets plain text, not JSON', async () => {
    const t = setUp();
    close = t.close;
    const service = await fetch('https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi/NoSuchClass.Method', { method: 'POST' });
    expect(await service.text()).toBe("Can't find service Name NoSuchClass");
    const method = await fetch('https://api.qoo10.jp/GMKT.INC.Front.QAPIService/ebayjapan.qapi/ShippingBasic.NoSuchMethod', { method: 'POST' });
    expect(method.status).toBe(200);
    expect(await method.text()).toBe("Can't find method Info NoSuchMethod");
  });

  it('getPayments: a cart not paid yet is unpaid; a paid one carries its PaymentDate', async () => {
    const t = setUp({ count: 30 });
    close = t.close;
    const records = await collect(t.connector.getPayments({ orderIds: t.seeds.map((s) => s.id) }));
    const unpaid = t.seeds.find((s) => s.status === 'awaiting_payment');
    if (unpaid) expect(records.find((r) => r.orderId === unpaid.id)).toMatchObject({ state: 'unpaid', paidAt: null, rawState: 'Awaiting shipping(1)' });
    const paid = records.find((r) => r.state === 'paid')!;
    expect(paid.paidAt).toMatch(/\+09:00$/);
    expect(Number.isInteger(paid.amount)).toBe(true);
  });
});

import { CredentialError, IncompleteResultError, NotFoundError, OrderStateError, UnsupportedOperationError, ValidationError, type BatchItemResult } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { UnknownFieldsError } from '../src/index.js';
import { collect, rejection, setUp, windowOf, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const mutations = (h: Harness): number => h.bodies().filter((body) => body.query.startsWith('mutation')).length;
const failure = (result: BatchItemResult | undefined) => (result && !result.ok ? result.error : undefined);

describe('仮注文 (provisional orders)', () => {
  it('is listed provisional and awaiting payment, refused for shipping; once paid it ships; if payment fails it disappears', async () => {
    harness = setUp();
    const [paid, abandoned] = harness.seeds.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1);
    harness.sandbox.makeProvisional(paid!.id);
    harness.sandbox.makeProvisional(abandoned!.id);

    const listed = await collect(harness.connector.listOrders({ ...windowOf(harness.seeds), statuses: ['awaiting_payment'] }));
    const provisional = listed.filter((order) => order.flags.provisional).map((order) => order.id);
    expect(provisional.sort()).toEqual([paid!.id, abandoned!.id].sort());
    expect(listed.find((order) => order.id === paid!.id)?.warnings.some((warning) => warning.code === 'provisional_order')).toBe(true);

    const shipment = { orderId: paid!.id, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-21' };
    const refused = await harness.connector.exportShipments([shipment]);
    expect(OrderStateError.isInstance(failure(refused.results[0]))).toBe(true);
    expect(failure(refused.results[0])?.hint?.ja).toContain('仮注文');
    expect(mutations(harness)).toBe(0);

    harness.sandbox.completePayment(paid!.id);
    const [order] = await harness.connector.getOrders([paid!.id]);
    expect(order).toMatchObject({ flags: { provisional: false }, status: { code: 'ready_to_ship' } });
    expect((await harness.connector.exportShipments([shipment])).succeeded).toBe(1);

    harness.sandbox.abandonPayment(abandoned!.id);
    const after = await collect(harness.connector.listOrders(windowOf(harness.seeds)));
    expect(after.map((each) => each.id)).not.toContain(abandoned!.id);
    expect(NotFoundError.isInstance(await rejection(harness.connector.getOrders([abandoned!.id])))).toBe(true);
  });
});

describe('exportShipments', () => {
  it('an order to several addresses is shipped per destination; without deliveryId it is refused for that order only', async () => {
    harness = setUp({ count: 60 });
    const multi = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length > 1)!;
    const single = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1)!;
    const base = { carrier: 'sagawa' as const, shippedAt: '2026-11-21' };
    const vague = await harness.connector.exportShipments([
      { ...base, orderId: multi.id, trackingNumber: '3700-0000-0001' },
      { ...base, orderId: single.id, trackingNumber: '3700-0000-0002' },
    ]);
    expect(failure(vague.results[0])).toMatchObject({ code: 'invalid_request', field: 'deliveryId' });
    expect(vague.results[1]).toMatchObject({ ok: true, alreadyDone: false });

    const all = multi.deliveries.map((_, index) => ({ ...base, orderId: multi.id, deliveryId: String(index + 1), trackingNumber: `3700-0000-01${index}` }));
    const shipped = await harness.connector.exportShipments(all);
    expect(shipped.succeeded).toBe(multi.deliveries.length);
    const [order] = await harness.connector.getOrders([multi.id]);
    expect(order?.status.code).toBe('shipped');
    expect(order?.deliveries.map((delivery) => delivery.shipments[0]?.trackingNumber)).toEqual(all.map((update) => update.trackingNumber));
  });

  it('is idempotent: the same tracking number again is alreadyDone, read from the order, with no second mutation', async () => {
    harness = setUp();
    const target = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1)!;
    const update = { orderId: target.id, carrier: 'japan_post' as const, shippingMethod: 'ゆうパケット', trackingNumber: '1234-5678-9012', shippedAt: '2026-11-21' };
    await harness.connector.exportShipments([update]);
    const again = await harness.connector.exportShipments([update]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(mutations(harness)).toBe(1);
  });

  it('a cancelled order is refused with OrderStateError, the other orders of the batch still ship', async () => {
    harness = setUp();
    const cancelled = harness.seeds.find((seed) => seed.status === 'cancelled')!;
    const open = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1)!;
    const result = await harness.connector.exportShipments([
      { orderId: cancelled.id, carrier: 'yamato', trackingNumber: '4912-0000-0001', shippedAt: '2026-11-21' },
      { orderId: open.id, carrier: 'yamato', trackingNumber: '4912-0000-0002', shippedAt: '2026-11-21' },
    ]);
    expect(OrderStateError.isInstance(failure(result.results[0]))).toBe(true);
    expect(result.results[1]).toMatchObject({ ok: true });
    expect(mutations(harness)).toBe(1);
  });

  it('a carrier makeshop has no code for, and line-level shipments, are refused before anything is sent', async () => {
    harness = setUp();
    const id = harness.seeds[0]!.id;
    const error = await rejection(
      harness.connector.exportShipments([
        { orderId: id, carrier: 'nippon_express', trackingNumber: '1234', shippedAt: '2026-11-21' },
        { orderId: id, carrier: 'yamato', trackingNumber: '1235', shippedAt: '2026-11-21', items: [{ lineId: '1-1', quantity: 1 }] },
      ]),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual(['updates[0].carrier', 'updates[1].items']);
    expect(harness.sandbox.kit.log.count()).toBe(0);
  });

  it('a mutation makeshop does not know fails the batch per order with its hint, sent once, not once per order', async () => {
    harness = setUp();
    harness.sandbox.hideFields('updateOrderDelivery');
    const targets = harness.seeds.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1).slice(0, 3);
    const result = await harness.connector.exportShipments(
      targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `4912-3333-000${index}`, shippedAt: '2026-11-21' })),
    );
    expect(result.failed).toBe(3);
    expect(result.results.every((entry) => UnknownFieldsError.isInstance(failure(entry)))).toBe(true);
    expect(failure(result.results[2])?.hint?.en).toContain('documents');
    expect(mutations(harness)).toBe(1);
  });

  it('asks makeshop to mail its 発送メール only when sendShippingMail is set', async () => {
    harness = setUp({ connector: { sendShippingMail: true } });
    const target = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1)!;
    await harness.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '4912-1111-2222', shippedAt: '2026-11-21' }]);
    expect(harness.sandbox.shippingMails).toEqual([target.id]);
  });

  it('a token revoked mid-batch stops it: thrown once, with the progress, nothing more sent', async () => {
    harness = setUp();
    const targets = harness.seeds.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1).slice(0, 3);
    harness.sandbox.uninstallApp();
    const error = await rejection(
      harness.connector.exportShipments(targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `4912-2222-000${index}`, shippedAt: '2026-11-21' }))),
    );
    expect(CredentialError.isInstance(error)).toBe(true);
    expect((error as CredentialError).batch?.notSent).toEqual(targets.map((seed) => seed.id));
    expect(harness.sandbox.kit.log.count()).toBe(1);
  });
});

describe('the rest of the contract', () => {
  it('confirmOrders is unsupported: makeshop has no confirm step, and capabilities say so', async () => {
    harness = setUp();
    expect(harness.connector.capabilities.confirmOrders).toBeNull();
    const error = await rejection(harness.connector.confirmOrders([harness.seeds[0]!.id]));
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect((error as UnsupportedOperationError).hint?.ja).toContain('注文確認');
  });

  it('checkCredentials makes a live probe: a working token is valid and never expires, a revoked one is invalid with the reinstall hint', async () => {
    harness = setUp();
    const healthy = await harness.connector.checkCredentials();
    expect(healthy.ok).toBe(true);
    expect(healthy.credentials.map((credential) => [credential.name, credential.state, credential.source, credential.expiresAt])).toEqual([
      ['accessToken', 'valid', 'live_check', null],
      ['apiKey', 'valid', 'live_check', null],
    ]);
    expect(healthy.credentials[0]?.notes[0]?.ja).toContain('アンインストール');
    harness.sandbox.uninstallApp();
    const revoked = await harness.connector.checkCredentials();
    expect(revoked.ok).toBe(false);
    expect(revoked.credentials.map((credential) => credential.state)).toEqual(['invalid', 'unknown']);
    expect(revoked.credentials[0]?.renew?.ja).toContain('再インストール');
  });

  it('getPayments reads payment from the orders, by id and by window', async () => {
    harness = setUp();
    const unpaid = harness.seeds.find((seed) => seed.status === 'awaiting_payment');
    const paid = harness.seeds.find((seed) => seed.paidAt !== null && seed.status === 'shipped')!;
    const byId = await collect(harness.connector.getPayments({ orderIds: [paid.id, ...(unpaid ? [unpaid.id] : [])] }));
    expect(byId[0]).toMatchObject({ mall: 'makeshop', orderId: paid.id, state: 'paid', amount: paid.amounts.billed, rawState: '1' });
    expect(Date.parse(byId[0]!.paidAt!)).toBe(Math.floor(Date.parse(paid.paidAt!) / 1000) * 1000);
    if (unpaid) expect(byId[1]).toMatchObject({ orderId: unpaid.id, state: 'unpaid', paidAt: null });
    const byWindow = await collect(harness.connector.getPayments(windowOf(harness.seeds)));
    expect(byWindow).toHaveLength(harness.seeds.length);
    expect(byWindow.filter((record) => record.state === 'cancelled').length).toBe(harness.seeds.filter((seed) => seed.status === 'cancelled').length);
  });

  it('a returned parcel (返送) comes back on hold', async () => {
    harness = setUp();
    const shipped = harness.seeds.find((seed) => seed.status === 'shipped')!;
    harness.sandbox.returnToSender(shipped.id);
    const [order] = await harness.connector.getOrders([shipped.id]);
    expect(order?.status).toEqual({ code: 'on_hold', raw: 'R' });
  });

  it('one order that cannot be read is named at the end of a listing; the others are delivered', async () => {
    harness = setUp();
    const bad = harness.seeds[5]!;
    harness.sandbox.adversary.corruptOrder(bad.id);
    const orders: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const order of harness.connector.listOrders(windowOf(harness.seeds))) orders.push(order.id);
      })(),
    );
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    expect((error as IncompleteResultError).failures[0]?.message).toContain('orderDate');
    expect(orders).toHaveLength(harness.seeds.length - 1);
  });
});

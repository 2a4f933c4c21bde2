import { CredentialError, IncompleteResultError, NotFoundError, OrderStateError, UnreadableOrderError, UnsupportedOperationError, ValidationError, type BatchItemResult } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { UnknownFieldsError } from '../src/index.js';
import { collect, rejection, setUp, windowOf, type Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const mutations = (h: Harness): number => h.bodies().filter((body) => body.query.startsWith('mutation')).length;
const failure = (result: BatchItemResult | undefined) => (result && !result.ok ? result.error : undefined);
const openSingle = (h: Harness) => h.seeds.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1);

describe('仮注文 (provisional orders)', () => {
  it('is listed provisional and awaiting payment, refused for shipping; once paid it ships; if payment fails it disappears', async () => {
    harness = setUp();
    const [paid, abandoned] = openSingle(harness);
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

  // Review L8: the seed's provisional flag was ignored (fails before: a normal order, orderStatus 1).
  it('a seed flagged provisional is seeded as a 仮注文 and listed as one', async () => {
    const base = setUp({ count: 3 });
    const seeds = base.seeds.map((seed, index) => ({ ...seed, status: 'ready_to_ship' as const, flags: { ...seed.flags, provisional: index === 0 } }));
    base.close();
    harness = setUp({ seeds });
    expect(harness.sandbox.orders.get(harness.seeds[0]!.id)?.orderStatus).toBe(99);
    expect(harness.seeds[0]).toMatchObject({ status: 'awaiting_payment', flags: { provisional: true } });
    const [order] = await harness.connector.getOrders([harness.seeds[0]!.id]);
    expect(order).toMatchObject({ status: { code: 'awaiting_payment' }, flags: { provisional: true } });
  });
});

describe('exportShipments', () => {
  it('an order to several addresses is shipped per destination; without deliveryId it is refused for that order only', async () => {
    harness = setUp({ count: 60 });
    const multi = harness.seeds.find((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length > 1)!;
    const single = openSingle(harness)[0]!;
    // Sagawa numbers have 12 digits (core's carrier formats).
    const base = { carrier: 'sagawa' as const, shippedAt: '2026-11-21' };
    const vague = await harness.connector.exportShipments([
      { ...base, orderId: multi.id, trackingNumber: '3700-0000-0001' },
      { ...base, orderId: single.id, trackingNumber: '3700-0000-0002' },
    ]);
    expect(failure(vague.results[0])).toMatchObject({ code: 'invalid_request', field: 'deliveryId' });
    expect(vague.results[1]).toMatchObject({ ok: true, alreadyDone: false });

    const all = multi.deliveries.map((_, index) => ({ ...base, orderId: multi.id, deliveryId: String(index + 1), trackingNumber: `3700-0000-010${index}` }));
    const shipped = await harness.connector.exportShipments(all);
    expect(shipped.succeeded).toBe(multi.deliveries.length);
    const [order] = await harness.connector.getOrders([multi.id]);
    expect(order?.status.code).toBe('shipped');
    expect(order?.deliveries.map((delivery) => delivery.shipments[0]?.trackingNumber)).toEqual(all.map((update) => update.trackingNumber));
  });

  it('is idempotent: the same tracking number again is alreadyDone, read from the order, with no second mutation', async () => {
    harness = setUp();
    const target = openSingle(harness)[0]!;
    const update = { orderId: target.id, carrier: 'japan_post' as const, shippingMethod: 'ゆうパケット', trackingNumber: '1234-5678-9012', shippedAt: '2026-11-21' };
    await harness.connector.exportShipments([update]);
    const again = await harness.connector.exportShipments([update]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(mutations(harness)).toBe(1);
  });

  // Review M2 (fails before: the second number overwrote the first, and the hyphenated one was sent again).
  it('a different number for a destination that holds one is refused unless replaceTrackingNumbers; the same number written differently is alreadyDone', async () => {
    harness = setUp();
    const target = openSingle(harness)[0]!;
    const update = (trackingNumber: string) => ({ orderId: target.id, carrier: 'yamato' as const, trackingNumber, shippedAt: '2026-11-21' });
    const result = await harness.connector.exportShipments([update('491234567890'), update('491234567891')]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(OrderStateError.isInstance(failure(result.results[1]))).toBe(true);
    expect(failure(result.results[1])?.hint?.en).toContain('replaceTrackingNumbers');
    const hyphenated = await harness.connector.exportShipments([update('4912-3456-7890')]);
    expect(hyphenated.results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(mutations(harness)).toBe(1);
    const [order] = await harness.connector.getOrders([target.id]);
    expect(order?.deliveries[0]?.shipments[0]?.trackingNumber).toBe('491234567890');
  });

  it('replaceTrackingNumbers lets a new number replace the recorded one', async () => {
    harness = setUp({ connector: { replaceTrackingNumbers: true } });
    const target = openSingle(harness)[0]!;
    const update = (trackingNumber: string) => ({ orderId: target.id, carrier: 'yamato' as const, trackingNumber, shippedAt: '2026-11-21' });
    expect((await harness.connector.exportShipments([update('491234567890'), update('491234567891')])).succeeded).toBe(2);
    const [order] = await harness.connector.getOrders([target.id]);
    expect(order?.deliveries[0]?.shipments[0]?.trackingNumber).toBe('491234567891');
  });

  // Review M1 (fails before: without slipNumber every export re-sent the mutation: 2 mutations, alreadyDone false).
  it('without a readable tracking number field, shipments are refused before any mutation (no duplicates, no unresolvable doubts)', async () => {
    harness = setUp();
    harness.sandbox.hideFields('DeliveryInfo.slipNumber');
    const target = openSingle(harness)[0]!;
    const update = { orderId: target.id, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-21' };
    const first = await harness.connector.exportShipments([update]);
    const second = await harness.connector.exportShipments([update]);
    for (const result of [first, second]) expect(failure(result.results[0])).toMatchObject({ code: 'invalid_request', field: 'slipNumber' });
    expect(failure(first.results[0])?.hint?.en).toContain('documents');
    expect(mutations(harness)).toBe(0);
  });

  it('a cancelled order is refused with OrderStateError, the other orders of the batch still ship', async () => {
    harness = setUp();
    const cancelled = harness.seeds.find((seed) => seed.status === 'cancelled')!;
    const open = openSingle(harness)[0]!;
    const result = await harness.connector.exportShipments([
      { orderId: cancelled.id, carrier: 'yamato', trackingNumber: '4912-0000-0001', shippedAt: '2026-11-21' },
      { orderId: open.id, carrier: 'yamato', trackingNumber: '4912-0000-0002', shippedAt: '2026-11-21' },
    ]);
    expect(OrderStateError.isInstance(failure(result.results[0]))).toBe(true);
    expect(result.results[1]).toMatchObject({ ok: true });
    expect(mutations(harness)).toBe(1);
  });

  // Review L3 (fails before: the unreadable order was reported as not_found).
  it('an order that cannot be read fails alone with its UnreadableOrderError, not as not found', async () => {
    harness = setUp();
    const targets = openSingle(harness).slice(0, 3);
    harness.sandbox.adversary.corruptOrder(targets[1]!.id);
    const result = await harness.connector.exportShipments(targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `49123456789${index}`, shippedAt: '2026-11-21' })));
    expect(result.results.map((entry) => entry.ok)).toEqual([true, false, true]);
    expect(UnreadableOrderError.isInstance(failure(result.results[1]))).toBe(true);
  });

  // Review L6: every problem in one round (fails before: makeshop's own check ran after core's, a second round).
  it('a carrier makeshop has no code for, line-level shipments and a number not of its carrier are refused together before anything is sent', async () => {
    harness = setUp();
    const id = harness.seeds[0]!.id;
    const error = await rejection(
      harness.connector.exportShipments([
        { orderId: id, carrier: 'nippon_express', trackingNumber: '1234', shippedAt: '2026-11-21' },
        { orderId: id, carrier: 'yamato', trackingNumber: '491234567891', shippedAt: '2026-11-21', items: [{ lineId: '1-1', quantity: 1 }] },
        { orderId: id, carrier: 'yamato', trackingNumber: '4912-3456', shippedAt: '2026-11-21' },
      ]),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual(['updates[0].carrier', 'updates[1].items', 'updates[2].trackingNumber']);
    expect(harness.sandbox.kit.log.count()).toBe(0);
  });

  it('a mutation makeshop does not know stops the batch after the first refusal: thrown with that row and the rest unsent', async () => {
    harness = setUp();
    harness.sandbox.hideFields('updateOrderDelivery');
    const targets = openSingle(harness).slice(0, 3);
    const error = await rejection(
      harness.connector.exportShipments(targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `4912-3333-000${index}`, shippedAt: '2026-11-21' }))),
    );
    expect(UnknownFieldsError.isInstance(error)).toBe(true);
    expect((error as UnknownFieldsError).hint?.en).toContain('documents');
    expect((error as UnknownFieldsError).batch?.results.map((row) => [row.id, row.ok])).toEqual([[targets[0]!.id, false]]);
    expect((error as UnknownFieldsError).batch?.notSent).toEqual(targets.slice(1).map((seed) => seed.id));
    expect(mutations(harness)).toBe(1);
  });

  it('asks makeshop to mail its 発送メール only when sendShippingMail is set', async () => {
    harness = setUp({ connector: { sendShippingMail: true } });
    const target = openSingle(harness)[0]!;
    await harness.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '4912-1111-2222', shippedAt: '2026-11-21' }]);
    expect(harness.sandbox.shippingMails).toEqual([target.id]);
  });

  it('a token revoked mid-batch stops it: thrown once, with the progress, nothing more sent', async () => {
    harness = setUp();
    const targets = openSingle(harness).slice(0, 3);
    harness.sandbox.uninstallApp();
    const error = await rejection(
      harness.connector.exportShipments(targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `4912-2222-000${index}`, shippedAt: '2026-11-21' }))),
    );
    expect(CredentialError.isInstance(error)).toBe(true);
    expect((error as CredentialError).batch?.notSent).toEqual(targets.map((seed) => seed.id));
    expect(harness.sandbox.kit.log.count()).toBe(1);
  });

  // Review L2 (fails before: the sandbox named every request 'graphql', so this fault never fired and the write succeeded).
  it('a fault aimed at updateOrderDelivery hits the mutation only: the outcome is read back and reported failed', async () => {
    harness = setUp();
    const target = openSingle(harness)[0]!;
    harness.sandbox.kit.faults.inject({ kind: 'server_error' }, { operation: 'updateOrderDelivery' });
    const result = await harness.connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(result.results[0]).toMatchObject({ ok: false, error: { code: 'mall_unavailable' } });
    expect(harness.sandbox.kit.log.entries.map((entry) => `${entry.operation} ${entry.status}`)).toEqual(['getOrder 200', 'updateOrderDelivery 500', 'getOrder 200']);
  });
});

describe('the rest of the contract', () => {
  // Review L1 (fails before: the hint said an order is ready to ship once listed).
  it('confirmOrders is unsupported: makeshop has no confirm step, and the hint says to ship by status, never a 仮注文', async () => {
    harness = setUp();
    expect(harness.connector.capabilities.confirmOrders).toBeNull();
    const error = await rejection(harness.connector.confirmOrders([harness.seeds[0]!.id]));
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    const hint = (error as UnsupportedOperationError).hint;
    expect(hint?.ja).toContain('仮注文');
    expect(hint?.ja).not.toContain('取得した時点で出荷対象');
    expect(hint?.en).toContain('ready_to_ship');
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

  it('checkCredentials during maintenance reports the credentials unknown with the reason, instead of calling them invalid', async () => {
    harness = setUp({ connector: { retry: { retries: 0 } } });
    harness.sandbox.kit.faults.inject({ kind: 'maintenance' });
    const report = await harness.connector.checkCredentials();
    expect(report.credentials.map((credential) => credential.state)).toEqual(['unknown', 'unknown']);
    expect(report.credentials[0]?.notes.at(-1)?.ja).toContain('メンテナンス');
  });

  it('getPayments reads payment from the orders, by id and by window', async () => {
    harness = setUp();
    const unpaid = harness.seeds.find((seed) => seed.status === 'awaiting_payment')!;
    const paid = harness.seeds.find((seed) => seed.paidAt !== null && seed.status === 'shipped')!;
    const byId = await collect(harness.connector.getPayments({ orderIds: [paid.id, unpaid.id] }));
    expect(byId[0]).toMatchObject({ mall: 'makeshop', orderId: paid.id, state: 'paid', amount: paid.amounts.billed, rawState: '1' });
    expect(Date.parse(byId[0]!.paidAt!)).toBe(Math.floor(Date.parse(paid.paidAt!) / 1000) * 1000);
    expect(byId[1]).toMatchObject({ orderId: unpaid.id, state: 'unpaid', paidAt: null });
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

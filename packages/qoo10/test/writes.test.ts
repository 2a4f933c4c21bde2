import { InvalidRequestError, NotFoundError, OrderStateError, PermissionError, ValidationError, type MallkitError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { cartSeed, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

const FAULT_HEADERS = { 'content-type': 'application/json' };

describe('confirmOrders and exportShipments, played by the sandbox', () => {
  // Review H4: the whole cart was refused, and the live line met the 3-business-day penalty.
  it('confirms the live line of a cart whose other line was cancelled, and leaves the cancelled one alone', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'H4', 'pending_confirmation', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    const [cancelled, live] = t.sandbox.store.get(cart.id)!.lines;
    t.sandbox.cancelLine(cancelled!.orderNo, true);
    t.sandbox.kit.log.clear();
    const result = await t.connector.confirmOrders([cart.id]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    const sent = t.sandbox.kit.log.entries.filter((e) => e.operation === 'SetSellerCheckYN_V2').map((e) => new URLSearchParams(e.bodyText).get('OrderNo'));
    expect(sent).toEqual([live!.orderNo]);
    expect(t.sandbox.store.get(cart.id)!.lines.map((line) => line.status)).toEqual([2, 3]);
  });

  it('refuses a cart while a cancellation is pending on one of its lines, sending nothing', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'P', 'pending_confirmation', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    t.sandbox.cancelLine(t.sandbox.store.get(cart.id)!.lines[0]!.orderNo);
    const [row] = (await t.connector.confirmOrders([cart.id])).results;
    expect(row!.ok).toBe(false);
    expect(!row!.ok && row!.error).toBeInstanceOf(OrderStateError);
    expect(t.sandbox.kit.log.count({ operation: 'SetSellerCheckYN_V2' })).toBe(0);
  });

  it('a 発送予定日 set in QSM moves the order to 配送準備: confirming it then is alreadyDone', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'Q', 'pending_confirmation', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    for (const line of t.sandbox.store.get(cart.id)!.lines) t.sandbox.setEstimatedShipDateInQsm(line.orderNo, '2026-11-27');
    const result = await t.connector.confirmOrders([cart.id]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: true });
  });

  it('checks the 発送予定日 before sending', async () => {
    const t = setUp({ connector: { estimatedShipDate: (_id, day) => day } });
    close = t.close;
    const refused = await t.connector.confirmOrders([t.seeds[0]!.id]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe('options.estimatedShipDate(ids[0])');
    expect(t.sandbox.kit.log.count()).toBe(0);
  });

  it("reports Qoo10's -10017 (EstShipDt beyond its range) for that order only", async () => {
    // Qoo10 publishes no range: the sandbox is set to 30 days here, the connector asked for 31.
    const t = setUp({
      sandbox: { estShipMaxDays: 30 },
      connector: { estimatedShipDate: 31 },
      extraSeeds: ([base]) => [cartSeed(base!, 'A', 'pending_confirmation', 1), cartSeed(base!, 'B', 'pending_confirmation', 1)],
    });
    close = t.close;
    const result = await t.connector.confirmOrders(t.crafted.map((seed) => seed.id));
    expect(result.results.map((row) => (row.ok ? 'ok' : row.error.mallCode))).toEqual(['-10017', '-10017']);
    expect(!result.results[0]!.ok && result.results[0]!.error).toBeInstanceOf(InvalidRequestError);
  });

  it('ships part of a cart by OrderNo (items), and is idempotent per line', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'S', 'confirmed', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    const [first] = t.sandbox.store.get(cart.id)!.lines;
    const update = { orderId: cart.id, carrier: 'sagawa' as const, trackingNumber: '123456789012', shippedAt: '2026-11-22', items: [{ lineId: first!.orderNo, quantity: first!.quantity }] as [{ lineId: string; quantity: number }] };
    expect((await t.connector.exportShipments([update])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect((await t.connector.exportShipments([update])).results[0]).toMatchObject({ ok: true, alreadyDone: true });
    const [order] = await t.connector.getOrders([cart.id]);
    expect(order!.status.code).toBe('confirmed');
    expect(order!.deliveries[0]!.shipments).toEqual([{ carrier: { code: 'sagawa', raw: '佐川急便' }, trackingNumber: '123456789012', shippedOn: '2026-11-22' }]);
  });

  it('refuses a carrier code without a Qoo10 name, and an over-long tracking number, before sending', async () => {
    const t = setUp();
    close = t.close;
    const error = await t.connector.exportShipments([{ orderId: t.seeds[0]!.id, carrier: 'dhl', trackingNumber: '1234567890', shippedAt: '2026-11-21' }]).catch((e: unknown) => e);
    expect((error as ValidationError).field).toBe('updates[0].carrier');
    const long = await t.connector.exportShipments([{ orderId: t.seeds[0]!.id, carrier: 'seino', trackingNumber: '1'.repeat(51), shippedAt: '2026-11-21' }]).catch((e: unknown) => e);
    expect((long as ValidationError).field).toBe('updates[0].trackingNumber');
    expect(t.sandbox.kit.log.count()).toBe(0);
  });

  // Review M2: one -10001 threw CredentialError and left all three carts in notSent.
  it('-10001 on one SetSendingInfo fails that cart alone; the others are shipped', async () => {
    const t = setUp({ extraSeeds: ([base]) => ['A', 'B', 'C'].map((id) => cartSeed(base!, id, 'confirmed', 1)) });
    close = t.close;
    t.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: '{"ResultCode":-10001,"ResultMsg":"Not exists order info"}', headers: FAULT_HEADERS }, { operation: 'SetSendingInfo' });
    const result = await t.connector.exportShipments(t.crafted.map((seed) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-21' })));
    expect(result.results.map((row) => row.ok)).toEqual([false, true, true]);
    expect(!result.results[0]!.ok && result.results[0]!.error).toBeInstanceOf(NotFoundError);
  });

  // Review L3: the half-written cart was listed in notSent.
  it('a connector-wide error after some lines of a cart were written records that cart as failed and stops the batch', async () => {
    let shipCalls = 0;
    const t = setUp({
      extraSeeds: ([base]) => [cartSeed(base!, 'H', 'confirmed', 2), cartSeed(base!, 'N', 'confirmed', 1)],
      connector: {
        hooks: {
          onRequest: (event) => {
            // The second line's SetSendingInfo is refused: the key lost its API rights meanwhile.
            if (event.operation === 'SetSendingInfo' && (shipCalls += 1) === 2) {
              t.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: '{"ResultCode":-90002,"ResultMsg":"You are not authorized for this."}', headers: FAULT_HEADERS }, { operation: 'SetSendingInfo' });
            }
          },
        },
      },
    });
    close = t.close;
    const [half, next] = t.crafted;
    const updates = [half!, next!].map((seed) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-21' }));
    const error = (await t.connector.exportShipments(updates).catch((e: unknown) => e)) as MallkitError;
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.batch?.notSent).toEqual([next!.id]);
    const [row] = error.batch!.results;
    expect(row).toMatchObject({ id: half!.id, ok: false });
    expect(!row!.ok && row!.error.message).toContain(t.sandbox.store.get(half!.id)!.lines[0]!.orderNo);
  });
});

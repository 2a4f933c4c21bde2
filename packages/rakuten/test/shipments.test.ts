import { CARRIER_CODES, CredentialError, InvalidRequestError, NetworkError, OrderStateError, UnreadableOrderError, ValidationError, type ShipmentUpdate } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryCompanyFor, RAKUTEN_DELIVERY_COMPANIES, rakutenCarrierMapper } from '../src/mapping/carrier.js';
import { createRakutenConnector } from '../src/index.js';
import { rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

describe('deliveryCompany codes', () => {
  it('has all 32 codes 1000–1031, each mapping to a distinct carrier and back', () => {
    expect(RAKUTEN_DELIVERY_COMPANIES.map(([code]) => code)).toEqual(Array.from({ length: 32 }, (_, i) => String(1000 + i)));
    for (const [code, , carrier] of RAKUTEN_DELIVERY_COMPANIES) {
      expect(rakutenCarrierMapper.map(code)).toEqual({ code: carrier, raw: code });
      expect(deliveryCompanyFor(carrier)).toEqual({ code, exact: true });
    }
    expect(new Set(RAKUTEN_DELIVERY_COMPANIES.map(([, , c]) => c)).size).toBe(32);
    const without = CARRIER_CODES.filter((c) => !RAKUTEN_DELIVERY_COMPANIES.some(([, , carrier]) => carrier === c));
    for (const carrier of without) expect(deliveryCompanyFor(carrier)).toEqual({ code: '1000', exact: false });
    expect(deliveryCompanyFor('store_pickup', { store_pickup: '1028' })).toEqual({ code: '1028', exact: true });
    expect(rakutenCarrierMapper.map('1099')).toEqual({ code: 'unmapped', raw: '1099' });
  });
});

describe('exportShipments', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  const single = (r: TestRig, progress = 300) => r.sandbox.orders().find((o) => o.orderProgress === progress && o.PackageModelList.length === 1)!;

  it('refuses before sending: missing carrier, blank tracking number, missing or future date', async () => {
    rig = startRig(seeds(40));
    const id = single(rig).orderNumber;
    const cases: Array<[unknown, RegExp]> = [
      [{ orderId: id, trackingNumber: '491234567890', shippedAt: '2026-11-21' }, /carrier/],
      [{ orderId: id, carrier: 'yamato', trackingNumber: '  ', shippedAt: '2026-11-21' }, /trackingNumber/],
      [{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890' }, /shippedAt/],
      [{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-23' }, /updates\[0\]\.shippedAt/],
    ];
    for (const [update, field] of cases) {
      // @ts-expect-error deliberately incomplete input
      const error = await rejection(rig.connector.exportShipments([update]));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).field).toMatch(field);
    }
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('refuses tracking numbers before sending: core\'s carrier formats (ヤマト運輸 and 佐川急便 12 digits), and none may pass 64 characters', async () => {
    rig = startRig(seeds(40));
    const id = single(rig).orderNumber;
    const base = { orderId: id, shippedAt: '2026-11-21' };
    const cases: Array<[ShipmentUpdate, RegExp]> = [
      [{ ...base, carrier: 'yamato', trackingNumber: '4912-3456-789' }, /12 digits/],
      [{ ...base, carrier: 'sagawa', trackingNumber: 'AB1234567890' }, /12 digits/],
      [{ ...base, carrier: 'japan_post', trackingNumber: '1'.repeat(65) }, /64/],
    ];
    for (const [update, message] of cases) {
      const error = await rejection(rig.connector.exportShipments([update]));
      expect(ValidationError.isInstance(error), String(error)).toBe(true);
      expect((error as ValidationError).field).toBe('updates[0].trackingNumber');
      expect((error as ValidationError).message).toMatch(message);
    }
    expect(rig.sandbox.kit.log.count()).toBe(0);
    // Carriers without a fixed format keep theirs: an 11-digit Japan Post number goes through.
    expect((await rig.connector.exportShipments([{ ...base, carrier: 'japan_post', trackingNumber: '12345678901' }])).succeeded).toBe(1);
  });

  it('a licenseKey refused in the middle of a batch stops it: thrown with the progress, nothing more sent', async () => {
    rig = startRig(seeds(40));
    const targets = rig.sandbox.orders().filter((o) => o.orderProgress === 300 && o.PackageModelList.length === 1).slice(0, 3).map((o) => o.orderNumber);
    expect(targets).toHaveLength(3);
    // The key is re-issued elsewhere right after Rakuten answered the first shipment.
    const connector = createRakutenConnector({
      ...rig.sandbox.connectorOptions(),
      clock: rig.sandbox.clock,
      hooks: { onResponse: (event) => (event.operation === 'updateOrderShipping' ? rig.sandbox.renewLicenseKey('SL_reissued_elsewhere') : undefined) },
    });
    const updates = targets.map((orderId, i) => ({ orderId, carrier: 'yamato' as const, trackingNumber: `4912-3456-70${i}0`, shippedAt: '2026-11-21' }));
    const error = await rejection(connector.exportShipments(updates));
    expect(CredentialError.isInstance(error), String(error)).toBe(true);
    expect((error as CredentialError).batch?.results).toMatchObject([{ id: targets[0], ok: true }]);
    expect((error as CredentialError).batch?.notSent).toEqual(targets.slice(1));
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderShipping' })).toBe(2);
  });

  it('is idempotent: the same tracking number again is alreadyDone and adds no row; a corrected date updates the row', async () => {
    rig = startRig(seeds(40));
    const order = single(rig);
    const update = { orderId: order.orderNumber, carrier: 'yamato' as const, trackingNumber: '4912-3456-7890', shippedAt: '2026-11-21' };
    expect((await rig.connector.exportShipments([update])).succeeded).toBe(1);
    expect(order.orderProgress).toBe(500);
    const again = await rig.connector.exportShipments([{ ...update, trackingNumber: '491234567890' }]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: true });
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderShipping' })).toBe(1);
    expect(order.PackageModelList[0]!.ShippingModelList).toHaveLength(1);
    const fixed = await rig.connector.exportShipments([{ ...update, shippedAt: '2026-11-20' }]);
    expect(fixed.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    const rows = order.PackageModelList[0]!.ShippingModelList!;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.shippingDate).toBe('2026-11-20');
  });

  it('a later update to the same order sees the row the earlier one added: the same number twice updates that row, never duplicates it', async () => {
    rig = startRig(seeds(40));
    const order = single(rig);
    const first = { orderId: order.orderNumber, carrier: 'yamato' as const, trackingNumber: '4912-3456-7890', shippedAt: '2026-11-20' };
    const result = await rig.connector.exportShipments([first, { ...first, shippedAt: '2026-11-21' }]);
    expect(result.results.map((r) => r.ok && !r.alreadyDone)).toEqual([true, true]);
    const rows = order.PackageModelList[0]!.ShippingModelList!;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.shippingDate).toBe('2026-11-21');
    const second = rig.sandbox.kit.log.forOperation('updateOrderShipping')[1];
    expect((JSON.parse(second!.bodyText) as { BasketidModelList: Array<{ ShippingModelList: Array<{ shippingDetailId?: number }> }> }).BasketidModelList[0]!.ShippingModelList[0]!.shippingDetailId).toBe(rows[0]!.shippingDetailId);
  });

  it('reports per order: a cancelled order and a multi-destination order without deliveryId fail, the others go through', async () => {
    rig = startRig(seeds(40));
    const good = single(rig).orderNumber;
    const cancelled = rig.sandbox.orders().find((o) => o.orderProgress === 900)!.orderNumber;
    const multi = rig.sandbox.orders().find((o) => o.orderProgress === 300 && o.PackageModelList.length > 1)!;
    const common = { carrier: 'japan_post' as const, trackingNumber: '1234-5678-9012', shippedAt: '2026-11-21' };
    const result = await rig.connector.exportShipments([
      { orderId: cancelled, ...common },
      { orderId: multi.orderNumber, ...common },
      { orderId: multi.orderNumber, deliveryId: String(multi.PackageModelList[1]!.basketId), ...common },
      { orderId: good, ...common },
    ]);
    expect(result.results.map((r) => r.ok)).toEqual([false, false, true, true]);
    const [first, second] = result.results;
    if (first && !first.ok) expect(OrderStateError.isInstance(first.error)).toBe(true);
    if (second && !second.ok) {
      expect(InvalidRequestError.isInstance(second.error)).toBe(true);
      expect((second.error as InvalidRequestError).field).toBe('updates[1].deliveryId');
    }
  });

  it('refuses an order Rakuten has not cleared for shipping, before sending: 100 (confirm first) and 200 (Rakuten still processing); it ships once at 300', async () => {
    rig = startRig(seeds(40));
    const pending = rig.sandbox.orders().find((o) => o.orderProgress === 100 && o.postagePrice !== -9999 && o.PackageModelList.length === 1)!.orderNumber;
    const update = { orderId: pending, carrier: 'japan_post' as const, trackingNumber: '1234-5678-9012', shippedAt: '2026-11-21' };
    const unconfirmed = (await rig.connector.exportShipments([update])).results[0];
    expect(unconfirmed?.ok).toBe(false);
    if (unconfirmed && !unconfirmed.ok) {
      expect(OrderStateError.isInstance(unconfirmed.error)).toBe(true);
      expect(unconfirmed.error.hint?.ja).toContain('先に注文確認');
    }
    await rig.connector.confirmOrders([pending]);
    const processing = (await rig.connector.exportShipments([update])).results[0];
    expect(processing?.ok).toBe(false);
    if (processing && !processing.ok) {
      expect(OrderStateError.isInstance(processing.error)).toBe(true);
      expect(processing.error.message).toContain('orderProgress 200');
      expect(processing.error.hint?.ja).toContain('楽天処理中');
    }
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderShipping' })).toBe(0);
    rig.sandbox.clock.advance(60_000);
    expect((await rig.connector.exportShipments([update])).results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(rig.sandbox.order(pending)?.orderProgress).toBe(500);
  });

  it('the sandbox refuses a shipment at 100 or 200 too, as vendor manuals say Rakuten does', async () => {
    rig = startRig(seeds(40));
    const order = rig.sandbox.orders().find((o) => o.orderProgress === 100)!;
    const answer = await fetch('https://api.rms.rakuten.co.jp/es/2.0/order/updateOrderShipping/', {
      method: 'POST',
      headers: { authorization: `ESA ${Buffer.from('SP_sandbox_service_secret:SL_sandbox_license_key').toString('base64')}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ orderNumber: order.orderNumber, BasketidModelList: [{ basketId: order.PackageModelList[0]!.basketId, ShippingModelList: [{ deliveryCompany: '1001', shippingNumber: '491234567890', shippingDate: '2026-11-21' }] }] }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { MessageModelList: Array<{ messageCode: string }> }).MessageModelList[0]?.messageCode).toBe('ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_103');
    expect(order.PackageModelList[0]!.ShippingModelList ?? []).toHaveLength(0);
  });

  it('a lost correction is not reported done because the number is already there: the date and carrier read back must match what was sent', async () => {
    rig = startRig(seeds(40));
    const order = single(rig);
    const update = { orderId: order.orderNumber, carrier: 'yamato' as const, trackingNumber: '4912-3456-7890', shippedAt: '2026-11-20' };
    expect((await rig.connector.exportShipments([update])).succeeded).toBe(1);
    // The correction never reaches Rakuten: the connection drops before it is processed.
    rig.sandbox.kit.faults.inject({ kind: 'reset' }, { operation: 'updateOrderShipping' });
    const result = await rig.connector.exportShipments([{ ...update, shippedAt: '2026-11-21' }]);
    const outcome = result.results[0];
    expect(outcome?.ok).toBe(false);
    if (outcome && !outcome.ok) expect(NetworkError.isInstance(outcome.error)).toBe(true);
    expect(order.PackageModelList[0]!.ShippingModelList![0]!.shippingDate).toBe('2026-11-20');
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderShipping' })).toBe(2);
  });

  it('refuses an update naming item lines before sending: Rakuten records shipments per destination only', async () => {
    rig = startRig(seeds(40));
    const order = single(rig);
    const error = await rejection(
      rig.connector.exportShipments([{ orderId: order.orderNumber, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21', items: [{ lineId: '1', quantity: 1 }] }]),
    );
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as ValidationError).field).toBe('updates[0].items');
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('an order whose state cannot be read fails alone as UnreadableOrderError, not as "no such order"', async () => {
    rig = startRig(seeds(40));
    const [broken, good] = rig.sandbox.orders().filter((o) => o.orderProgress === 300 && o.PackageModelList.length === 1);
    rig.sandbox.store.change(broken!.orderNumber, (o) => void ((o as { orderProgress: unknown }).orderProgress = 'three hundred'));
    const common = { carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: '2026-11-21' };
    const result = await rig.connector.exportShipments([{ orderId: broken!.orderNumber, ...common }, { orderId: good!.orderNumber, ...common }]);
    const [first, second] = result.results;
    expect(first?.ok).toBe(false);
    if (first && !first.ok) {
      expect(UnreadableOrderError.isInstance(first.error), String(first.error)).toBe(true);
      expect(first.error.message).toContain('orderProgress');
    }
    expect(second).toMatchObject({ ok: true });
  });

  it('a carrier Rakuten has no code for goes as 1000 その他 with a warning', async () => {
    rig = startRig(seeds(40));
    const id = single(rig).orderNumber;
    const result = await rig.connector.exportShipments([{ orderId: id, carrier: { code: 'other', name: 'トールエクスプレス' }, trackingNumber: 'TX-1', shippedAt: '2026-11-22' }]);
    expect(result.results[0]).toMatchObject({ ok: true });
    const first = result.results[0];
    if (first?.ok) expect(first.warnings[0]).toContain('1000');
  });
});

import { generateSeedOrders } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, seeds as seedOrders, setup, type Setup } from './harness.js';

const seeds = (count = 8) => seedOrders(count, 11);

describe('listOrders and the normalized order', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('sees an order released from fraud review after its OrderTime window was read, by PublicationTime, once', async () => {
    // includeFraudHeld false: FraudHoldDisplayType=0, so the held order is invisible, as on Yahoo by default.
    const window = { from: '2026-11-09T00:00:00+09:00', to: '2026-11-21T00:00:00+09:00' };
    env = setup('2026-11-22T10:00:00+09:00', { includeFraudHeld: false });
    const adapted = env.sandbox.seed(seeds());
    const held = adapted[3]?.id ?? '';
    env.sandbox.holdForFraudReview(held);
    const first = await collect(env.connector.listOrders(window));
    expect(first.map((o) => o.id)).not.toContain(held);
    // Released on the 22nd: its OrderTime (the 13th) is old, its PublicationTime new.
    env.sandbox.releaseFraudHold(held);
    const since = await collect(env.connector.listOrders({ from: '2026-11-22T09:00:00+09:00', to: '2026-11-22T23:00:00+09:00' }));
    expect(since.map((o) => o.id)).toEqual([held]);
    const both = await collect(env.connector.listOrders({ from: '2026-11-09T00:00:00+09:00', to: '2026-11-22T23:00:00+09:00' }));
    expect(both.filter((o) => o.id === held)).toHaveLength(1);
    expect(both).toHaveLength(adapted.length);
  });

  it('includes held orders by default, flagged fraudReview and on_hold', async () => {
    env = setup();
    const adapted = env.sandbox.seed(seeds(5));
    env.sandbox.holdForFraudReview(adapted[0]?.id ?? '');
    const orders = await collect(env.connector.listOrders({ from: '2026-11-09T00:00:00+09:00' }));
    const held = orders.find((o) => o.id === adapted[0]?.id);
    expect(held?.flags.fraudReview).toBe(true);
    expect(held?.status.code).toBe('on_hold');
    expect(orders).toHaveLength(5);
  });

  it('pages through 2,000 per call by Start/TotalCount', async () => {
    env = setup();
    const many = generateSeedOrders({ count: 2100, seed: 3, from: '2026-11-01T00:00:00+09:00', to: '2026-11-20T00:00:00+09:00' });
    env.sandbox.seed(many);
    // getPayments pages orderList exactly like listOrders, without one orderInfo per order.
    const payments = await collect(env.connector.getPayments({ from: '2026-11-01T00:00:00+09:00', to: '2026-11-21T00:00:00+09:00' }));
    expect(new Set(payments.map((p) => p.orderId)).size).toBe(2100);
    const starts = env.sandbox.kit.log.filter({ operation: 'orderList' }).map((e) => /<Start>(\d+)<\/Start>/.exec(e.bodyText)?.[1]);
    expect(starts).toEqual(['1', '2001']);
  });

  it('maps PayMethod by code, ShipRequestTime through the time-slot mapper, CDATA text, options and inscriptions', async () => {
    // PayMethodName is not mapped (names change): asked as an extra field, it shows in order.raw.
    env = setup('2026-11-22T10:00:00+09:00', { mappers: { paymentMethod: { payment_e3: 'bank_transfer' }, timeSlot: { 夜間: '19-21' } }, extraOrderInfoFields: ['PayMethodName'] });
    const [seed] = env.sandbox.seed(seeds(1));
    const record = env.sandbox.orders.get(seed?.id ?? '');
    if (!record) throw new Error('no record');
    record.Pay.PayMethod = 'payment_a17';
    record.Pay.PayMethodName = '名前は変わる & <変わった>';
    record.Ship.ShipRequestTime = '14:00～16:00';
    record.order.BuyerComments = 'のし紙は <外のし> & 赤白 ]]> で';
    record.order.OrderTime = '20261113091500';
    record.order.IsReadOnly = '1';
    record.order.Suspect = '1';
    const first = record.Item[0];
    if (first) {
      first.options = [{ Index: '1', Name: 'カラー', Value: 'ネイビー' }];
      first.inscriptions = [{ Index: '1', Name: '名入れ', Value: '山田' }];
    }
    let [order] = await env.connector.getOrders([seed?.id ?? '']);
    expect(order?.payment.method).toEqual({ code: 'paypay', raw: 'payment_a17' });
    expect(order?.deliveries[0]?.timeSlot).toEqual({ code: '14-16', raw: '14:00～16:00' });
    expect(order?.notes.buyerComment).toBe('のし紙は <外のし> & 赤白 ]]> で');
    expect(order?.raw.Pay?.PayMethodName).toBe('名前は変わる & <変わった>');
    expect(order?.orderedAt).toBe('2026-11-13T09:15:00+09:00');
    expect(order?.flags).toMatchObject({ buyerMayCancel: true, suspect: true });
    expect(order?.deliveries[0]?.items[0]).toMatchObject({ options: [{ name: 'カラー', value: 'ネイビー' }], notes: ['名入れ: 山田'] });
    expect(Array.isArray(order?.raw.Item)).toBe(true);

    record.Pay.PayMethod = 'payment_e3';
    record.Ship.ShipRequestTime = '夜間';
    [order] = await env.connector.getOrders([seed?.id ?? '']);
    expect(order?.payment.method).toEqual({ code: 'bank_transfer', raw: 'payment_e3' });
    expect(order?.deliveries[0]?.timeSlot).toEqual({ code: '19-21', raw: '夜間' });

    record.Pay.PayMethod = 'payment_e9';
    [order] = await env.connector.getOrders([seed?.id ?? '']);
    expect(order?.payment.method).toEqual({ code: 'unmapped', raw: 'payment_e9' });
    expect(order?.warnings.map((w) => w.field)).toContain('payment.method');
  });

  it('maps 出荷可 to ready_to_ship, and an OrderStatus/ShipStatus pair it does not know to unmapped with a warning', async () => {
    env = setup();
    const [seed] = env.sandbox.seed(seeds(1));
    const id = seed?.id ?? '';
    const read = async (order: string, ship: string) => {
      env.sandbox.orders.update(id, (record) => {
        Object.assign(record.order, { OrderStatus: order, IsSeen: 'true', FraudHoldStatus: '0' });
        record.Ship.ShipStatus = ship;
      });
      const [found] = await env.connector.getOrders([id]);
      return { status: found?.status, warnings: found?.warnings.filter((w) => w.field === 'status').map((w) => [w.code, w.raw]) };
    };
    expect(await read('2', '1')).toEqual({ status: { code: 'ready_to_ship', raw: '2/1' }, warnings: [] });
    expect(await read('2', '9')).toEqual({ status: { code: 'unmapped', raw: '2/9' }, warnings: [['unmapped_value', '2/9']] });
    expect(await read('8', '1')).toEqual({ status: { code: 'unmapped', raw: '8/1' }, warnings: [['unmapped_value', '8/1']] });
  });

  it('computes goods from the lines and keeps Yahoo totals as billed', async () => {
    env = setup();
    const [seed] = env.sandbox.seed(seeds(1));
    const [order] = await env.connector.getOrders([seed?.id ?? '']);
    expect(order?.amounts.goods).toBe(seed?.amounts.goods);
    expect(order?.amounts.billed).toBe(seed?.amounts.billed);
    expect(order?.buyer.postalCode).toMatch(/^\d{7}$/);
  });

  it('getPayments reads PayStatus / PayDate from orderList, by window and by ids', async () => {
    env = setup();
    const adapted = env.sandbox.seed(seeds(6));
    const all = await collect(env.connector.getPayments({ from: '2026-11-09T00:00:00+09:00' }));
    expect(all.map((p) => p.orderId).sort()).toEqual(adapted.map((s) => s.id).sort());
    for (const record of all) {
      const seed = adapted.find((s) => s.id === record.orderId);
      expect(record.state === 'paid').toBe(seed?.paidAt !== null && seed?.status !== 'cancelled');
    }
    const one = await collect(env.connector.getPayments({ orderIds: [adapted[0]?.id ?? ''] }));
    expect(one.map((p) => p.orderId)).toEqual([adapted[0]?.id]);
    expect(env.sandbox.kit.log.filter({ operation: 'orderList' }).at(-1)?.bodyText).toContain(`<OrderId>${adapted[0]?.id}</OrderId>`);
  });
});

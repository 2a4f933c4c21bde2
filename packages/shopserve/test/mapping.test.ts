import { carrierMapper, paymentMethodMapper, timeSlotMapper, type ConnectorMappers } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { shopserveOrderSchema, type ShopserveOrder } from '../src/api/order-record.js';
import { DEFAULT_WIRE_PROFILE } from '../src/api/wire-profile.js';
import { orderNumberOf } from '../src/index.js';
import { toOrder } from '../src/mapping/order.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { collect, startRig, type Rig } from './harness.js';

const mappers: ConnectorMappers = { carrier: carrierMapper, paymentMethod: paymentMethodMapper, timeSlot: timeSlotMapper };
const context = { shopId: 'gift-shop', mappers, wire: DEFAULT_WIRE_PROFILE };

/** The sample with some of its basic block replaced. */
function withBasic(change: Record<string, unknown>): unknown {
  return { ...SAMPLE_ORDER, basic: { ...SAMPLE_ORDER.basic, ...change } };
}

function normalize(wire: unknown) {
  return toOrder(shopserveOrderSchema.parse(wire), context, []);
}

describe('a Shopserve order in the normalized model', () => {
  it('maps every field of a realistic order, the serial_code as id and the order number kept raw', () => {
    const order = normalize(SAMPLE_ORDER);
    expect({ ...order, raw: undefined }).toEqual({
      mall: 'shopserve',
      shopId: 'gift-shop',
      id: '300000004711',
      status: {
        code: 'confirmed',
        raw: 'cancelled=No; confirmation_status=Confirmed; payment_status=Authorized; deposit_status=NotDeposited; shipping_status=NotShipped',
      },
      orderedAt: '2026-11-18T21:04:37+09:00',
      updatedAt: '2026-11-19T09:12:05+09:00',
      confirmedAt: null,
      buyer: {
        name: '佐藤 美咲',
        familyName: '佐藤',
        givenName: '美咲',
        nameKana: 'サトウ ミサキ',
        companyName: null,
        postalCode: '1500001',
        prefecture: '東京都',
        city: '渋谷区',
        addressLines: ['神宮前1-2-3', 'メゾン神宮前 405'],
        phone: '090-1234-5678',
        email: 'misaki.sato@example.jp',
        country: 'JP',
      },
      deliveries: [
        {
          deliveryId: '1',
          recipient: {
            name: '佐藤 一郎',
            familyName: '佐藤',
            givenName: '一郎',
            nameKana: 'サトウ イチロウ',
            companyName: null,
            postalCode: '5300001',
            prefecture: '大阪府',
            city: '大阪市北区',
            addressLines: ['梅田3-1-1'],
            phone: '06-1234-5678',
            email: null,
            country: 'JP',
          },
          items: [
            { lineId: '1', productId: 'gift-ham-01', sku: null, name: '【お歳暮】国産ロースハムギフト', quantity: 1, unitPrice: 5400, taxRate: 0.08, options: [{ name: 'のし', value: '御歳暮' }], notes: [] },
            { lineId: '2', productId: 'gift-ham-02', sku: 'gift-ham-02-l', name: '【お歳暮】ベーコン詰め合わせ', quantity: 2, unitPrice: 2700, taxRate: 0.08, options: [{ name: 'サイズ', value: 'L' }], notes: [] },
          ],
          carrier: { code: 'yamato', raw: 'ヤマト運輸' },
          shippingMethod: '宅配便',
          requestedDate: '2026-11-23',
          timeSlot: { code: '14-16', raw: '14時～16時' },
          shipments: [],
        },
      ],
      amounts: { goods: 10800, shipping: 880, fees: 330, discounts: 500, points: 300, coupons: 0, tax: 872, total: 11510, billed: 11210 },
      payment: { method: { code: 'credit_card', raw: 'クレジットカード決済' }, paidAt: null },
      flags: {
        fraudReview: false,
        suspect: false,
        provisional: false,
        buyerMayCancel: false,
        gift: true,
        multipleDestinations: false,
        preorder: false,
        deliveryPromise: false,
        business: false,
      },
      notes: { buyerComment: 'のしは外のしでお願いします', shopMemo: null },
      warnings: [],
      raw: undefined,
    });
    expect(orderNumberOf(order)).toBe('10004711');
    // Unknown keys stay in raw.
    expect((order.raw.basic as unknown as Record<string, unknown>)['campaign_code']).toBe('WINTER2026');
  });

  it.each([
    ['a cancelled order', { cancelled: 'Yes', shipping_status: 'Shipped' }, 'cancelled'],
    ['完了', { order_status: 'Completed', shipping_status: 'Shipped' }, 'completed'],
    ['発送済', { shipping_status: 'Shipped' }, 'shipped'],
    ['未確認', { confirmation_status: 'Unconfirmed' }, 'pending_confirmation'],
    ['確認済, card not yet 入金済', {}, 'confirmed'],
    ['確認済, bank transfer not yet 入金済', { payment_method: '銀行振込(前払い)' }, 'awaiting_payment'],
    ['確認済, bank transfer 入金済', { payment_method: '銀行振込(前払い)', deposit_status: 'Deposited', deposited_at: '2026-11-19 08:30:00' }, 'confirmed'],
    ['Japanese labels: 確認済・発送済み', { confirmation_status: '確認済', shipping_status: '発送済み' }, 'shipped'],
    ['Japanese labels: 未確認・未発送', { confirmation_status: '未確認', shipping_status: '未発送' }, 'pending_confirmation'],
  ])('derives the status from the axes: %s', (_name, change, code) => {
    expect(normalize(withBasic(change)).status.code).toBe(code);
  });

  it('reports an axis value it does not know as unmapped, with every axis raw, instead of guessing', () => {
    const status = normalize(withBasic({ shipping_status: '一部発送' })).status;
    expect(status).toEqual({ code: 'unmapped', raw: expect.stringContaining('shipping_status=一部発送') });
  });

  it('does not take an order without 確認/発送 fields for a pending one: the field names must differ', () => {
    const status = normalize(withBasic({ confirmation_status: null, shipping_status: null, cancelled: null, deposit_status: null, payment_status: null })).status;
    expect(status).toEqual({ code: 'unmapped', raw: '(no status fields)' });
  });

  it('reads the recorded shipment (one tracking number per order) and the payment date', () => {
    const order = normalize(
      withBasic({ shipping_status: 'Shipped', tracking_number: '4912-3456-7890', delivery_company: '佐川急便', scheduled_shipping_date: '2026-11-19', deposited_at: '2026-11-19T08:00:00+09:00' }),
    );
    expect(order.deliveries[0]?.shipments).toEqual([{ carrier: { code: 'sagawa', raw: '佐川急便' }, trackingNumber: '4912-3456-7890', shippedOn: '2026-11-19' }]);
    expect(order.payment.paidAt).toBe('2026-11-19T08:00:00+09:00');
  });

  it('keeps a payment method no table knows as unmapped, and the shop can map it', () => {
    const wire = withBasic({ payment_method: '店頭払い(当店独自)' });
    expect(normalize(wire).payment.method).toEqual({ code: 'unmapped', raw: '店頭払い(当店独自)' });
    const shopMappers = { ...mappers, paymentMethod: paymentMethodMapper.withOverrides({ '店頭払い(当店独自)': 'other' }) };
    expect(toOrder(shopserveOrderSchema.parse(wire), { ...context, mappers: shopMappers }, []).payment.method).toEqual({ code: 'other', raw: '店頭払い(当店独自)' });
  });

  it('warns instead of failing on values it cannot read, and on a missing detail block', () => {
    const { detail: _omitted, ...basicOnly } = SAMPLE_ORDER;
    const order = normalize({ ...basicOnly, basic: { ...SAMPLE_ORDER.basic, amounts: { ...SAMPLE_ORDER.basic.amounts, postage: null }, updated_at: 'いつか' } });
    expect(order.deliveries).toEqual([]);
    expect(order.amounts.shipping).toBeNull();
    expect(order.warnings.map((w) => [w.code, w.field])).toEqual([
      ['missing_field', 'deliveries'],
      ['unparsed_value', 'updatedAt'],
      ['missing_field', 'amounts.shipping'],
    ]);
  });

  it('refuses an order whose amount is not integer yen', () => {
    expect(shopserveOrderSchema.safeParse(withBasic({ amounts: { ...SAMPLE_ORDER.basic.amounts, item_total: 10800.5 } })).success).toBe(false);
  });
});

describe('orders through the sandbox', () => {
  let rig: Rig;
  afterEach(() => rig?.close());

  it('lists two orders that share an order number (受注台帳設定 allows it) as two orders, by serial_code', async () => {
    rig = startRig({ seedCount: 0 });
    const twin = { ...SAMPLE_ORDER, serial_code: '300000004712', basic: { ...SAMPLE_ORDER.basic, ordered_at: '2026-11-18T21:10:00+09:00' } };
    rig.sandbox.putOrder(shopserveOrderSchema.parse(SAMPLE_ORDER) as ShopserveOrder);
    rig.sandbox.putOrder(shopserveOrderSchema.parse(twin) as ShopserveOrder);
    const orders = await collect(rig.connector.listOrders({ from: '2026-11-18T00:00:00+09:00' }));
    expect(orders.map((o) => [o.id, orderNumberOf(o)])).toEqual([
      ['300000004711', '10004711'],
      ['300000004712', '10004711'],
    ]);
  });

  it('returns seeds as Shopserve holds them: serial codes as ids, order numbers from 10000001, statuses it can represent', async () => {
    rig = startRig({ seedCount: 30 });
    const orders = await rig.connector.getOrders(rig.seeds.map((s) => s.id));
    expect(orders.map((o) => o.status.code)).toEqual(rig.seeds.map((s) => s.status));
    expect(orders.map(orderNumberOf)[0]).toBe('10000001');
    expect(rig.seeds.every((s) => /^3\d{11}$/.test(s.id))).toBe(true);
    expect(rig.seeds.some((s) => s.status === 'on_hold' || s.flags.fraudReview)).toBe(false);
  });
});

import { paymentMethodMapper, timeSlotMapper, type ConnectorMappers } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { shopserveOrderSchema, type ShopserveOrder } from '../src/api/order-record.js';
import { resolveWireProfile } from '../src/api/wire-overrides.js';
import { DEFAULT_WIRE_PROFILE } from '../src/api/wire-profile.js';
import { shopserveCarrierMapper } from '../src/mapping/carriers.js';
import { toOrder } from '../src/mapping/order.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { collect, startRig, type Rig } from './harness.js';

const mappers: ConnectorMappers = { carrier: shopserveCarrierMapper(DEFAULT_WIRE_PROFILE), paymentMethod: paymentMethodMapper, timeSlot: timeSlotMapper };
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
      displayNumber: '10004711',
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
    // Unknown keys stay in raw (the type lists only the known ones: a typo does not compile).
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

  it('reports an axis value it does not know as unmapped, with every axis raw and a warning naming it', () => {
    const order = normalize(withBasic({ shipping_status: '一部発送' }));
    expect(order.status).toEqual({ code: 'unmapped', raw: expect.stringContaining('shipping_status=一部発送') });
    expect(order.warnings).toEqual([expect.objectContaining({ code: 'unmapped_value', field: 'status.raw.shipping_status', raw: '一部発送' })]);
  });

  it('does not take an order without 確認/発送 fields for a pending one: the field names must differ', () => {
    const order = normalize(withBasic({ confirmation_status: null, shipping_status: null, cancelled: 'No', deposit_status: null, payment_status: null }));
    expect(order.status).toEqual({ code: 'unmapped', raw: 'cancelled=No' });
    expect(order.warnings).toEqual([expect.objectContaining({ code: 'missing_field', field: 'status.raw.shipping_status' })]);
  });

  // Review H1: each of these came out `confirmed` with no warning.
  describe('never calls an unpaid or cancelled order confirmed (review H1)', () => {
    it('a bank transfer under a name of the shop’s own, not 入金済: unmapped, with the payment method warned as unmapped', () => {
      const order = normalize(withBasic({ payment_method: '銀行振込（三菱UFJ銀行）', deposit_status: 'NotDeposited' }));
      expect(order.payment.method).toEqual({ code: 'unmapped', raw: '銀行振込（三菱UFJ銀行）' });
      expect(order.status.code).toBe('unmapped');
      expect(order.warnings.map((w) => [w.code, w.field])).toEqual([
        ['unmapped_value', 'payment.method'],
        ['unmapped_value', 'status'],
      ]);
      // The shop maps its name (変換設定): the order is awaiting payment.
      const shopMappers = { ...mappers, paymentMethod: paymentMethodMapper.withOverrides({ '銀行振込（三菱UFJ銀行）': 'bank_transfer' }) };
      const mapped = toOrder(shopserveOrderSchema.parse(withBasic({ payment_method: '銀行振込（三菱UFJ銀行）', deposit_status: 'NotDeposited' })), { ...context, mappers: shopMappers }, []);
      expect(mapped.status.code).toBe('awaiting_payment');
      expect(mapped.warnings).toEqual([]);
    });

    it('an unmapped method already 入金済 is confirmed: it is paid, whatever the method', () => {
      expect(normalize(withBasic({ payment_method: '当店独自払い', deposit_status: 'Deposited' })).status.code).toBe('confirmed');
    });

    it('no cancelled flag at all: unmapped with a missing_field warning, not "not cancelled"', () => {
      const { cancelled: _flag, ...basic } = SAMPLE_ORDER.basic;
      const order = normalize({ ...SAMPLE_ORDER, basic: { ...basic, order_status: 'キャンセル' } });
      expect(order.status.code).toBe('unmapped');
      expect(order.warnings).toEqual([expect.objectContaining({ code: 'missing_field', field: 'status.raw.cancelled' })]);
    });

    it('a 注文ステータス no one told it about: unmapped with a warning; the shop can declare it open', () => {
      const order = normalize(withBasic({ order_status: 'キャンセル' }));
      expect(order.status.code).toBe('unmapped');
      expect(order.warnings).toEqual([expect.objectContaining({ code: 'unmapped_value', field: 'status.raw.order_status', raw: 'キャンセル' })]);
      const wire = resolveWireProfile({ openOrderStatuses: ['受付中'] });
      const open = toOrder(shopserveOrderSchema.parse(withBasic({ order_status: '受付中' })), { ...context, wire }, []);
      expect([open.status.code, open.warnings]).toEqual(['confirmed', []]);
    });

    it('a failed 決済ステータス is awaiting payment, even for a card', () => {
      expect(normalize(withBasic({ payment_status: 'Failed' })).status.code).toBe('awaiting_payment');
      expect(normalize(withBasic({ payment_status: '与信NG' })).status.code).toBe('awaiting_payment');
    });

    it('an unreadable 入金ステータス is warned about, and decides nothing for a card', () => {
      const card = normalize(withBasic({ deposit_status: '一部入金' }));
      expect(card.status.code).toBe('confirmed');
      expect(card.warnings).toEqual([expect.objectContaining({ code: 'unmapped_value', field: 'status.raw.deposit_status' })]);
      expect(normalize(withBasic({ deposit_status: '一部入金', payment_method: '銀行振込(前払い)' })).status.code).toBe('unmapped');
    });
  });

  it('reads the recorded shipment (one tracking number per order) and the payment date', () => {
    const order = normalize(
      withBasic({ shipping_status: 'Shipped', tracking_number: '4912-3456-7890', delivery_company: '佐川急便', scheduled_shipping_date: '2026-11-19', deposited_at: '2026-11-19T08:00:00+09:00' }),
    );
    expect(order.deliveries[0]?.shipments).toEqual([{ carrier: { code: 'sagawa', raw: '佐川急便' }, trackingNumber: '4912-3456-7890', shippedOn: '2026-11-19' }]);
    expect(order.payment.paidAt).toBe('2026-11-19T08:00:00+09:00');
  });

  it('keeps a payment method no table knows as unmapped with a warning, and the shop can map it', () => {
    const wire = withBasic({ payment_method: '店頭払い(当店独自)' });
    const order = normalize(wire);
    expect(order.payment.method).toEqual({ code: 'unmapped', raw: '店頭払い(当店独自)' });
    expect(order.warnings[0]).toMatchObject({ code: 'unmapped_value', field: 'payment.method', raw: '店頭払い(当店独自)' });
    const shopMappers = { ...mappers, paymentMethod: paymentMethodMapper.withOverrides({ '店頭払い(当店独自)': 'other' }) };
    expect(toOrder(shopserveOrderSchema.parse(wire), { ...context, mappers: shopMappers }, []).payment.method).toEqual({ code: 'other', raw: '店頭払い(当店独自)' });
  });

  it('warns about a time slot and a carrier no table knows; reads a prefecture sent as a JIS code', () => {
    const detail = { deliveries: [{ ...SAMPLE_ORDER.detail.deliveries[0], desired_time: '夕方ごろ', recipient: { ...SAMPLE_ORDER.detail.deliveries[0].recipient, prefecture: '27' } }] };
    const order = normalize({ ...withBasic({ delivery_company: '地元便' }) as object, detail });
    expect(order.warnings.map((w) => [w.code, w.field, w.raw])).toEqual([
      ['unmapped_value', 'deliveries[].carrier', '地元便'],
      ['unmapped_value', 'deliveries[0].timeSlot', '夕方ごろ'],
    ]);
    expect(order.deliveries[0]?.recipient.prefecture).toBe('大阪府');
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
    expect(orders.map((o) => [o.id, o.displayNumber])).toEqual([
      ['300000004711', '10004711'],
      ['300000004712', '10004711'],
    ]);
  });

  it('returns seeds as Shopserve holds them: serial codes as ids, order numbers from 10000001, statuses it can represent', async () => {
    rig = startRig({ seedCount: 30 });
    const orders = await rig.connector.getOrders(rig.seeds.map((s) => s.id));
    expect(orders.map((o) => o.status.code)).toEqual(rig.seeds.map((s) => s.status));
    expect(orders[0]?.displayNumber).toBe('10000001');
    expect(rig.seeds.every((s) => /^3\d{11}$/.test(s.id))).toBe(true);
    expect(rig.seeds.some((s) => s.status === 'on_hold' || s.flags.fraudReview)).toBe(false);
  });
});

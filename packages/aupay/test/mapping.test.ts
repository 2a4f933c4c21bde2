import { afterEach, describe, expect, it } from 'vitest';
import { AUPAY_ORDER_STATUSES } from '../src/index.js';
import { createPaymentMethodTable, paymentTiming } from '../src/mapping/payment.js';
import { createStatusTable } from '../src/mapping/status.js';
import { answerXml, DETAIL_TEA, DETAIL_TSHIRT, orderXml } from './fixtures/orders.js';
import { serveAnswers } from './fixtures/serve.js';
import { collect } from './harness.js';

/** Realistic au PAY answers, read and normalized: what an OMS receives. */

let close: () => void = () => {};
afterEach(() => close());

/** A connector whose every read gets `body`; the server stops after the test. */
const serving: typeof serveAnswers = (body, options) => {
  const served = serveAnswers(body, options);
  close = served.close;
  return served;
};

describe('one order as au PAY sends it', () => {
  it('is normalized: parties, one destination, lines with SKU and options, integer yen, JST times, raw kept', async () => {
    const [order] = await serving(answerXml([orderXml()])).getOrders(['352729794']);
    expect(order).toMatchObject({
      mall: 'aupay',
      shopId: '52800017',
      id: '352729794',
      status: { code: 'ready_to_ship', raw: '発送待ち' },
      orderedAt: '2026-08-05T20:13:00+09:00',
      updatedAt: null,
      buyer: {
        name: '山田 花子',
        familyName: '山田',
        givenName: '花子',
        nameKana: 'ヤマダ ハナコ',
        postalCode: '1500001',
        prefecture: '東京都',
        city: null,
        addressLines: ['渋谷区神宮前1-2-3 サンプルビル101'],
        phone: '090-1234-5678',
        email: 'hanako.yamada@example.jp',
        country: 'JP',
      },
      amounts: { goods: 1080, shipping: 0, fees: 150, discounts: 0, points: 50, coupons: 100, tax: null, total: 1230, billed: 1080 },
      payment: { method: { code: 'carrier_billing', raw: 'au PAY（auかんたん決済）' }, paidAt: null },
      flags: { fraudReview: false, gift: true, preorder: false, multipleDestinations: false },
      notes: { buyerComment: '午前中に届くとうれしいです', shopMemo: null },
      warnings: [],
    });
    expect(order?.deliveries).toHaveLength(1);
    expect(order?.deliveries[0]).toMatchObject({
      deliveryId: '352729794',
      recipient: { name: '山田 太郎', postalCode: '5300001', prefecture: '大阪府', addressLines: ['大阪市北区梅田1-1-1'], email: null },
      shippingMethod: '宅配便',
      requestedDate: '2026-08-08',
      timeSlot: { code: '08-12', raw: '午前中' },
      carrier: null,
      shipments: [],
    });
    expect(order?.deliveries[0]?.items).toEqual([
      {
        lineId: '1',
        productId: 'tsh-001',
        sku: 'tsh-001-rd-m',
        name: 'オーガニックコットンTシャツ',
        quantity: 2,
        unitPrice: 540,
        taxRate: 0.1,
        options: [{ name: 'カラー', value: 'レッド' }, { name: 'サイズ', value: 'M' }],
        notes: ['ギフト包装: ラッピング（有料）', '値引: 60円/個（単価に反映済み）'],
      },
    ]);
    expect(order?.raw.orderId).toBe('352729794');
    expect(order?.raw.detail[0]?.lotnumber).toBe('123456789');
  });

  it('reads a shipped order: carrier code, tracking number and ship date', async () => {
    const body = answerXml([orderXml([DETAIL_TSHIRT], { orderStatus: '完了', shipStatus: 'Y', shipDate: '2026/08/06', shippingCarrier: '1', shippingNumber: '491234567890', paymentStatus: 'Y' })]);
    const [order] = await serving(body).getOrders(['352729794']);
    expect(order?.status).toEqual({ code: 'completed', raw: '完了' });
    expect(order?.deliveries[0]?.shipments).toEqual([{ carrier: { code: 'yamato', raw: '1' }, trackingNumber: '491234567890', shippedOn: '2026-08-06' }]);
  });

  it('keeps the seconds of an orderDate that has them', async () => {
    const [order] = await serving(answerXml([orderXml([DETAIL_TSHIRT], { orderDate: '2026/08/05 20:13:07' })])).getOrders(['352729794']);
    expect(order?.orderedAt).toBe('2026-08-05T20:13:07+09:00');
  });

  it('reads lines at 10% and 8%, a list of details, and says when the amounts do not add up', async () => {
    const body = answerXml([orderXml([DETAIL_TSHIRT, DETAIL_TEA], { totalSalePrice: '2280', totalPrice: '2500', requestPrice: '2350' })]);
    const [order] = await serving(body).getOrders(['352729794']);
    expect(order?.deliveries[0]?.items.map((item) => [item.productId, item.sku, item.taxRate, item.options.length])).toEqual([
      ['tsh-001', 'tsh-001-rd-m', 0.1, 2],
      ['tea-100', 'tea-100', 0.08, 0],
    ]);
    expect(order?.warnings.map((w) => [w.code, w.field])).toEqual([['inconsistent_amounts', 'amounts.total']]);
  });

  it('takes the first of a repeated scalar and says so', async () => {
    const body = answerXml([orderXml().replace('<settlementName>au PAY（auかんたん決済）</settlementName>', '<settlementName>クレジットカード決済</settlementName><settlementName>クレジットカード</settlementName>')]);
    const [order] = await serving(body).getOrders(['352729794']);
    expect(order?.payment.method).toEqual({ code: 'credit_card', raw: 'クレジットカード決済' });
    expect(order?.warnings.map((w) => [w.code, w.field])).toEqual([['repeated_value', 'raw.settlementName']]);
  });

  it('reports a shop-defined status as unmapped with a warning, and maps it when customStatuses says what it means', async () => {
    const body = answerXml([orderXml([DETAIL_TSHIRT], { orderStatus: '同梱待ち' })]);
    const [plain] = await serving(body).getOrders(['352729794']);
    expect(plain?.status).toEqual({ code: 'unmapped', raw: '同梱待ち' });
    expect(plain?.warnings.map((w) => [w.code, w.field, w.raw])).toEqual([['unmapped_value', 'status', '同梱待ち']]);
    close();
    const [mapped] = await serving(body, { customStatuses: { 同梱待ち: 'on_hold' } }).getOrders(['352729794']);
    expect(mapped?.status).toEqual({ code: 'on_hold', raw: '同梱待ち' });
    expect(mapped?.warnings).toEqual([]);
  });

  it('marks fraud review and reservations', async () => {
    const [fraud] = await serving(answerXml([orderXml([DETAIL_TSHIRT], { orderStatus: '不正取引審査中' })])).getOrders(['352729794']);
    expect(fraud?.flags.fraudReview).toBe(true);
    expect(fraud?.status.code).toBe('on_hold');
    close();
    const [reserved] = await serving(answerXml([orderXml([DETAIL_TSHIRT], { orderStatus: '新規予約', sellMethodSegment: '2' })])).getOrders(['352729794']);
    expect(reserved?.flags.preorder).toBe(true);
    expect(reserved?.status.code).toBe('pending_confirmation');
  });
});

describe('lists of orders', () => {
  it('reads one orderInfo with one detail (single elements) and several orders with several details (lists) alike', async () => {
    const single = await collect(serving(answerXml([orderXml()])).listOrders({ from: '2026-08-05T00:00:00+09:00', to: '2026-08-05T23:59:59+09:00' }));
    expect(single.map((o) => [o.id, o.deliveries[0]?.items.length])).toEqual([['352729794', 1]]);
    close();
    const body = answerXml([orderXml([DETAIL_TSHIRT, DETAIL_TEA]), orderXml([DETAIL_TEA], { orderId: '352729795', orderDate: '2026/08/05 21:00' })]);
    const many = await collect(serving(body).listOrders({ from: '2026-08-05T00:00:00+09:00', to: '2026-08-05T23:59:59+09:00' }));
    expect(many.map((o) => [o.id, o.deliveries[0]?.items.length])).toEqual([['352729794', 2], ['352729795', 1]]);
  });

  it('drops the orders of a searched day that fall outside the query', async () => {
    const body = answerXml([orderXml(), orderXml([DETAIL_TEA], { orderId: '352729795', orderDate: '2026/08/05 09:00' })]);
    const orders = await collect(serving(body).listOrders({ from: '2026-08-05T12:00:00+09:00', to: '2026-08-05T23:00:00+09:00' }));
    expect(orders.map((o) => o.id)).toEqual(['352729794']);
  });
});

describe('the status table', () => {
  it('maps every au PAY status', () => {
    const table = createStatusTable({});
    const mapped = Object.fromEntries(Object.keys(AUPAY_ORDER_STATUSES).map((name) => [name, table.toStatus(name).code]));
    expect(mapped).toEqual({
      新規受付: 'pending_confirmation',
      新規予約: 'pending_confirmation',
      予約中: 'confirmed',
      発送前入金待ち: 'awaiting_payment',
      与信待ち: 'awaiting_payment',
      発送待ち: 'ready_to_ship',
      発送後入金待ち: 'shipped',
      完了: 'completed',
      保留: 'on_hold',
      キャンセル: 'cancelled',
      キャンセル受付中: 'cancel_requested',
      不正取引審査中: 'on_hold',
      審査保留: 'on_hold',
      審査NG: 'on_hold',
    });
    expect(table.toStatus('出荷待ち')).toEqual({ code: 'ready_to_ship', raw: '出荷待ち' });
  });

  it('gives the names to search for, the shop statuses included', () => {
    expect(createStatusTable({ 同梱待ち: 'ready_to_ship' }).namesFor(['ready_to_ship', 'cancelled'])).toEqual(['発送待ち', 'キャンセル', '同梱待ち']);
    expect(createStatusTable({}).namesFor(['delivered'])).toEqual([]);
  });
});

describe('payment methods by name, across au PAY\'s renames', () => {
  const table = createPaymentMethodTable();
  it.each([
    ['au PAY（auかんたん決済）', 'carrier_billing'],
    ['auかんたん決済', 'carrier_billing'],
    ['クレジットカード決済', 'credit_card'],
    ['au PAY カード決済（クレジットカード）', 'credit_card'],
    ['au Wowma!コンビニ決済', 'convenience_store'],
    ['au PAY マーケットコンビニ決済', 'convenience_store'],
    ['銀行振込', 'bank_transfer'],
    ['じぶん銀行決済', 'bank_transfer'],
    ['郵便振替', 'postal_transfer'],
    ['代金引換', 'cash_on_delivery'],
    ['auポイントで全額支払う', 'points_only'],
    ['全額auポイント支払い', 'points_only'],
    ['ポイントで全額支払う', 'points_only'],
    ['au PAY', 'au_pay'],
  ])('%s → %s, raw kept', (name, code) => {
    expect(table.map(name)).toEqual({ code, raw: name });
  });

  it('leaves a name no rule knows unmapped, never guessed, and takes the shop\'s override', () => {
    expect(table.map('ATM決済')).toEqual({ code: 'unmapped', raw: 'ATM決済' });
    expect(paymentTiming(table.map('ATM決済'))).toBe('before_shipping');
    expect(createPaymentMethodTable({ ATM決済: 'pay_easy' }).map('ATM決済')).toEqual({ code: 'pay_easy', raw: 'ATM決済' });
    expect(table.map('')).toBeNull();
  });
});

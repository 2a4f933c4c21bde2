import { afterEach, describe, expect, it } from 'vitest';
import type { AmazonOrder2026 } from '../src/api/orders-2026.js';
import { amazonWindows } from '../src/mapping/order.js';
import { createRig, NOW, type TestRig } from './helpers.js';

let rig: TestRig | undefined;
afterEach(() => rig?.close());

const yen = (amount: string) => ({ amount, currencyCode: 'JPY' });

/** A merchant-fulfilled Prime business order paid cash on delivery, in the v2026 wire shape. */
function wireOrder(overrides: Partial<AmazonOrder2026> = {}): AmazonOrder2026 {
  return {
    orderId: '503-4711000-0000001',
    createdTime: '2026-11-20T01:00:00Z',
    lastUpdatedTime: '2026-11-20T02:30:00Z',
    programs: ['PRIME', 'AMAZON_BUSINESS'],
    salesChannel: { channelName: 'Amazon.co.jp', marketplaceId: 'A1VC38T7YXB528', marketplaceName: 'Amazon.co.jp' },
    buyer: { buyerName: '高橋 一郎', buyerEmail: 'x1y2z3@marketplace.amazon.co.jp', buyerCompanyName: '高橋商店' },
    recipient: {
      deliveryAddress: {
        name: '高橋 二郎',
        addressLine1: '丸の内1-1-1',
        city: '千代田区',
        stateOrRegion: '東京都',
        postalCode: '100-0005',
        countryCode: 'JP',
        phone: '0300000000',
        addressType: 'RESIDENTIAL',
      },
    },
    proceeds: { grandTotal: yen('3630.00') },
    payment: { paymentExecutions: [{ paymentMethod: 'CashOnDelivery', paymentAmount: yen('3630') }] },
    fulfillment: {
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'Standard',
      shipByWindow: { earliestDateTime: '2026-11-20T01:00:00Z', latestDateTime: '2026-11-21T14:59:59Z' },
      deliverByWindow: { earliestDateTime: '2026-11-22T15:00:00Z', latestDateTime: '2026-11-24T14:59:59Z' },
    },
    orderItems: [
      {
        orderItemId: '40000000000001',
        quantityOrdered: 2,
        product: { asin: 'B0TEST0001', title: '煎茶 100g', sellerSku: 'SENCHA-100', price: { unitPrice: yen('1500') } },
        proceeds: {
          proceedsTotal: yen('3630'),
          breakdowns: [
            { type: 'ITEM', subtotal: yen('3000') },
            { type: 'SHIPPING', subtotal: yen('500') },
            { type: 'COD_FEE', subtotal: yen('330') },
            { type: 'DISCOUNT', subtotal: yen('-200') },
          ],
        },
      },
    ],
    ...overrides,
  };
}

describe('mapping a v2026 order', () => {
  it('money to integer yen, buyer and recipient, status, windows, program flags and COD', async () => {
    rig = createRig([], NOW);
    const wire = wireOrder();
    rig.sandbox.orders.put(wire);
    const [order] = await rig.connector.getOrders([wire.orderId]);
    if (!order) throw new Error('no order');
    expect(order.orderedAt).toBe('2026-11-20T10:00:00+09:00');
    expect(order.status).toEqual({ code: 'ready_to_ship', raw: 'UNSHIPPED' });
    expect(order.amounts).toEqual({ goods: 3000, shipping: 500, fees: 330, discounts: 200, points: null, coupons: null, tax: null, total: 3630, billed: 3630 });
    expect(order.payment.method).toEqual({ code: 'cash_on_delivery', raw: 'CashOnDelivery' });
    expect(order.flags).toMatchObject({ deliveryPromise: true, business: true, preorder: false, provisional: false });
    expect(order.buyer).toMatchObject({ name: '高橋 一郎', familyName: '高橋', givenName: '一郎', companyName: '高橋商店', email: 'x1y2z3@marketplace.amazon.co.jp' });
    const delivery = order.deliveries[0];
    expect(delivery?.recipient).toMatchObject({ name: '高橋 二郎', postalCode: '1000005', prefecture: '東京都', city: '千代田区', addressLines: ['丸の内1-1-1'], country: 'JP' });
    expect(delivery?.items[0]).toMatchObject({ lineId: '40000000000001', productId: 'B0TEST0001', sku: 'SENCHA-100', quantity: 2, unitPrice: 1500 });
    expect(amazonWindows(order)).toEqual({
      shipBy: { earliest: '2026-11-20T10:00:00+09:00', latest: '2026-11-21T23:59:59+09:00' },
      deliverBy: { earliest: '2026-11-23T00:00:00+09:00', latest: '2026-11-24T23:59:59+09:00' },
    });
    expect(order.warnings).toEqual([]);
  });

  it('order.raw is a named wire type: documented keys are typed, a misspelt one does not compile', async () => {
    rig = createRig([], NOW);
    const wire = wireOrder();
    rig.sandbox.orders.put(wire);
    const [order] = await rig.connector.getOrders([wire.orderId]);
    const raw = order?.raw;
    if (!raw || !('orderId' in raw)) throw new Error('expected the v2026 raw order');
    expect(raw.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    // @ts-expect-error `ordreId` is not a field of AmazonOrder2026 (checked by tsc over the tests)
    expect(raw.ordreId).toBeUndefined();
  });

  it('convenience-store payment, pending orders and amounts that are not whole yen', async () => {
    rig = createRig([], NOW);
    const wire = wireOrder({
      programs: [],
      proceeds: { grandTotal: yen('3630.50') },
      payment: { paymentExecutions: [{ paymentMethod: 'ConvenienceStore' }] },
      fulfillment: { fulfillmentStatus: 'PENDING', fulfilledBy: 'MERCHANT' },
    });
    rig.sandbox.orders.put(wire);
    const [order] = await rig.connector.getOrders([wire.orderId]);
    expect(order?.payment.method).toEqual({ code: 'convenience_store', raw: 'ConvenienceStore' });
    expect(order?.status).toEqual({ code: 'awaiting_payment', raw: 'PENDING' });
    expect(order?.flags).toMatchObject({ provisional: true, deliveryPromise: false, business: false });
    expect(order?.amounts.total).toBeNull();
    expect(order?.warnings).toContainEqual(expect.objectContaining({ code: 'unparsed_value', field: 'amounts.total', raw: '3630.50 JPY' }));
  });

  it('every proceeds category counts: DELIVERY_TIP and OTHER go to fees, so the parts add up to the total without a warning', async () => {
    rig = createRig([], NOW);
    const base = wireOrder();
    const [item] = base.orderItems;
    if (!item) throw new Error('no item');
    const wire = wireOrder({
      proceeds: { grandTotal: yen('3880'), breakdowns: [{ type: 'DELIVERY_TIP', subtotal: yen('200') }] },
      orderItems: [{ ...item, proceeds: { breakdowns: [...(item.proceeds?.breakdowns ?? []), { type: 'OTHER', subtotal: yen('50') }] } }],
    });
    rig.sandbox.orders.put(wire);
    const [order] = await rig.connector.getOrders([wire.orderId]);
    expect(order?.amounts).toMatchObject({ goods: 3000, shipping: 500, fees: 330 + 200 + 50, discounts: 200, total: 3880 });
    expect(order?.warnings).toEqual([]);
  });

  it('amounts that do not add up carry inconsistent_amounts; an item without any price makes goods unknown, not smaller', async () => {
    rig = createRig([], NOW);
    const base = wireOrder();
    const [item] = base.orderItems;
    if (!item) throw new Error('no item');
    const unpriced = { ...item, orderItemId: '40000000000002', product: { asin: 'B0TEST0002', title: '番茶' }, proceeds: { breakdowns: [] } };
    const wrongTotal = wireOrder({ orderId: '503-4711000-0000002', proceeds: { grandTotal: yen('9999') } });
    const partial = wireOrder({ orderId: '503-4711000-0000003', orderItems: [item, unpriced] });
    rig.sandbox.orders.put(wrongTotal);
    rig.sandbox.orders.put(partial);
    const [wrong, missing] = await rig.connector.getOrders([wrongTotal.orderId, partial.orderId]);
    expect(wrong?.warnings).toContainEqual(expect.objectContaining({ code: 'inconsistent_amounts', field: 'amounts.total' }));
    expect(missing?.amounts.goods).toBeNull();
    expect(missing?.warnings).toContainEqual(expect.objectContaining({ code: 'missing_field', field: 'amounts.goods' }));
  });

  it('the v0 path reads COD, Prime and business from v0 fields to the same normalized values', async () => {
    rig = createRig([], NOW, { ordersApi: 'v0' });
    const wire = wireOrder();
    rig.sandbox.orders.put(wire);
    const [order] = await rig.connector.getOrders([wire.orderId]);
    if (!order) throw new Error('no order');
    // What the v0 answers said, kept as order.raw: v0 spellings, no v2026 fields.
    expect(order.raw).toMatchObject({ order: { PaymentMethod: 'COD', IsPrime: true, IsBusinessOrder: true, OrderStatus: 'Unshipped' } });
    expect(order.payment.method).toEqual({ code: 'cash_on_delivery', raw: 'COD' });
    expect(order.status).toEqual({ code: 'ready_to_ship', raw: 'Unshipped' });
    expect(order.flags).toMatchObject({ deliveryPromise: true, business: true });
    expect(order.amounts).toMatchObject({ goods: 3000, shipping: 500, fees: 330, total: 3630 });
    expect(amazonWindows(order).shipBy).toEqual({ earliest: '2026-11-20T10:00:00+09:00', latest: '2026-11-21T23:59:59+09:00' });
  });
});

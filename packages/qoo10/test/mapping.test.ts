import { parseTolerant, paymentMethodMapper } from '@mallkit/core';
import { describe, expect, it } from 'vitest';
import { toOrder } from '../src/mapping/order.js';
import { groupIntoPacks, packSchema } from '../src/mapping/pack.js';
import { packStatus, shippingStatusCode, type LineStatus } from '../src/mapping/status.js';
import { shippingPlanOf } from '../src/mapping/shipping-plan.js';

/**
 * One line of a cart as GetShippingInfo_v3 sends it (fields of the official table; ids as JSON
 * numbers), with `Total = OrderPrice × OrderQty − Discount` as every live row reported has it (spec §7).
 */
const line = (overrides: Record<string, unknown>) => ({
  ShippingStatus: 'On request(2)',
  SellerID: 'shop01',
  PackNo: 12_345_678,
  OrderDate: '2026-11-20 14:03:27',
  PaymentDate: '2026-11-20 14:05:02',
  EstimatedShippingDate: '',
  ShippingDate: '',
  DeliveredDate: '',
  Buyer: '山田 花子',
  BuyerKana: 'ヤマダ ハナコ',
  BuyerTel: '',
  BuyerMobile: '090-1234-5678',
  BuyerEmail: 'hanako@example.jp',
  OrderNo: 700_000_001,
  ItemNo: '1000123456',
  SellerItemCode: 'TS-001',
  ItemTitle: '今治タオル フェイスタオル',
  Option: 'カラー:ネイビー',
  OptionCode: 'NV',
  OrderPrice: 1200,
  OrderQty: 2,
  Discount: 100,
  Total: 2300,
  Receiver: '山田 太郎',
  ReceiverKana: 'ヤマダ タロウ',
  ZipCode: '530-0001',
  ShippingAddress: '大阪府大阪市北区梅田1-1-1 梅田ビル101',
  Address1: '大阪府大阪市北区梅田1-1-1',
  Address2: '梅田ビル101',
  ReceiverTel: '',
  ReceiverMobile: '080-2222-3333',
  DesiredDeliveryDate: '2026-11-25',
  ShippingWay: '一般配送(追跡-O)',
  ShippingMessage: '不在時は宅配ボックスへ',
  PaymentMethod: 'クレジットカード',
  SellerDiscount: 0,
  Currency: 'JPY',
  ShippingRate: 600,
  RelatedOrder: '700000002',
  ShippingRateType: 'Charge',
  DeliveryCompany: '',
  Gift: '',
  CartDiscountSeller: 200,
  CartDiscountQoo10: 300,
  SettlePrice: 2000,
  TrackingNo: '',
  AvailableSendType: '1',
  AvailableShippingDate: '2026-11-24',
  ...overrides,
});

function normalize(lines: unknown[], claims: unknown[] = []) {
  const [wire] = groupIntoPacks(lines, claims);
  const pack = packSchema.parse(wire);
  return toOrder(pack, { shopId: 'shop01', paymentMapper: paymentMethodMapper }, []);
}

describe('a Qoo10 cart in the normalized model', () => {
  it('is one order per PackNo with one item per OrderNo, ids as strings, JST times, integer yen', () => {
    const order = normalize([
      line({}),
      line({ OrderNo: 700_000_002, ShippingStatus: 'Seller confirm(3)', ItemNo: '1000999999', ItemTitle: 'バスタオル', Option: '', OrderPrice: 3000, OrderQty: 1, Discount: 0, Total: 3000, RelatedOrder: '700000001', EstimatedShippingDate: '2026-11-26' }),
    ]);
    expect(order.id).toBe('12345678');
    expect(order.orderedAt).toBe('2026-11-20T14:03:27+09:00');
    expect(order.payment).toEqual({ method: { code: 'credit_card', raw: 'クレジットカード' }, paidAt: '2026-11-20T14:05:02+09:00' });
    // The least advanced line decides: one line still awaits confirmation.
    expect(order.status).toEqual({ code: 'pending_confirmation', raw: 'On request(2) / Seller confirm(3)' });
    expect(order.deliveries).toHaveLength(1);
    const [delivery] = order.deliveries;
    expect(delivery!.deliveryId).toBe('12345678');
    expect(delivery!.items.map((i) => [i.lineId, i.productId, i.quantity, i.unitPrice])).toEqual([
      ['700000001', '1000123456', 2, 1200],
      ['700000002', '1000999999', 1, 3000],
    ]);
    expect(delivery!.items[0]!.options).toEqual([{ name: 'オプション', value: 'カラー:ネイビー' }, { name: 'OptionCode', value: 'NV' }]);
    expect(delivery!.recipient).toMatchObject({ name: '山田 太郎', nameKana: 'ヤマダ タロウ', postalCode: '5300001', prefecture: '大阪府', addressLines: ['大阪府大阪市北区梅田1-1-1', '梅田ビル101'], phone: '080-2222-3333' });
    expect(delivery!.requestedDate).toBe('2026-11-25');
    expect(order.buyer).toMatchObject({ name: '山田 花子', familyName: null, nameKana: 'ヤマダ ハナコ', email: 'hanako@example.jp' });
    // goods = (Total + Discount) per line; shipping and cart discounts repeated on each row count once.
    // Discount and CartDiscountQoo10 are Qoo10's (coupons); CartDiscountSeller is the shop's (discounts).
    expect(order.amounts).toEqual({ goods: 2400 + 3000, shipping: 600, fees: null, discounts: 200, points: null, coupons: 100 + 300, tax: null, total: 5400 + 600 - 200, billed: 5800 - 400 });
    expect(order.warnings).toEqual([]);
    expect(order.flags.preorder).toBe(true);
    expect(order.notes.buyerComment).toBe('不在時は宅配ボックスへ');
    expect(shippingPlanOf(order)).toEqual([
      { lineId: '700000001', availableSendType: '1', availableShippingDate: '2026-11-24', estimatedShippingDate: null },
      { lineId: '700000002', availableSendType: '1', availableShippingDate: '2026-11-24', estimatedShippingDate: '2026-11-26' },
    ]);
  });

  it('reads the status code in parentheses and keeps the label, the sic spelling included', () => {
    expect(['Awaiting shipping(1)', 'On request(2)', 'Seller confirm(3)', 'On delivery(4)', 'Delivere(5)', 'Delivery(4)', 'On Waiting(1)', '2'].map(shippingStatusCode)).toEqual([1, 2, 3, 4, 5, 4, 1, 2]);
    expect(shippingStatusCode('Shipped')).toBeNull();
    const order = normalize([line({ ShippingStatus: 'Delivere(5)', DeliveryCompany: 'ヤマト宅急便', TrackingNo: '491234567890', ShippingDate: '2026-11-21 09:00:00' })]);
    expect(order.status).toEqual({ code: 'delivered', raw: 'Delivere(5)' });
    expect(order.deliveries[0]!.shipments).toEqual([{ carrier: { code: 'yamato', raw: 'ヤマト宅急便' }, trackingNumber: '491234567890', shippedOn: '2026-11-21' }]);
  });

  it('maps the official 1..5 table (not the two public clients that shift it)', () => {
    const statuses = ['Awaiting shipping(1)', 'On request(2)', 'Seller confirm(3)', 'On delivery(4)', 'Delivered(5)'].map((s) => normalize([line({ ShippingStatus: s })]).status.code);
    expect(statuses).toEqual(['awaiting_payment', 'pending_confirmation', 'confirmed', 'shipped', 'delivered']);
  });

  it('takes cancellations from the claims: a fully cancelled cart is seen only through them', () => {
    const claim = { claimStatus: '3', packNo: 12_345_678, orderNo: 700_000_001, orderDate: '2026-11-20 14:03:27', PaymentDate: '2026-11-20 14:05:02', requestDate: '2026-11-20 18:00:00', itemCode: '1000123456', itemTitle: '今治タオル', orderQty: 2, paymentAmount: 2300, buyer: '山田 花子', receiver: '山田 太郎' };
    const order = normalize([], [claim]);
    expect(order.status).toEqual({ code: 'cancelled', raw: 'claimStatus 3' });
    expect(order.deliveries[0]!.items[0]).toMatchObject({ lineId: '700000001', quantity: 2, notes: ['claimStatus 3'] });
    expect(order.amounts.goods).toBe(2300);
    expect(order.warnings.map((w) => w.code)).toEqual(['missing_field', 'missing_field']);
    expect(order.payment.method).toEqual({ code: 'unmapped', raw: '' });
  });

  it('a cancellation requested on one line makes the cart cancel_requested; a cancelled line alone does not cancel the cart', () => {
    const requested = normalize([line({}), line({ OrderNo: 700_000_002 })], [{ claimStatus: '1', packNo: 12_345_678, orderNo: 700_000_002 }]);
    expect(requested.status.code).toBe('cancel_requested');
    const partly = normalize([line({ ShippingStatus: 'Seller confirm(3)' })], [{ claimStatus: '3', packNo: 12_345_678, orderNo: 700_000_002, orderQty: 1, itemTitle: 'バスタオル' }]);
    expect(partly.status.code).toBe('confirmed');
    expect(partly.deliveries[0]!.items.map((i) => i.lineId)).toEqual(['700000001', '700000002']);
    const cancelled: LineStatus = { code: 'cancelled' };
    expect(packStatus([cancelled, cancelled])).toBe('cancelled');
  });

  it('keeps an unknown payment method raw and warns instead of guessing', () => {
    const order = normalize([line({ PaymentMethod: 'Qoo10 Pay Later' })]);
    expect(order.payment.method).toEqual({ code: 'unmapped', raw: 'Qoo10 Pay Later' });
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'payment.method', raw: 'Qoo10 Pay Later' }));
  });

  it('keeps the shop freebie (Gift) as a note, not the gift flag', () => {
    const order = normalize([line({ Gift: 'ハンドタオル1枚' })]);
    expect(order.flags.gift).toBe(false);
    expect(order.deliveries[0]!.items[0]!.notes).toEqual(['おまけ: ハンドタオル1枚']);
  });

  // Issue 15: the rows reach the schema with its conversions made, so that it has nothing to copy.
  it('hands the cart schema ids as text and quantities as numbers, as its transforms would, leaving the rows sent untouched', () => {
    const sent = line({ OrderQty: '2', ItemNo: 1_000_123_456 });
    const claim = { packNo: 12_345_678, orderNo: 700_000_002, claimStatus: 7 };
    const [pack] = groupIntoPacks([sent], [claim]);
    expect(pack!.lines[0]).toMatchObject({ PackNo: '12345678', OrderNo: '700000001', ItemNo: '1000123456', OrderQty: 2 });
    expect(pack!.claims[0]).toMatchObject({ packNo: '12345678', orderNo: '700000002', claimStatus: '7' });
    expect(sent).toMatchObject({ PackNo: 12_345_678, OrderQty: '2' });
    const parsed = parseTolerant(packSchema, pack);
    expect(parsed.success && parsed.data).toBe(pack);
    expect(packSchema.parse(pack)).toEqual(pack);
  });

  it('leaves a value the schema refuses as it came (a non-finite number is no id)', () => {
    const [pack] = groupIntoPacks([line({ ItemNo: Number.NaN, OrderQty: '2x' })], []);
    expect(pack!.lines[0]).toMatchObject({ ItemNo: Number.NaN, OrderQty: '2x' });
    expect(packSchema.safeParse(pack).success).toBe(false);
  });

  it('groups a line seen in two status answers once, keeping the more advanced copy', () => {
    const [pack] = groupIntoPacks([line({}), line({ ShippingStatus: 'Seller confirm(3)' })], []);
    expect(pack!.lines).toHaveLength(1);
    expect((pack!.lines[0] as { ShippingStatus: string }).ShippingStatus).toBe('Seller confirm(3)');
  });

  // Review H5: these came out on_hold without a warning, and an unknown claim code had no effect.
  it.each(['Cancel(6)', '配送要請', '(2) On request', 'Shipped'])('an unreadable ShippingStatus %j makes the cart unmapped, with a warning naming the line', (raw) => {
    const order = normalize([line({ ShippingStatus: raw })]);
    expect(order.status).toEqual({ code: 'unmapped', raw });
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'status', raw }));
    expect(order.warnings.find((w) => w.field === 'status')!.message.en).toContain('700000001');
  });

  it('a claim code not in the table, or a line seen only through an exchange claim, is unmapped with a warning', () => {
    const unknown = normalize([line({})], [{ claimStatus: '7', packNo: 12_345_678, orderNo: 700_000_001 }]);
    expect(unknown.status.code).toBe('unmapped');
    expect(unknown.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'status', raw: 'claimStatus 7' }));
    const exchange = normalize([line({})], [{ claimStatus: '11', packNo: 12_345_678, orderNo: 700_000_002, orderDate: '2026-11-20 14:03:27' }]);
    expect(exchange.status.code).toBe('unmapped');
    expect(exchange.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', raw: 'claimStatus 11' }));
  });

  // Review M1: the cancelled line's paymentAmount was added to goods (17,260 where the live line was 3,300).
  it('leaves a cancelled line out of the amounts, keeps it as an item with a note, and warns', () => {
    const order = normalize(
      [line({ OrderNo: 700_000_002, OrderPrice: 3300, OrderQty: 1, Discount: 0, Total: 3300, ShippingRate: 0, CartDiscountSeller: 0, CartDiscountQoo10: 0 })],
      [{ claimStatus: '3', packNo: 12_345_678, orderNo: 700_000_001, orderDate: '2026-11-20 14:03:27', orderQty: 2, paymentAmount: 13_960, itemTitle: '今治タオル' }],
    );
    expect(order.status.code).toBe('pending_confirmation');
    expect(order.amounts).toMatchObject({ goods: 3300, total: 3300, billed: 3300 });
    expect(order.deliveries[0]!.items.map((i) => [i.lineId, i.notes])).toEqual([
      ['700000002', []],
      ['700000001', ['claimStatus 3']],
    ]);
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'inconsistent_amounts', field: 'amounts' }));
    expect(order.warnings.find((w) => w.code === 'inconsistent_amounts')!.message.en).toContain('700000001');
  });

  // Review L2: SellerDiscount was never read.
  it('keeps SellerDiscount as a note on its item and warns that it is not in the amounts', () => {
    const order = normalize([line({ SellerDiscount: 150 })]);
    expect(order.deliveries[0]!.items[0]!.notes).toEqual(['販売者負担割引: 150円 (SellerDiscount)']);
    expect(order.amounts).toMatchObject({ discounts: 200, coupons: 100 + 300 });
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'inconsistent_amounts', field: 'amounts.discounts', raw: 150 }));
  });

  it('order.raw is closed as a type: a typo in a field name does not compile, while unlisted fields stay at run time', () => {
    const order = normalize([line({ VoucherCode: 'V-1' })]);
    const [row] = order.raw.lines;
    expect(row!.SettlePrice).toBe(2000);
    // @ts-expect-error -- SettlePrise is not a field of a GetShippingInfo_v3 row (wireModel).
    expect(row!.SettlePrise).toBeUndefined();
    expect((row as unknown as Record<string, unknown>)['VoucherCode']).toBe('V-1');
  });
});

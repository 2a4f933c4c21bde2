import { describe, expect, it } from 'vitest';
import { orderModelSchema } from '../src/api/order-model.js';
import type { RakutenOrder, RakutenOrderModel } from '../src/index.js';
import { parseChoices } from '../src/mapping/items.js';
import { createRakutenMappers } from '../src/mapping/mappers.js';
import { mapOrder } from '../src/mapping/order.js';
import { mapOrderProgress, orderProgressFor } from '../src/mapping/status.js';
import { seedToWire } from '../src/testing/seed-to-wire.js';
import { seeds } from './fixtures.js';

function wireOrders(): RakutenOrderModel[] {
  const counters = { basketId: 1, itemDetailId: 1, shippingDetailId: 1 };
  return seeds(60).map((s) => seedToWire(s, counters));
}

describe('mapping getOrder to the normalized Order', () => {
  it('-9999 postage becomes null with the 送料が未設定 warning; goods stay; totals that depend on it are null too', () => {
    const wire = wireOrders().find((o) => o.postagePrice === -9999)!;
    const order = mapOrder(wire, { shopId: 's' });
    expect(order.amounts.shipping).toBeNull();
    expect(order.amounts.total).toBeNull();
    expect(order.amounts.billed).toBeNull();
    expect(order.amounts.goods).toBe(wire.goodsPrice);
    const warning = order.warnings.find((w) => w.field === 'amounts.shipping');
    expect(warning).toMatchObject({ code: 'sentinel_value', raw: -9999 });
    expect(warning?.message.ja).toContain('送料が未設定の注文です');
  });

  it('keeps every package with its items, SKU, options, masked e-mail, coupons, points, tax and time slot', () => {
    const wire = wireOrders().find((o) => o.PackageModelList.length > 1 && (o.couponAllTotalPrice ?? 0) > 0) ?? wireOrders().find((o) => o.PackageModelList.length > 1)!;
    const order = mapOrder(wire, { shopId: 'shop-1' });
    expect(order.deliveries.map((d) => d.deliveryId)).toEqual(wire.PackageModelList.map((p) => String(p.basketId)));
    expect(order.flags.multipleDestinations).toBe(true);
    const item = wire.PackageModelList[0]!.ItemModelList[0]!;
    const mapped = order.deliveries[0]!.items[0]!;
    expect(mapped).toMatchObject({ lineId: String(item.itemDetailId), productId: item.manageNumber, sku: item.SkuModelList?.[0]?.merchantDefinedSkuId, quantity: item.units, unitPrice: item.priceTaxIncl });
    expect(mapped.options).toEqual(parseChoices(item.selectedChoice));
    expect(order.buyer.email).toBe(wire.OrdererModel.emailAddress);
    expect(order.buyer.email).toMatch(/@pc\.fw\.rakuten\.ne\.jp$/);
    expect(order.buyer.postalCode).toBe(`${wire.OrdererModel.zipCode1}${wire.OrdererModel.zipCode2}`);
    expect(order.amounts.coupons).toBe(wire.couponAllTotalPrice);
    expect(order.amounts.points).toBe(wire.PointModel?.usedPoint);
    expect(order.amounts.tax).toBe(wire.TaxSummaryModelList!.reduce((n, r) => n + (r.reqPriceTax ?? 0), 0));
    expect(order.orderedAt).toMatch(/\+09:00$/);
    expect(order.raw).toBe(wire);
  });

  it('maps shippingTerm, settlement method and carrier through the mappers, raw kept; unknown values are unmapped with a warning; overrides win', () => {
    const wire = { ...wireOrders()[0]!, shippingTerm: 1416 };
    expect(mapOrder(wire, { shopId: 's' }).deliveries[0]!.timeSlot).toEqual({ code: '14-16', raw: '1416' });
    expect(mapOrder({ ...wire, shippingTerm: 1 }, { shopId: 's' }).deliveries[0]!.timeSlot).toEqual({ code: '08-12', raw: '1' });
    const afternoon = mapOrder({ ...wire, shippingTerm: 2 }, { shopId: 's' });
    expect(afternoon.deliveries[0]!.timeSlot).toEqual({ code: 'unmapped', raw: '2' });
    expect(afternoon.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'deliveries[0].timeSlot', raw: '2' }));
    const withOverride = mapOrder({ ...wire, shippingTerm: 2 }, { shopId: 's', mappers: createRakutenMappers({ timeSlot: { '2': '12-18' } }) });
    expect(withOverride.deliveries[0]!.timeSlot).toEqual({ code: '12-18', raw: '2' });

    const card = mapOrder({ ...wire, SettlementModel: { settlementMethodCode: 1, settlementMethod: 'クレジットカード' } }, { shopId: 's' });
    expect(card.payment.method).toEqual({ code: 'credit_card', raw: 'クレジットカード' });
    const seven = mapOrder({ ...wire, SettlementModel: { settlementMethodCode: 13, settlementMethod: 'セブンイレブン（前払）' } }, { shopId: 's' });
    expect(seven.payment.method).toEqual({ code: 'convenience_store', raw: 'セブンイレブン（前払）' });
    const odd = mapOrder({ ...wire, SettlementModel: { settlementMethodCode: 99, settlementMethod: '楽天新決済' } }, { shopId: 's' });
    expect(odd.payment.method).toEqual({ code: 'unmapped', raw: '楽天新決済' });
    expect(odd.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped_value', field: 'payment.method', raw: '楽天新決済' }));
    const fixed = mapOrder({ ...wire, SettlementModel: { settlementMethodCode: 99, settlementMethod: '楽天新決済' } }, { shopId: 's', mappers: createRakutenMappers({ paymentMethod: { 楽天新決済: 'rakuten_pay' } }) });
    expect(fixed.payment.method.code).toBe('rakuten_pay');

    const shipped = wireOrders().find((o) => (o.PackageModelList[0]?.ShippingModelList?.length ?? 0) > 0)!;
    const row = shipped.PackageModelList[0]!.ShippingModelList![0]!;
    const shipment = mapOrder(shipped, { shopId: 's' }).deliveries[0]!.shipments[0]!;
    expect(shipment.carrier?.raw).toBe(row.deliveryCompany);
    expect(shipment.trackingNumber).toBe(row.shippingNumber);
  });

  it('order.raw has only Rakuten’s documented fields in its type (a misspelt model does not compile), and keeps every field sent at run time', () => {
    const wire = wireOrders()[0]!;
    const order: RakutenOrder = mapOrder(wire, { shopId: 's' });
    // @ts-expect-error SettlementModell is a typo: the raw type rejects keys Rakuten does not document
    expect(order.raw.SettlementModell).toBeUndefined();
    // @ts-expect-error the same at depth: PackageModel has no basketID
    expect(order.raw.PackageModelList[0]?.basketID).toBeUndefined();
    expect(order.raw.SettlementModel?.settlementMethod).toBe(wire.SettlementModel?.settlementMethod);
    const parsed = orderModelSchema.parse({ ...wire, fieldAddedByRakutenLater: 'kept' }) as unknown as Record<string, unknown>;
    expect(parsed.fieldAddedByRakutenLater).toBe('kept');
  });

  it('orderProgress both ways', () => {
    expect([100, 200, 300, 400, 500, 600, 700, 800, 900].map((p) => mapOrderProgress(p).code)).toEqual([
      'pending_confirmation', 'confirmed', 'ready_to_ship', 'on_hold', 'shipped', 'shipped', 'completed', 'cancel_requested', 'cancelled',
    ]);
    expect(mapOrderProgress(150)).toEqual({ code: 'unmapped', raw: '150' });
    expect(orderProgressFor(['shipped', 'cancelled'])).toEqual([500, 600, 900]);
    expect(orderProgressFor(['awaiting_payment', 'delivered'])).toEqual([]);
  });

  it('maps gift wrapping and のし into item notes, the gift flag, お届け日, and warns on -9999 item prices and tax', () => {
    const wire = wireOrders().find((o) => o.PackageModelList.length === 1)!;
    const pkg = wire.PackageModelList[0]!;
    const [first, ...rest] = pkg.ItemModelList;
    const gift: RakutenOrderModel = {
      ...wire,
      giftCheckFlag: 1,
      deliveryDate: '2026-11-28',
      WrappingModel1: { title: 1, name: '季節の包装紙', price: 300, includeTaxFlag: 1, deleteWrappingFlag: 0 },
      WrappingModel2: { title: 2, name: '赤リボン', price: 100, includeTaxFlag: 1, deleteWrappingFlag: 1 },
      TaxSummaryModelList: [{ taxRate: 0.1, reqPrice: -9999, reqPriceTax: -9999, totalPrice: -9999, paymentCharge: 0, couponPrice: 0, point: 0 }],
      PackageModelList: [{ ...pkg, noshi: '御歳暮', ItemModelList: [{ ...first!, priceTaxIncl: -9999, price: -9999 }, ...rest] }],
    };
    const order = mapOrder(gift, { shopId: 's' });
    expect(order.flags.gift).toBe(true);
    expect(order.deliveries[0]!.requestedDate).toBe('2026-11-28');
    // The deleted ribbon slot is left out.
    expect(order.deliveries[0]!.items[0]!.notes).toEqual(['のし: 御歳暮', '包装紙: 季節の包装紙']);
    expect(order.deliveries[0]!.items[0]!.unitPrice).toBeNull();
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'sentinel_value', field: 'deliveries[0].items[0].unitPrice', raw: -9999 }));
    expect(order.amounts.tax).toBeNull();
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'sentinel_value', field: 'amounts.tax' }));
  });

  it('keeps the settlement method name when only the code maps', () => {
    const wire = wireOrders()[0]!;
    const byCode = mapOrder({ ...wire, SettlementModel: { settlementMethodCode: 2, settlementMethod: null } }, { shopId: 's' });
    expect(byCode.payment.method).toEqual({ code: 'cash_on_delivery', raw: '代金引換' });
  });

  it('warns on every value no table knows: an orderProgress outside 100–900, deliveryCompany codes on the package and on its shipments', () => {
    const wire = wireOrders().find((o) => o.PackageModelList.length === 1)!;
    const pkg = wire.PackageModelList[0]!;
    const odd: RakutenOrderModel = {
      ...wire,
      orderProgress: 150,
      PackageModelList: [
        { ...pkg, defaultDeliveryCompanyCode: '1099', ShippingModelList: [{ shippingDetailId: 1, shippingNumber: '491234567890', deliveryCompany: '1099', deliveryCompanyName: '新配送', shippingDate: '2026-11-20' }] },
      ],
    };
    const order = mapOrder(odd, { shopId: 's' });
    expect(order.status).toEqual({ code: 'unmapped', raw: '150' });
    expect(order.deliveries[0]!.carrier).toEqual({ code: 'unmapped', raw: '1099' });
    expect(order.deliveries[0]!.shipments[0]!.carrier).toEqual({ code: 'unmapped', raw: '1099' });
    const unmapped = order.warnings.filter((w) => w.code === 'unmapped_value').map((w) => [w.field, w.raw]);
    expect(unmapped).toEqual(expect.arrayContaining([['status', '150'], ['deliveries[0].carrier', '1099'], ['deliveries[0].shipments[0].carrier', '1099']]));
    // A code the shop maps itself is no longer unmapped.
    const mapped = mapOrder(odd, { shopId: 's', mappers: createRakutenMappers({ carrier: { '1099': 'yamato' } }) });
    expect(mapped.deliveries[0]!.carrier).toEqual({ code: 'yamato', raw: '1099' });
    expect(mapped.warnings.some((w) => w.field === 'deliveries[0].carrier')).toBe(false);
  });

  it('-9999 coupons are null with a sentinel_value warning, like every other price', () => {
    const order = mapOrder({ ...wireOrders()[0]!, couponAllTotalPrice: -9999 }, { shopId: 's' });
    expect(order.amounts.coupons).toBeNull();
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'sentinel_value', field: 'amounts.coupons', raw: -9999 }));
  });

  it('an orderDatetime that is not a date makes the order unreadable; other unreadable dates are null with an unparsed_value warning', () => {
    const wire = wireOrders()[0]!;
    const bad = orderModelSchema.safeParse({ ...wire, orderDatetime: 'garbage' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['orderDatetime']);
    const order = mapOrder({ ...wire, shopOrderCfmDatetime: '2026-13-45T00:00:00+0900', deliveryDate: '2026-02-30' }, { shopId: 's' });
    expect(order.orderedAt).toMatch(/\+09:00$/);
    expect(order.confirmedAt).toBeNull();
    expect(order.deliveries[0]!.requestedDate).toBeNull();
    const unparsed = order.warnings.filter((w) => w.code === 'unparsed_value');
    expect(unparsed).toContainEqual(expect.objectContaining({ field: 'confirmedAt', raw: '2026-13-45T00:00:00+0900' }));
    expect(unparsed).toContainEqual(expect.objectContaining({ field: 'deliveries[0].requestedDate', raw: '2026-02-30' }));
  });

  it('an order at 200 楽天処理中 is provisional, with a provisional_order warning: not to be shipped yet', () => {
    const wire = wireOrders()[0]!;
    const order = mapOrder({ ...wire, orderProgress: 200, shopOrderCfmDatetime: '2026-11-22T09:00:00+0900' }, { shopId: 's' });
    expect(order.status).toEqual({ code: 'confirmed', raw: '200' });
    expect(order.flags.provisional).toBe(true);
    expect(order.warnings).toContainEqual(expect.objectContaining({ code: 'provisional_order', field: 'flags.provisional' }));
    expect(mapOrder({ ...wire, orderProgress: 300 }, { shopId: 's' }).flags.provisional).toBe(false);
  });

  it('warns about a social-gift recipient who has not entered an address', () => {
    const wire = wireOrders()[0]!;
    const pkg = wire.PackageModelList[0]!;
    const gift = { ...wire, PackageModelList: [{ ...pkg, SenderModel: { ...pkg.SenderModel, zipCode1: '999', zipCode2: '9999', prefecture: '入力待ち' } }] };
    expect(mapOrder(gift, { shopId: 's' }).warnings.some((w) => w.field === 'deliveries[0].recipient')).toBe(true);
  });
});

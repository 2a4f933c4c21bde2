import { describe, expect, it } from 'vitest';
import { PAYMENT_METHOD_CODES } from '../../src/model/codes.js';
import { ORDER_STATUSES } from '../../src/model/status.js';
import { generateSeedOrders, SEED_ADDRESS_AREAS, SEED_TIME_SLOTS, type SeedOrder, type SeedParty } from '../../src/testing/generator.js';

const WINDOW = { from: '2026-11-01T00:00:00+09:00', to: '2026-11-22T10:00:00+09:00' } as const;
const orders = generateSeedOrders({ count: 200, seed: 2026, ...WINDOW });
const KATAKANA = /^[\u30A1-\u30FC]+ [\u30A1-\u30FC]+$/;

function parties(order: SeedOrder): SeedParty[] {
  return [order.buyer, ...order.deliveries.map((d) => d.recipient)];
}

describe('generateSeedOrders: determinism', () => {
  it('gives identical orders for the same seed and options', () => {
    expect(generateSeedOrders({ count: 200, seed: 2026, ...WINDOW })).toEqual(orders);
    expect(generateSeedOrders({ count: 30, ...WINDOW })).toEqual(generateSeedOrders({ count: 30, seed: 1, ...WINDOW }));
  });

  it('gives different orders for different seeds', () => {
    const a = generateSeedOrders({ count: 20, seed: 1, ...WINDOW });
    const b = generateSeedOrders({ count: 20, seed: 2, ...WINDOW });
    expect(a).not.toEqual(b);
    expect(a.map((o) => o.buyer.name)).not.toEqual(b.map((o) => o.buyer.name));
  });

  it('accepts Dates as well as strings, and returns nothing for count 0', () => {
    expect(generateSeedOrders({ count: 5, seed: 3, from: new Date(WINDOW.from), to: new Date(WINDOW.to) })).toEqual(
      generateSeedOrders({ count: 5, seed: 3, ...WINDOW }),
    );
    expect(generateSeedOrders({ count: 0, ...WINDOW })).toEqual([]);
  });

  it('rejects impossible options', () => {
    expect(() => generateSeedOrders({ count: -1, ...WINDOW })).toThrow(RangeError);
    expect(() => generateSeedOrders({ count: 1.5, ...WINDOW })).toThrow(RangeError);
    expect(() => generateSeedOrders({ count: 1, seed: 0.5, ...WINDOW })).toThrow(RangeError);
    expect(() => generateSeedOrders({ count: 1, from: WINDOW.to, to: WINDOW.from })).toThrow(/before/);
    expect(() => generateSeedOrders({ count: 1, from: 'soon', to: WINDOW.to })).toThrow(RangeError);
    expect(() => generateSeedOrders({ count: 1, ...WINDOW, paymentMethods: [] })).toThrow(RangeError);
  });
});

describe('generateSeedOrders: ids and times', () => {
  it('spreads orders over the window, oldest first, in JST to the second', () => {
    const from = Date.parse(WINDOW.from);
    const to = Date.parse(WINDOW.to);
    let previous = from;
    for (const order of orders) {
      expect(order.orderedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      const at = Date.parse(order.orderedAt);
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(to);
      previous = at;
    }
    const days = new Set(orders.map((o) => o.orderedAt.slice(0, 10)));
    expect(days.size).toBeGreaterThan(15);
  });

  it('numbers ids in time order with the prefix and the JST order date', () => {
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    expect(orders[0]?.id).toMatch(/^SEED-202611\d{2}-00001$/);
    for (const order of orders) expect(order.id.slice(5, 13)).toBe(order.orderedAt.slice(0, 10).replaceAll('-', ''));
    const custom = generateSeedOrders({ count: 3, ...WINDOW, idPrefix: '123456-' });
    expect(custom.every((o) => o.id.startsWith('123456-2026'))).toBe(true);
  });

  it('never puts a derived time before the order or after the window', () => {
    const to = Date.parse(WINDOW.to);
    for (const order of orders) {
      const at = Date.parse(order.orderedAt);
      for (const derived of [order.confirmedAt, order.paidAt]) {
        if (derived === null) continue;
        expect(Date.parse(derived)).toBeGreaterThanOrEqual(at);
        expect(Date.parse(derived)).toBeLessThanOrEqual(to);
      }
    }
  });
});

describe('generateSeedOrders: statuses and flags', () => {
  it('shows every status over 200 orders, and over a few dozen', () => {
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
    const few = generateSeedOrders({ count: 30, seed: 99, ...WINDOW });
    expect(new Set(few.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
  });

  it('leans towards orders the shop still has to work on', () => {
    const open = orders.filter((o) => ['pending_confirmation', 'confirmed', 'ready_to_ship'].includes(o.status));
    expect(open.length / orders.length).toBeGreaterThan(0.45);
  });

  it('confirms, ships and pays consistently with the status', () => {
    for (const order of orders) {
      const confirmed = ['confirmed', 'ready_to_ship', 'shipped', 'delivered', 'completed'].includes(order.status);
      expect(order.confirmedAt !== null).toBe(confirmed);
      const shipped = ['shipped', 'delivered', 'completed'].includes(order.status);
      for (const delivery of order.deliveries) {
        expect(delivery.shipments).toHaveLength(shipped ? 1 : 0);
        for (const shipment of delivery.shipments) {
          expect(shipment.trackingNumber).toMatch(/^\d{12}$/);
          expect(Number(shipment.trackingNumber.slice(0, 11)) % 7).toBe(Number(shipment.trackingNumber.slice(11)));
          expect(shipment.shippedOn >= order.orderedAt.slice(0, 10)).toBe(true);
        }
      }
      if (order.status === 'awaiting_payment') {
        expect(['bank_transfer', 'convenience_store', 'pay_easy', 'postal_transfer']).toContain(order.paymentMethod);
        expect(order.paidAt).toBeNull();
      }
    }
  });

  it('has gift orders, multi-destination orders and both together', () => {
    expect(orders.some((o) => o.flags.gift && o.deliveries.length === 1)).toBe(true);
    expect(orders.some((o) => o.flags.gift && o.deliveries.length > 1)).toBe(true);
    expect(orders.some((o) => !o.flags.gift && o.deliveries.length > 1)).toBe(true);
    for (const order of orders) {
      expect(order.flags.multipleDestinations).toBe(order.deliveries.length > 1);
      expect(order.deliveries.length).toBeGreaterThanOrEqual(1);
      expect(order.deliveries.length).toBeLessThanOrEqual(3);
      if (order.flags.gift) {
        expect(order.deliveries.some((d) => d.recipient.name !== order.buyer.name || d.recipient.postalCode !== order.buyer.postalCode)).toBe(true);
        expect(order.deliveries.flatMap((d) => d.items).some((i) => i.options.some((o) => o.name === 'のし'))).toBe(true);
      }
    }
  });

  it('holds a few orders for fraud review, only while on hold', () => {
    const held = orders.filter((o) => o.flags.fraudReview);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(orders.length / 10);
    expect(held.every((o) => o.status === 'on_hold')).toBe(true);
  });

  it('leaves postage unset on a few unconfirmed orders', () => {
    const unset = orders.filter((o) => o.postageUnset);
    expect(unset.length).toBeGreaterThan(0);
    expect(unset.length).toBeLessThan(orders.length / 10);
    for (const order of unset) {
      expect(order.status).toBe('pending_confirmation');
      expect(order.amounts.shipping).toBeNull();
      expect(order.deliveries.every((d) => d.shipping === null)).toBe(true);
    }
  });

  it('has buyer comments on some orders only', () => {
    const commented = orders.filter((o) => o.buyerComment !== null).length;
    expect(commented).toBeGreaterThan(10);
    expect(commented).toBeLessThan(orders.length / 2);
  });
});

describe('generateSeedOrders: people and places', () => {
  it('uses real postal codes with the prefecture and city they belong to', () => {
    const table = new Map(SEED_ADDRESS_AREAS.map((a) => [a.postalCode, a]));
    expect(table.size).toBe(SEED_ADDRESS_AREAS.length);
    expect(new Set(SEED_ADDRESS_AREAS.map((a) => a.prefecture)).size).toBeGreaterThan(30);
    for (const party of orders.flatMap(parties)) {
      expect(party.postalCode).toMatch(/^\d{7}$/);
      const area = table.get(party.postalCode);
      expect(area).toBeDefined();
      expect(party.prefecture).toBe(area?.prefecture);
      expect(party.city).toBe(area?.city);
      expect(party.addressLines[0]?.startsWith(area?.town ?? '?')).toBe(true);
      expect(party.country).toBe('JP');
    }
    expect(table.get('1500001')).toMatchObject({ prefecture: '東京都', city: '渋谷区', town: '神宮前' });
    expect(table.get('9000001')).toMatchObject({ prefecture: '沖縄県', city: '那覇市', town: '港町' });
  });

  it('writes names in kanji with katakana readings, and plausible contacts', () => {
    for (const party of orders.flatMap(parties)) {
      expect(party.name).toBe(`${party.familyName} ${party.givenName}`);
      expect(party.nameKana).toMatch(KATAKANA);
      expect(party.nameKana).toBe(`${party.familyNameKana} ${party.givenNameKana}`);
      expect(party.phone).toMatch(/^0[789]0-\d{4}-\d{4}$/);
    }
    for (const order of orders) expect(order.buyer.email).toMatch(/^[a-z._]+\d+@example\.(com|jp|ne\.jp|co\.jp)$/);
  });
});

describe('generateSeedOrders: items, deliveries and payment', () => {
  it('has 1–4 realistic lines per destination', () => {
    for (const delivery of orders.flatMap((o) => o.deliveries)) {
      expect(delivery.items.length).toBeGreaterThanOrEqual(1);
      expect(delivery.items.length).toBeLessThanOrEqual(4);
      for (const item of delivery.items) {
        expect(Number.isInteger(item.unitPrice) && item.unitPrice > 0).toBe(true);
        expect(Number.isInteger(item.quantity) && item.quantity >= 1).toBe(true);
        expect([0.1, 0.08]).toContain(item.taxRate);
        expect(item.sku.startsWith(item.productId)).toBe(true);
        expect(item.name).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/);
      }
    }
    const items = orders.flatMap((o) => o.deliveries.flatMap((d) => d.items));
    expect(items.some((i) => i.taxRate === 0.08)).toBe(true);
    expect(items.some((i) => i.options.some((o) => o.name === 'サイズ'))).toBe(true);
    expect(items.some((i) => i.options.some((o) => o.name === 'カラー'))).toBe(true);
    expect(items.some((i) => i.options.some((o) => o.name === 'のし' && o.value === '御歳暮'))).toBe(true);
  });

  it('uses every time slot, and none for mail-box parcels', () => {
    const deliveries = orders.flatMap((o) => o.deliveries);
    const slots = new Set(deliveries.map((d) => d.timeSlot).filter((s) => s !== null));
    expect(slots).toEqual(new Set(SEED_TIME_SLOTS));
    expect(deliveries.some((d) => d.requestedDate !== null)).toBe(true);
    for (const delivery of deliveries) {
      if (delivery.shippingMethod === 'メール便') {
        expect(delivery.timeSlot).toBeNull();
        expect(delivery.requestedDate).toBeNull();
      }
      if (delivery.requestedDate !== null) expect(delivery.requestedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('covers every common payment method, and only the mall\'s when given', () => {
    const common = ['credit_card', 'cash_on_delivery', 'bank_transfer', 'convenience_store', 'deferred_payment', 'rakuten_pay', 'paypay', 'amazon_pay', 'carrier_billing'];
    const few = generateSeedOrders({ count: 40, seed: 5, ...WINDOW });
    for (const method of common) expect(few.map((o) => o.paymentMethod)).toContain(method);
    for (const order of orders) expect(PAYMENT_METHOD_CODES).toContain(order.paymentMethod);

    const amazonOnly = generateSeedOrders({ count: 40, seed: 5, ...WINDOW, paymentMethods: ['credit_card', 'convenience_store', 'cash_on_delivery'] });
    expect(new Set(amazonOnly.map((o) => o.paymentMethod))).toEqual(new Set(['credit_card', 'convenience_store', 'cash_on_delivery']));
  });

  it('has amounts that add up', () => {
    for (const order of orders) {
      const { amounts } = order;
      const items = order.deliveries.flatMap((d) => d.items);
      expect(amounts.goods).toBe(items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0));
      for (const delivery of order.deliveries) {
        if (order.postageUnset) continue;
        const goods = delivery.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
        const remote = ['北海道', '沖縄県'].includes(delivery.recipient.prefecture);
        expect(delivery.shipping).toBe(goods >= 5000 ? 0 : remote ? 880 : 550);
      }
      if (!order.postageUnset) expect(amounts.shipping).toBe(order.deliveries.reduce((sum, d) => sum + (d.shipping ?? 0), 0));
      expect(amounts.fees).toBe(order.paymentMethod === 'cash_on_delivery' ? 330 : 0);
      expect(amounts.total).toBe(amounts.goods + (amounts.shipping ?? 0) + amounts.fees - amounts.discounts);
      expect(amounts.billed).toBe(amounts.total - amounts.points - amounts.coupons);
      expect(amounts.billed).toBeGreaterThanOrEqual(0);
      if (order.paymentMethod === 'points_only') expect(amounts.billed).toBe(0);
      // Tax included: 8/108 of food, 10/110 of the rest, within a yen or two of rounding per group.
      const food = items.filter((i) => i.taxRate === 0.08).reduce((s, i) => s + i.unitPrice * i.quantity, 0);
      const rest = amounts.total - food;
      expect(Math.abs(amounts.tax - ((food * 8) / 108 + (rest * 10) / 110))).toBeLessThan(3);
    }
    expect(orders.some((o) => o.amounts.points > 0)).toBe(true);
    expect(orders.some((o) => o.amounts.coupons > 0)).toBe(true);
    expect(orders.some((o) => o.amounts.shipping === 0)).toBe(true);
    expect(orders.some((o) => o.amounts.shipping === 880)).toBe(true);
  });
});

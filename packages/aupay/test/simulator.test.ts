import type { OrderChange } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSeed } from './fixtures/life.js';
import { openShop, type TestShop } from './harness.js';

/** The sandbox's simulator plays an order's life as au PAY records it: through its status machine, with no update time. */

let shop: TestShop;
afterEach(() => shop.close());

/** The order's fields that a change altered, as `name: before → after`. */
function changeOf(id: string, change: OrderChange): { applied: boolean; fields: string[] } {
  const before = new Map(shop.sandbox.orders.get(id)?.fields);
  const applied = shop.sandbox.simulator.change(id, change);
  const after = shop.sandbox.orders.get(id)?.fields ?? new Map<string, string>();
  const fields = [...after].filter(([name, value]) => before.get(name) !== value).map(([name, value]) => `${name}: ${before.get(name) ?? ''} → ${value}`);
  return { applied, fields };
}

describe('the au PAY simulator', () => {
  it('places orders as seed does: au PAY ids, searchable by their order day', () => {
    shop = openShop({ count: 0 });
    const [placed] = shop.sandbox.simulator.place([freshSeed(1, 0.01, 'pending_confirmation', 'credit_card')]);
    expect(placed?.id).toMatch(/^\d+$/);
    expect(shop.sandbox.orders.get(placed?.id ?? '')?.fields.get('orderStatus')).toBe('新規受付');
  });

  it('ships the way the shop does in Wow!manager: 発送日 today, carrier and number, then 完了 — and nothing records when', () => {
    shop = openShop({ count: 0 });
    const [id = ''] = shop.sandbox.simulator.place([freshSeed(2, 2, 'confirmed', 'credit_card')]).map((order) => order.id);
    expect(changeOf(id, 'ship')).toEqual({
      applied: true,
      fields: ['orderStatus: 発送待ち → 完了', 'paymentStatus: N → Y', 'shipStatus: N → Y', 'shipDate:  → 2026/11/22', 'shippingCarrier:  → 1', 'shippingNumber:  → 491200000001'],
    });
    expect(changeOf(id, 'ship').applied).toBe(false);
  });

  it('ships cash on delivery to 発送後入金待ち, and never an unpaid prepaid order', () => {
    shop = openShop({ count: 0 });
    const [cod = '', prepaid = ''] = shop.sandbox.simulator.place([freshSeed(3, 2, 'confirmed', 'cash_on_delivery'), freshSeed(4, 2, 'awaiting_payment', 'bank_transfer')]).map((order) => order.id);
    expect(changeOf(cod, 'ship').fields).toContain('orderStatus: 発送待ち → 発送後入金待ち');
    expect(changeOf(prepaid, 'ship').applied).toBe(false);
  });

  it('records a prepaid payment as paymentDate only (the status stays), and has no payment to record for a card', () => {
    shop = openShop({ count: 0 });
    const [prepaid = '', card = ''] = shop.sandbox.simulator.place([freshSeed(5, 1, 'awaiting_payment', 'bank_transfer'), freshSeed(6, 1, 'pending_confirmation', 'credit_card')]).map((order) => order.id);
    const paid = changeOf(prepaid, 'pay');
    expect(paid.applied).toBe(true);
    expect(paid.fields).toEqual(['paymentStatus: N → Y', 'paymentDate:  → 2026/11/22 10:00']);
    expect(changeOf(card, 'pay').applied).toBe(false);
  });

  it('cancels through the status machine: not once shipped, and not twice', () => {
    shop = openShop({ count: 0 });
    const [open = '', shipped = ''] = shop.sandbox.simulator.place([freshSeed(7, 1, 'pending_confirmation', 'credit_card'), freshSeed(8, 1, 'confirmed', 'cash_on_delivery')]).map((order) => order.id);
    expect(changeOf(open, 'cancel')).toEqual({ applied: true, fields: ['orderStatus: 新規受付 → キャンセル', 'cancelStatus: N → C'] });
    expect(changeOf(open, 'cancel').applied).toBe(false);
    expect(changeOf(shipped, 'ship').applied).toBe(true);
    expect(changeOf(shipped, 'cancel').applied).toBe(false);
  });

  it('changes the destination (sender*) until the parcel has left', () => {
    shop = openShop({ count: 0 });
    const [id = ''] = shop.sandbox.simulator.place([freshSeed(9, 1, 'confirmed', 'credit_card')]).map((order) => order.id);
    const moved = changeOf(id, 'address');
    expect(moved.applied).toBe(true);
    expect(moved.fields.map((line) => line.split(':')[0])).toEqual(['senderZipCode', 'senderAddress']);
    expect(changeOf(id, 'ship').applied).toBe(true);
    expect(changeOf(id, 'address').applied).toBe(false);
    expect(shop.sandbox.simulator.change('999999999', 'cancel')).toBe(false);
  });
});

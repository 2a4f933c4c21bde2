import { afterEach, describe, expect, it } from 'vitest';
import { collect, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

describe('getPayments', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('reads getPayment per order: method, state, amount and 決済確定日時', async () => {
    const data = seeds(20);
    rig = startRig(data);
    const paid = data.find((s) => s.paidAt !== null && s.paymentMethod === 'credit_card' && !s.postageUnset && s.status !== 'cancelled')!;
    const [record] = await collect(rig.connector.getPayments({ orderIds: [paid.id] }));
    expect(record).toMatchObject({ mall: 'rakuten', orderId: paid.id, state: 'paid', rawState: '30600', amount: paid.amounts.billed });
    expect(record?.method).toEqual({ code: 'credit_card', raw: 'クレジットカード' });
    expect(Date.parse(record!.paidAt!)).toBe(Date.parse(paid.paidAt!));
  });

  it('by window: the orders placed in it, one getPayment each', async () => {
    const data = seeds(5, 3);
    rig = startRig(data);
    const records = await collect(rig.connector.getPayments({ from: '2026-11-18T00:00:00+09:00', to: '2026-11-22T10:00:00+09:00' }));
    expect(records.map((r) => r.orderId).sort()).toEqual(data.map((s) => s.id).sort());
    expect(rig.sandbox.kit.log.count({ operation: 'getPayment' })).toBe(5);
  });
});

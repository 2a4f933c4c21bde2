import { afterEach, describe, expect, it } from 'vitest';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { collect, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

// Review L7: getPayments was unsupported although every order carries 入金ステータス and 入金日.
describe('getPayments reads the payment axes of orders', () => {
  it('by order ids: paid, unpaid and cancelled, with the raw axes and the billed amount', async () => {
    rig = startRig({ seedCount: 0 });
    const put = (serial: string, change: Record<string, unknown>) =>
      rig.sandbox.putOrder(shopserveOrderSchema.parse({ ...SAMPLE_ORDER, serial_code: serial, basic: { ...SAMPLE_ORDER.basic, ...change } }));
    put('300000000001', { deposit_status: 'Deposited', deposited_at: '2026-11-19T08:00:00+09:00' });
    put('300000000002', {});
    put('300000000003', { cancelled: 'Yes' });
    const records = await collect(rig.connector.getPayments({ orderIds: ['300000000001', '300000000002', '300000000003'] }));
    expect(records.map((r) => [r.orderId, r.state, r.paidAt, r.amount])).toEqual([
      ['300000000001', 'paid', '2026-11-19T08:00:00+09:00', 11210],
      ['300000000002', 'unpaid', null, 11210],
      ['300000000003', 'cancelled', null, 11210],
    ]);
    expect(records[1]).toMatchObject({ mall: 'shopserve', method: { code: 'credit_card' }, rawState: 'deposit_status=NotDeposited; payment_status=Authorized' });
  });

  it('by a window of order dates', async () => {
    rig = startRig({ seedCount: 20, spanDays: 10 });
    const records = await collect(rig.connector.getPayments({ from: '2026-11-01T00:00:00+09:00' }));
    expect(records.map((r) => r.orderId).sort()).toEqual(rig.seeds.map((s) => s.id).sort());
    expect(records.every((r) => r.state === 'paid' || r.state === 'unpaid' || r.state === 'cancelled')).toBe(true);
  });
});

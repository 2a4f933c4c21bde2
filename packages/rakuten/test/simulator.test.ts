import type { RakutenDateType } from '../src/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { orderSeed } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

/*
 * The sandbox's simulator: changes made outside the connector (RMS staff, buyers, Rakuten) go
 * through Rakuten's orderProgress machine and stamp the dates Rakuten keeps, so that searchOrder
 * finds a changed order by them at once.
 */

const MINUTE = 60_000;

let rig: TestRig;
afterEach(() => rig.close());

/** The order numbers searchOrder lists for `dateType` over the minute around the sandbox's now. */
async function foundNow(dateType: RakutenDateType): Promise<readonly string[]> {
  const now = rig.sandbox.clock.now();
  const answer = await rig.connector.client.searchOrder({ dateType, from: new Date(now - MINUTE), to: new Date(now + MINUTE), page: 1 });
  return answer.orderNumberList ?? [];
}

function only(): string {
  const [id] = rig.sandbox.orders().map((order) => order.orderNumber);
  if (id === undefined) throw new Error('no order seeded');
  return id;
}

describe('simulator.change', () => {
  it('ship: 発送完了報告 at 300 発送待ち — today as 発送日, 500 発送済, 発送完了報告日 now, found by dateType 5 at once (and not by 発送日, a calendar day)', async () => {
    rig = startRig([orderSeed(1, 2, 'ready_to_ship')]);
    const id = only();
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change(id, 'ship')).toBe(true);
    const order = rig.sandbox.order(id);
    expect(order?.orderProgress).toBe(500);
    expect(order?.shippingCmplRptDatetime).toBe('2026-11-22T10:05:00+0900');
    expect(order?.PackageModelList.every((pkg) => pkg.ShippingModelList?.[0]?.shippingDate === '2026-11-22' && pkg.ShippingModelList[0].deliveryCompany === '1001')).toBe(true);
    expect(await foundNow(5)).toEqual([id]);
    expect(await foundNow(4)).toEqual([]);
  });

  it('ship is refused before 注文確認 and Rakuten\'s processing end (100, 200), and once cancelled or shipped', () => {
    rig = startRig([orderSeed(1, 2, 'pending_confirmation'), orderSeed(2, 2, 'awaiting_payment', 'bank_transfer'), orderSeed(3, 3, 'cancelled'), orderSeed(4, 4, 'shipped')]);
    for (const order of rig.sandbox.orders()) expect(rig.sandbox.simulator.change(order.orderNumber, 'ship'), String(order.orderProgress)).toBe(false);
    expect(rig.sandbox.simulator.change('398765-20261122-0000000000', 'ship')).toBe(false);
  });

  it('pay: a prepaid order waiting at 200 moves to 300 with 注文確定日時 and 決済確定日 now; getPayment and dateType 6 show it', async () => {
    rig = startRig([orderSeed(1, 2, 'awaiting_payment', 'bank_transfer')]);
    const id = only();
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change(id, 'pay')).toBe(true);
    expect(rig.sandbox.order(id)).toMatchObject({ orderProgress: 300, orderFixDatetime: '2026-11-22T10:05:00+0900' });
    const payment = await rig.connector.client.getPayment(id);
    expect(payment.OrderModel?.PaymentModelList?.[0]).toMatchObject({ paymentStatus: 30600, paymentFixDatetime: '2026-11-22T10:05:00+0900' });
    expect(await foundNow(6)).toEqual([id]);
    expect(rig.sandbox.simulator.change(id, 'pay')).toBe(false);
  });

  it('pay: a shipped order is settled, 500 発送済 → 700 支払手続き済 with 決済確定日 now', async () => {
    rig = startRig([orderSeed(1, 30, 'shipped')]);
    const id = only();
    expect(rig.sandbox.simulator.change(id, 'pay')).toBe(true);
    expect(rig.sandbox.order(id)?.orderProgress).toBe(700);
    expect(await foundNow(6)).toEqual([id]);
  });

  it('pay does not apply to an order not yet confirmed (100) or already settled (700)', () => {
    rig = startRig([orderSeed(1, 2, 'pending_confirmation'), orderSeed(2, 9, 'completed')]);
    for (const order of rig.sandbox.orders()) expect(rig.sandbox.simulator.change(order.orderNumber, 'pay'), String(order.orderProgress)).toBe(false);
  });

  it('cancel: キャンセル申請 before shipment (→ 800), Rakuten\'s キャンセル確定 next (→ 900), then nothing; each step in ChangeReasonModelList', () => {
    rig = startRig([orderSeed(1, 2, 'ready_to_ship')]);
    const id = only();
    expect(rig.sandbox.simulator.change(id, 'cancel')).toBe(true);
    expect(rig.sandbox.order(id)?.orderProgress).toBe(800);
    expect(rig.sandbox.simulator.change(id, 'cancel')).toBe(true);
    expect(rig.sandbox.order(id)?.orderProgress).toBe(900);
    expect(rig.sandbox.order(id)?.ChangeReasonModelList?.map((row) => row.changeType)).toEqual([0, 1]);
    expect(rig.sandbox.simulator.change(id, 'cancel')).toBe(false);
    // A cancelled order is neither paid nor shipped nor readdressed.
    expect((['pay', 'ship', 'address'] as const).map((change) => rig.sandbox.simulator.change(id, change))).toEqual([false, false, false]);
  });

  it('cancel after shipment goes to 900 キャンセル確定 at once (cancelOrderAfterShipping), with no searchable date moved', async () => {
    rig = startRig([orderSeed(1, 4, 'shipped')]);
    const id = only();
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change(id, 'cancel')).toBe(true);
    expect(rig.sandbox.order(id)?.orderProgress).toBe(900);
    for (const dateType of [2, 5, 6] as const) expect(await foundNow(dateType)).toEqual([]);
  });

  it('address: the first destination gets a new address before shipment; not once shipped', () => {
    rig = startRig([orderSeed(1, 2, 'ready_to_ship'), orderSeed(2, 4, 'shipped')]);
    // orders() lists the oldest first: the shipped order (4 days) before the open one (2 days).
    const [shipped, open] = rig.sandbox.orders().map((order) => order.orderNumber) as [string, string];
    expect(rig.sandbox.simulator.change(open, 'address')).toBe(true);
    expect(rig.sandbox.order(open)?.PackageModelList[0]?.SenderModel).toMatchObject({ prefecture: '埼玉県', zipCode1: '330', zipCode2: '0063' });
    expect(rig.sandbox.simulator.change(shipped, 'address')).toBe(false);
  });
});

describe('simulator.place', () => {
  it('new orders arrive as Rakuten holds them (its order numbers) and are found by 注文日 at once', async () => {
    rig = startRig([]);
    rig.sandbox.clock.advance(MINUTE);
    const [placed] = rig.sandbox.simulator.place([{ ...orderSeed(1, 0, 'pending_confirmation'), id: 'S1-1', orderedAt: rig.sandbox.clock.iso() }]);
    expect(placed?.id).toMatch(/^398765-20261122-\d{10}$/);
    expect(await foundNow(1)).toEqual([placed?.id]);
  });
});

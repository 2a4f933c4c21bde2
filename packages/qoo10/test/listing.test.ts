import { afterEach, describe, expect, it } from 'vitest';
import { cartSeed, collect, setUp } from './harness.js';

let close: () => void = () => undefined;
afterEach(() => close());

const WINDOW = { from: '2026-09-01T00:00:00+09:00', to: '2026-11-22T09:59:00+09:00' };

describe('listOrders and getOrders, played by the sandbox', () => {
  it('a 発送予定日 set in QSM moves the order to 配送準備: a sync of 配送要請 only misses it, a full sync does not', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'Q', 'pending_confirmation', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    for (const line of t.sandbox.store.get(cart.id)!.lines) t.sandbox.setEstimatedShipDateInQsm(line.orderNo, '2026-11-27');
    const onRequest = await collect(t.connector.listOrders({ ...WINDOW, statuses: ['pending_confirmation'] }));
    expect(onRequest.map((o) => o.id)).not.toContain(cart.id);
    const all = await collect(t.connector.listOrders(WINDOW));
    expect(all.find((o) => o.id === cart.id)?.status.code).toBe('confirmed');
  });

  it('claims: a cancellation request makes the order cancel_requested; once done the line leaves the status lists and the order is cancelled', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'C', 'pending_confirmation', 2)] });
    close = t.close;
    const cart = t.crafted[0]!;
    const lines = t.sandbox.store.get(cart.id)!.lines;
    for (const line of lines) t.sandbox.cancelLine(line.orderNo);
    expect((await t.connector.getOrders([cart.id]))[0]!.status.code).toBe('cancel_requested');
    for (const line of lines) t.sandbox.cancelLine(line.orderNo, true);
    const [cancelled] = await t.connector.getOrders([cart.id]);
    expect(cancelled!.status.code).toBe('cancelled');
    expect(cancelled!.raw.lines).toEqual([]);
    const result = await t.connector.confirmOrders([cart.id]);
    expect(result.results[0]!.ok).toBe(false);
  });

  it('without paging, a window whose answer reaches the result cap is halved until every order is listed once', async () => {
    const t = setUp({ count: 40, sandbox: { resultCap: 6 }, connector: { listResultCap: 6 } });
    close = t.close;
    const listed = await collect(t.connector.listOrders(WINDOW));
    expect(listed.map((o) => o.id).sort()).toEqual(t.seeds.map((s) => s.id).sort());
    expect(t.sandbox.kit.log.count({ operation: 'GetShippingInfo_v3' })).toBeGreaterThan(5);
  });

  // A cart is an entry, many rows are one cart: a capped answer of 6 rows held only 2 carts, and the
  // kit (which halves only a full first page) listed them without their cut-off lines.
  it('halves a capped window when its rows reach the cap even though they make fewer carts, and lists each cart whole', async () => {
    const t = setUp({ count: 1, sandbox: { resultCap: 6 }, connector: { listResultCap: 6 }, extraSeeds: ([base]) => [40, 30, 20, 10].map((hours, i) => cartSeed(base!, `M${i}`, 'pending_confirmation', 3, hours)) });
    close = t.close;
    const listed = await collect(t.connector.listOrders(WINDOW));
    for (const cart of t.crafted) expect(listed.find((o) => o.id === cart.id)?.deliveries[0]!.items).toHaveLength(3);
  });

  it('getOrders finds a cart beyond a capped answer of its look-back', async () => {
    const t = setUp({ count: 1, sandbox: { resultCap: 6 }, connector: { listResultCap: 6 }, extraSeeds: ([base]) => [40, 30, 20, 10].map((hours, i) => cartSeed(base!, `M${i}`, 'pending_confirmation', 3, hours)) });
    close = t.close;
    const [order] = await t.connector.getOrders([t.crafted[3]!.id]);
    expect(order!.deliveries[0]!.items).toHaveLength(3);
  });

  // Review M4: a real cap below the connector's would lose orders silently.
  it('warns when an answer holds a round number of rows under the cap (an unpublished limit may have cut it)', async () => {
    const t = setUp({ count: 1, sandbox: { resultCap: 100 }, extraSeeds: ([base]) => Array.from({ length: 105 }, (_, i) => cartSeed(base!, `W${i}`, 'pending_confirmation', 1, i + 1)) });
    close = t.close;
    await collect(t.connector.listOrders({ from: '2026-11-15T00:00:00+09:00', to: '2026-11-22T09:59:00+09:00' }));
    expect(t.captured.some((line) => line.startsWith('warn') && line.includes('exactly 100 rows') && line.includes('listResultCap'))).toBe(true);
  });

  it('getPayments: a cart not paid yet is unpaid; a paid one carries its PaymentDate', async () => {
    const t = setUp({ extraSeeds: ([base]) => [cartSeed(base!, 'U', 'awaiting_payment', 1), cartSeed(base!, 'P', 'confirmed', 2)] });
    close = t.close;
    const [unpaid, paid] = t.crafted;
    const records = await collect(t.connector.getPayments({ orderIds: [unpaid!.id, paid!.id] }));
    expect(records[0]).toMatchObject({ orderId: unpaid!.id, state: 'unpaid', paidAt: null, rawState: 'Awaiting shipping(1)' });
    expect(records[1]).toMatchObject({ orderId: paid!.id, state: 'paid', amount: 1000 + 2000 + (paid!.amounts.shipping ?? 0) });
    expect(records[1]!.paidAt).toMatch(/\+09:00$/);
  });
});

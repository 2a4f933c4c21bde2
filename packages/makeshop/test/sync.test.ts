import { formatJst, NotFoundError, syncOrders, type SyncEvent } from '@mallkit/core';
import { generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MAKESHOP_CHANGES } from '../src/index.js';
import { collect, NOW, rejection, setUp, type Harness } from './harness.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

let harness: Harness | undefined;
afterEach(() => harness?.close());

type Checkpoint = Extract<SyncEvent, { type: 'checkpoint' }>;
const checkpointOf = (events: readonly SyncEvent[]): Checkpoint => events.at(-1) as Checkpoint;
const deliveries = (events: readonly SyncEvent[]) => events.filter((event) => event.type !== 'checkpoint');
const orderOf = (event: SyncEvent | undefined) => (event !== undefined && 'order' in event ? event.order : undefined);

/** One sync on the harness's clock. */
async function sync(target: Harness, cursor?: string, options: { readonly lookbackDays?: number } = {}): Promise<SyncEvent[]> {
  return collect(syncOrders(target.connector, { cursor: cursor ?? null, clock: target.clock, ...options }));
}

/** The searchOrder inputs the sandbox received since the last call, then clears its log. */
function searches(target: Harness): Array<Record<string, unknown>> {
  const inputs = target.bodies().map((body) => body.variables.input);
  target.sandbox.kit.log.clear();
  return inputs;
}

/** How an order is paid: by card at checkout, cash on delivery (not yet), or an external payment that makes it a 仮注文 until it completes. */
type Payment = 'card' | 'cod' | 'provisional';

/** One unprocessed order to one address, placed `ageMs` before the harness's now. */
function openOrder(target: Harness, ageMs: number, payment: Payment): string {
  const at = target.clock.now() - ageMs;
  const [seed] = generateSeedOrders({ count: 1, seed: Math.round(ageMs / 1000), from: new Date(at), to: new Date(at) });
  const [first] = seed!.deliveries;
  const open: SeedOrder = {
    ...seed!,
    status: 'ready_to_ship',
    paymentMethod: payment === 'card' ? 'credit_card' : payment === 'cod' ? 'cash_on_delivery' : 'paypay',
    paidAt: payment === 'card' ? seed!.orderedAt : null,
    deliveries: [{ ...first!, shipments: [] }],
    flags: { ...seed!.flags, multipleDestinations: false, provisional: payment === 'provisional' },
  };
  return target.sandbox.seed([open])[0]!.id;
}

describe('what an incremental sync can see on makeshop', () => {
  it('declares one search by order date over a 30-day look-back, no lag, and names its blind spots and the webhook', () => {
    harness = setUp({ seeds: [] });
    expect(harness.connector.capabilities.changes).toBe(MAKESHOP_CHANGES);
    expect(MAKESHOP_CHANGES).toMatchObject({ searches: [{ dateType: 'ordered', mode: 'lookback' }], visibilityLagMs: 0, lookbackDays: 30 });
    expect(MAKESHOP_CHANGES.blindSpots.ja).toMatch(/遡及期間（既定30日）より前に注文された注文の変更/);
    expect(MAKESHOP_CHANGES.blindSpots.ja).toContain('注文更新通知');
    expect(MAKESHOP_CHANGES.blindSpots.en).toMatch(/before the look-back \(30 days by default\) are not seen/);
    expect(MAKESHOP_CHANGES.blindSpots.en).toMatch(/仮注文 .* arrives as `removed`/);
  });

  it('re-reads the last 30 days on every sync: one searchOrder per delivery status, ending now, 1,000 per page', async () => {
    harness = setUp({ count: 40 });
    const start = harness.clock.now();
    const first = await sync(harness);
    const window = (now: number, days: number) => ({ startOrderDate: formatJst(now - days * DAY, 'compact'), endOrderDate: formatJst(now, 'compact') });
    const expected = (now: number, days: number) =>
      ['N', 'Y', 'R', 'C'].map((deliveryStatus) => ({ ...window(now, days), deliveryStatus, sortOrder: 'ASC', page: 1, limit: 1000 }));
    expect(searches(harness)).toEqual(expected(start, 30));
    const recent = harness.seeds.filter((seed) => Date.parse(seed.orderedAt) >= start - 30 * DAY).map((seed) => seed.id);
    expect(deliveries(first).map((event) => (event.type === 'new' ? event.order.id : event.type)).sort()).toEqual(recent.sort());

    // Five minutes later nothing changed: the same four searches, moved on, and no event.
    // "Now" is read when each sync starts: the sandbox clock also runs in real time, and the
    // throttle's pace may carry a sync past a second boundary.
    harness.clock.advance(5 * MINUTE);
    const secondAt = harness.clock.now();
    const second = await sync(harness, checkpointOf(first).cursor);
    expect(deliveries(second)).toEqual([]);
    expect(checkpointOf(second).counts.unchanged).toBe(recent.length);
    expect(searches(harness)).toEqual(expected(secondAt, 30));

    // A shorter look-back, chosen per sync.
    harness.clock.advance(5 * MINUTE);
    const thirdAt = harness.clock.now();
    await sync(harness, checkpointOf(second).cursor, { lookbackDays: 7 });
    expect(searches(harness)).toEqual(expected(thirdAt, 7));
  });

  it('costs one search per sync when makeshop is known to search every status at once (searchPerDeliveryStatus: false)', async () => {
    harness = setUp({ count: 40, connector: { searchPerDeliveryStatus: false } });
    const first = await sync(harness);
    harness.clock.advance(5 * MINUTE);
    searches(harness);
    await sync(harness, checkpointOf(first).cursor);
    const now = harness.clock.now();
    expect(searches(harness)).toEqual([
      { startOrderDate: formatJst(now - 30 * DAY, 'compact'), endOrderDate: formatJst(now, 'compact'), sortOrder: 'ASC', page: 1, limit: 1000 },
    ]);
  });

  it('delivers a new order, a payment, a shipment, a new address and a cancellation, each naming what changed', async () => {
    harness = setUp({ seeds: [] });
    const { simulator } = harness.sandbox;
    const cod = openOrder(harness, 2 * DAY, 'cod');
    const toShip = openOrder(harness, 3 * DAY, 'card');
    const moving = openOrder(harness, 4 * DAY, 'card');
    const cancelled = openOrder(harness, 20 * DAY, 'card');
    const first = await sync(harness);
    expect(deliveries(first).map((event) => event.type)).toEqual(['new', 'new', 'new', 'new']);

    harness.clock.advance(3 * MINUTE);
    expect(simulator.change(cod, 'pay')).toBe(true);
    expect(simulator.change(toShip, 'ship')).toBe(true);
    expect(simulator.change(moving, 'address')).toBe(true);
    expect(simulator.change(cancelled, 'cancel')).toBe(true);
    const [placed] = simulator.place(generateSeedOrders({ count: 1, seed: 8, from: new Date(harness.clock.now() - MINUTE), to: new Date(harness.clock.now() - MINUTE) }));
    harness.clock.advance(2 * MINUTE);
    const second = deliveries(await sync(harness, checkpointOf(first).cursor));
    const byId = new Map(second.map((event) => [orderOf(event)?.id ?? '', event]));
    expect(byId.size).toBe(5);
    // The look-back cursor holds every order of the 30 days, so the fields are always known.
    expect(byId.get(cod)).toMatchObject({ type: 'changed', changedFields: ['payment'], order: { payment: { paidAt: formatJst(harness.clock.now() - 2 * MINUTE) } } });
    expect(byId.get(toShip)).toMatchObject({ type: 'changed', changedFields: ['status', 'deliveries'], order: { status: { code: 'shipped', raw: 'Y' } } });
    expect(orderOf(byId.get(toShip))?.deliveries[0]?.shipments[0]).toMatchObject({ carrier: { code: 'yamato' }, shippedOn: formatJst(harness.clock.now(), 'date') });
    expect(byId.get(moving)).toMatchObject({ type: 'changed', changedFields: ['deliveries'], order: { deliveries: [{ recipient: { prefecture: '埼玉県', city: 'さいたま市浦和区' } }] } });
    expect(byId.get(cancelled)).toMatchObject({ type: 'cancelled', changedFields: ['status'], order: { status: { code: 'cancelled', raw: 'C' } } });
    // Arriving now: unprocessed and unshipped, whatever the generator drew.
    expect(byId.get(placed!.id)?.type).toBe('new');
    expect(orderOf(byId.get(placed!.id))?.deliveries.every((delivery) => delivery.shipments.length === 0)).toBe(true);
    expect(['ready_to_ship', 'awaiting_payment']).toContain(orderOf(byId.get(placed!.id))?.status.code);
  });

  it('follows a 仮注文: paid, it becomes a normal order ready to ship; unpaid and cancelled, makeshop deletes it and the sync says removed', async () => {
    harness = setUp({ seeds: [] });
    const { simulator } = harness.sandbox;
    const paid = openOrder(harness, 30 * MINUTE, 'provisional');
    const abandoned = openOrder(harness, 20 * MINUTE, 'provisional');
    const first = await sync(harness);
    expect(deliveries(first)).toEqual([
      expect.objectContaining({ type: 'new', order: expect.objectContaining({ id: paid, flags: expect.objectContaining({ provisional: true }) }) }),
      expect.objectContaining({ type: 'new', order: expect.objectContaining({ id: abandoned, status: expect.objectContaining({ code: 'awaiting_payment' }) }) }),
    ]);
    // A 仮注文 cannot be shipped (updateOrderDelivery refuses it) until its payment completes.
    expect(simulator.change(paid, 'ship')).toBe(false);

    harness.clock.advance(10 * MINUTE);
    expect(simulator.change(paid, 'pay')).toBe(true);
    expect(simulator.change(abandoned, 'cancel')).toBe(true);
    const second = deliveries(await sync(harness, checkpointOf(first).cursor));
    expect(second).toEqual([
      expect.objectContaining({ type: 'changed', changedFields: ['status', 'payment', 'flags'], order: expect.objectContaining({ id: paid, status: { code: 'ready_to_ship', raw: 'N' } }) }),
      { type: 'removed', orderId: abandoned, key: `makeshop:makeshop-sandbox-shop:${abandoned}:removed`, cursor: expect.any(String) },
    ]);
    expect(NotFoundError.isInstance(await rejection(harness.connector.getOrders([abandoned])))).toBe(true);
  });

  it('blind spot, as documented: a cancellation of an order placed before the 30-day look-back is not delivered; a longer look-back sees it', async () => {
    harness = setUp({ seeds: [] });
    const { simulator } = harness.sandbox;
    const old = openOrder(harness, 40 * DAY, 'card');
    const recent = openOrder(harness, 29 * DAY, 'card');
    const first = await sync(harness, undefined, { lookbackDays: 60 });
    harness.clock.advance(5 * MINUTE);
    const second = await sync(harness, checkpointOf(first).cursor);
    expect(simulator.change(old, 'cancel')).toBe(true);
    expect(simulator.change(recent, 'cancel')).toBe(true);
    harness.clock.advance(5 * MINUTE);

    const third = await sync(harness, checkpointOf(second).cursor);
    expect(deliveries(third)).toEqual([expect.objectContaining({ type: 'cancelled', order: expect.objectContaining({ id: recent }) })]);
    expect((await harness.connector.getOrders([old]))[0]?.status.code).toBe('cancelled');

    // A 60-day look-back reaches it; the 30-day cursor forgot it, so what changed is unknown.
    const wider = await sync(harness, checkpointOf(third).cursor, { lookbackDays: 60 });
    expect(deliveries(wider)).toEqual([expect.objectContaining({ type: 'cancelled', changedFields: null, order: expect.objectContaining({ id: old, status: { code: 'cancelled', raw: 'C' } }) })]);
  });

  it('an order that ships while the sync pages through more than 1,000 unprocessed orders is neither skipped nor reported removed', async () => {
    const now = Date.parse(NOW);
    const generated = generateSeedOrders({ count: 1_205, seed: 4, from: new Date(now - 10 * DAY), to: new Date(now - DAY) });
    const open = generated.map((seed) => ({ ...seed, status: 'ready_to_ship' as const, paymentMethod: 'credit_card' as const, paidAt: seed.orderedAt, deliveries: seed.deliveries.map((delivery) => ({ ...delivery, shipments: [] })) }));
    let betweenPages: (() => void) | null = null;
    const onResponse = (event: { readonly operation: string }): void => {
      if (event.operation !== 'searchOrder' || betweenPages === null) return;
      const act = betweenPages;
      betweenPages = null;
      act();
    };
    harness = setUp({ seeds: open, connector: { hooks: { onResponse } } });
    const first = await sync(harness);
    expect(deliveries(first)).toHaveLength(1_205);

    harness.clock.advance(5 * MINUTE);
    // Once the first page of 未処理 orders is read, the shop ships three orders of it: every later 未処理 order moves up three places.
    const shipped = harness.sandbox.orders.values().slice(0, 3).map((order) => order.displayOrderNumber);
    betweenPages = () => shipped.forEach((id) => harness!.sandbox.simulator.change(id, 'ship'));
    const second = await sync(harness, checkpointOf(first).cursor);
    expect(betweenPages).toBeNull();
    expect(deliveries(second)).toEqual([]);
    expect(checkpointOf(second).counts).toMatchObject({ removed: 0, unchanged: 1_205 });

    // Read before they shipped in this sync, the three arrive shipped with the next.
    harness.clock.advance(5 * MINUTE);
    const third = deliveries(await sync(harness, checkpointOf(second).cursor));
    expect(third.map((event) => [event.type, orderOf(event)?.id, orderOf(event)?.status.code])).toEqual(shipped.map((id) => ['changed', id, 'shipped']));
  });

  it('a change that does not apply on makeshop is refused: nothing reopens a cancelled order, a shipped parcel is not re-addressed', () => {
    harness = setUp({ seeds: [] });
    const { simulator } = harness.sandbox;
    const id = openOrder(harness, DAY, 'card');
    expect(simulator.change(id, 'pay')).toBe(false); // paid by card at checkout
    expect(simulator.change(id, 'ship')).toBe(true);
    expect(simulator.change(id, 'ship')).toBe(false);
    expect(simulator.change(id, 'address')).toBe(false);
    expect(simulator.change(id, 'cancel')).toBe(true);
    expect(['cancel', 'pay', 'ship', 'address'].map((change) => simulator.change(id, change as 'cancel'))).toEqual([false, false, false, false]);
    expect(simulator.change('P000000000000000000', 'cancel')).toBe(false);
  });
});

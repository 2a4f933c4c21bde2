import { formatJst, syncOrders, ValidationError, type SyncEvent } from '@mallkit/core';
import { generateSeedOrders } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import { createShopserveConnector, type ShopserveConnector } from '../src/index.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { bodyOf, collect, DAY, NOW, rejection, startRig, type Rig } from './harness.js';

let rig: Rig | undefined;
afterEach(() => rig?.close());

const now = Date.parse(NOW);
const MINUTE = 60_000;

type Checkpoint = Extract<SyncEvent, { type: 'checkpoint' }>;

/** One sync from `cursor` on the rig's clock: its events, checkpoint last. */
async function sync(target: Rig, cursor?: string, connector: ShopserveConnector = target.connector): Promise<SyncEvent[]> {
  return collect(syncOrders(connector, { cursor: cursor ?? null, clock: target.sandbox.clock }));
}

const checkpointOf = (events: SyncEvent[]): Checkpoint => events.at(-1) as Checkpoint;
const deliveries = (events: SyncEvent[]) => events.filter((event) => event.type !== 'checkpoint');

/** The search bodies the sandbox received, then clears its log. */
function searches(target: Rig): unknown[] {
  const bodies = target.sandbox.kit.log.forOperation('searchOrders').map(bodyOf);
  target.sandbox.kit.log.clear();
  return bodies;
}

/** A sample order with its own serial code (39…, apart from the sandbox's 30…), placed and last updated at the given instants. */
function putSample(target: Rig, serial: string, orderedAt: number, updatedAt: number): void {
  const basic = { ...SAMPLE_ORDER.basic, ordered_at: formatJst(orderedAt), updated_at: formatJst(updatedAt) };
  target.sandbox.putOrder(shopserveOrderSchema.parse({ ...SAMPLE_ORDER, serial_code: serial, basic }));
}

describe('incremental sync by 受注更新日時 (the default wire profile)', () => {
  it('declares one search by update time from the last sync, no lag, a one-week first sync, and its blind spot', () => {
    rig = startRig({ seedCount: 0 });
    expect(rig.connector.capabilities.changes).toEqual({
      searches: [{ dateType: 'updated', mode: 'since' }],
      visibilityLagMs: 0,
      lookbackDays: 7,
      blindSpots: { ja: expect.stringContaining('受注更新日時が動かない変更'), en: expect.stringContaining('does not move 受注更新日時') },
    });
  });

  it('sends one search by UpdatedAt per sync: the last week first, then from the last sync minus the ten-minute overlap', async () => {
    rig = startRig({ seedCount: 30, spanDays: 20 });
    const first = await sync(rig);
    // Seven days are one second longer than core's longest inclusive window: the last second is a search of its own.
    const sort = { type: 'UpdatedAt', order: 'Asc' };
    expect(searches(rig)).toEqual([
      { since: formatJst(now - 7 * DAY), until: formatJst(now - 1000), date_type: 'UpdatedAt', from: 0, size: 100, sort },
      { since: formatJst(now), until: formatJst(now), date_type: 'UpdatedAt', from: 0, size: 100, sort },
    ]);
    const recent = rig.seeds.filter((seed) => Date.parse(seed.orderedAt) >= now - 7 * DAY).map((seed) => seed.id);
    expect(deliveries(first).map((event) => event.type === 'new' && event.order.id)).toEqual(expect.arrayContaining(recent));

    rig.sandbox.clock.advance(5 * MINUTE);
    const second = await sync(rig, checkpointOf(first).cursor);
    expect(deliveries(second)).toEqual([]);
    expect(searches(rig)).toEqual([{ since: formatJst(now - 10 * MINUTE), until: formatJst(now + 5 * MINUTE), date_type: 'UpdatedAt', from: 0, size: 100, sort }]);
  });

  it('delivers what the shop changed in the 受注台帳 since the cursor — new, paid, shipped, re-addressed, cancelled — on orders of any age', async () => {
    rig = startRig({ seedCount: 0 });
    const { simulator } = rig.sandbox;
    // Placed 200 days ago and confirmed two days ago: a search by order date within a look-back would never see it again.
    putSample(rig, '390000000001', now - 200 * DAY, now - 2 * DAY);
    putSample(rig, '390000000002', now - 3 * DAY, now - 3 * DAY);
    putSample(rig, '390000000003', now - 2 * DAY, now - 2 * DAY);
    const first = await sync(rig);
    expect(deliveries(first).map((event) => event.type)).toEqual(['new', 'new', 'new']);

    rig.sandbox.clock.advance(3 * MINUTE);
    expect(simulator.change('390000000001', 'ship')).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    expect(simulator.change('390000000002', 'pay')).toBe(true);
    expect(simulator.change('390000000003', 'address')).toBe(true);
    const [placed] = simulator.place(generateSeedOrders({ count: 1, seed: 5, from: new Date(now + 3 * MINUTE), to: new Date(now + 4 * MINUTE) }));
    rig.sandbox.clock.advance(2 * MINUTE);
    const second = await sync(rig, checkpointOf(first).cursor);
    const byId = new Map(deliveries(second).map((event) => [event.type === 'removed' || event.type === 'unreadable' ? '' : event.order.id, event]));
    // The cursor keeps only orders touched within the last window, so which fields changed is unknown for these.
    expect(byId.get('390000000001')).toMatchObject({ type: 'changed', changedFields: null, order: { status: { code: 'shipped' } } });
    expect(byId.get('390000000002')).toMatchObject({ type: 'changed', changedFields: null, order: { payment: { paidAt: formatJst(now + 4 * MINUTE) } } });
    expect(byId.get('390000000003')).toMatchObject({ type: 'changed', changedFields: null });
    expect(byId.get('390000000003')).toMatchObject({ order: { deliveries: [{ recipient: { city: 'さいたま市浦和区' } }] } });
    expect(byId.get(placed!.id)).toMatchObject({ type: 'new' });
    expect(byId.size).toBe(4);

    rig.sandbox.clock.advance(MINUTE);
    expect(simulator.change('390000000003', 'cancel')).toBe(true);
    rig.sandbox.clock.advance(MINUTE);
    const third = await sync(rig, checkpointOf(second).cursor);
    // Changed again within the window: the cursor still holds its last state and names the field.
    expect(deliveries(third)).toEqual([expect.objectContaining({ type: 'cancelled', changedFields: ['status'] })]);
  });

  it('blind spot, as documented: a change Shopserve records without moving 受注更新日時 is not delivered', async () => {
    rig = startRig({ seedCount: 0 });
    putSample(rig, '390000000009', now - 2 * DAY, now - 2 * DAY);
    const first = await sync(rig);
    rig.sandbox.clock.advance(5 * MINUTE);
    // Cancelled, but its 受注更新日時 stays where it was.
    const record = rig.sandbox.orders.get('390000000009')!;
    rig.sandbox.putOrder({ ...record.order, basic: { ...record.order.basic, cancelled: 'Yes' } });
    const second = await sync(rig, checkpointOf(first).cursor);
    expect(deliveries(second)).toEqual([]);
    expect((await rig.connector.getOrders(['390000000009']))[0]?.status.code).toBe('cancelled');
    expect(rig.connector.capabilities.changes?.blindSpots.en).toMatch(/does not move 受注更新日時/);
  });
});

describe('incremental sync without a search by 受注更新日時 (wire.updatedSearch: false)', () => {
  const withoutUpdatedSearch = { sandbox: { wire: { updatedSearch: false } } } as const;

  it('is checked like every wire option', () => {
    const error = (() => {
      try {
        createShopserveConnector({ shopserveId: 'example.ss', managerKey: '0123456789abcdef0123456789abcdef01234567', wire: { updatedSearch: 'no' as unknown as boolean } });
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(ValidationError.isInstance(error) && error.issues.map((issue) => issue.field)).toEqual(['options.wire.updatedSearch']);
  });

  it('lists by order date only, refusing an update-time listing before sending', async () => {
    rig = startRig({ seedCount: 0, ...withoutUpdatedSearch });
    expect(rig.connector.capabilities.listOrders.dateTypes).toEqual(['ordered']);
    expect(rig.connector.capabilities.changes).toMatchObject({ searches: [{ dateType: 'ordered', mode: 'lookback' }], lookbackDays: 14 });
    const error = await rejection(collect(rig.connector.listOrders({ from: new Date(now - DAY), dateType: 'updated' })));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(rig.sandbox.kit.log.count()).toBe(0);
    // A connector that still assumes the search meets the mall's refusal, as a real shop without it would.
    const assuming = rig.connect({ wire: { updatedSearch: true } });
    const refused = await rejection(collect(assuming.listOrders({ from: new Date(now - DAY), dateType: 'updated' })));
    expect(refused).toMatchObject({ httpStatus: 400, message: expect.stringContaining('date_type') });
  });

  it('re-reads the orders placed within the 14-day look-back on every sync, in one-week windows by OrderedAt', async () => {
    rig = startRig({ seedCount: 30, spanDays: 20, ...withoutUpdatedSearch });
    const first = await sync(rig);
    rig.sandbox.clock.advance(10 * MINUTE);
    searches(rig);
    await sync(rig, checkpointOf(first).cursor);
    const bodies = searches(rig) as Array<{ since: string; until: string; date_type: string }>;
    expect(bodies.map((body) => body.date_type)).toEqual(['OrderedAt', 'OrderedAt', 'OrderedAt']);
    expect(bodies[0]?.since).toBe(formatJst(now + 10 * MINUTE - 14 * DAY));
    expect(bodies.at(-1)?.until).toBe(formatJst(now + 10 * MINUTE));
  });

  it('blind spot, as documented: the cancellation of an order placed before the look-back is not delivered; one within it is', async () => {
    rig = startRig({ seedCount: 0, ...withoutUpdatedSearch });
    putSample(rig, '390000000020', now - 20 * DAY, now - 20 * DAY);
    putSample(rig, '390000000021', now - 3 * DAY, now - 3 * DAY);
    const first = await sync(rig);
    rig.sandbox.clock.advance(5 * MINUTE);
    expect(rig.sandbox.simulator.change('390000000020', 'cancel')).toBe(true);
    expect(rig.sandbox.simulator.change('390000000021', 'cancel')).toBe(true);
    rig.sandbox.clock.advance(5 * MINUTE);
    const second = await sync(rig, checkpointOf(first).cursor);
    expect(deliveries(second)).toEqual([expect.objectContaining({ type: 'cancelled', order: expect.objectContaining({ id: '390000000021' }) })]);
    expect(rig.connector.capabilities.changes?.blindSpots.en).toMatch(/placed before the look-back/);
  });
});

describe('the sandbox simulator', () => {
  it('applies a change the way the 受注台帳 does and stamps 受注更新日時 now; refuses what does not apply', () => {
    rig = startRig({ seedCount: 0 });
    const { simulator, orders } = rig.sandbox;
    putSample(rig, '390000000030', now - 2 * DAY, now - DAY);
    rig.sandbox.clock.advance(90_000);
    expect(simulator.change('390000000030', 'ship')).toBe(true);
    expect(orders.get('390000000030')?.order.basic).toMatchObject({
      shipping_status: 'Shipped',
      delivery_company: 'ヤマト運輸',
      tracking_number: expect.stringMatching(/^\d{12}$/),
      shipped_date: '2026-11-19',
      updated_at: formatJst(now + 90_000),
    });
    expect(simulator.change('390000000030', 'ship')).toBe(false);
    expect(simulator.change('390000000030', 'pay')).toBe(true);
    expect(simulator.change('390000000030', 'pay')).toBe(false);
    expect(simulator.change('390000000030', 'cancel')).toBe(true);
    // Cancelled orders are frozen, as 注文状態更新 refuses them.
    expect(simulator.change('390000000030', 'address')).toBe(false);
    expect(simulator.change('no-such-order', 'cancel')).toBe(false);
  });

  it('seeds no 受注更新日時 after the sandbox’s now, so that a search by update time finds every order already placed', async () => {
    rig = startRig({ seedCount: 40, spanDays: 2 });
    const latest = Math.max(...rig.sandbox.orders.values().map((record) => record.updatedAt));
    expect(latest).toBeLessThanOrEqual(now);
    const listed = await collect(rig.connector.listOrders({ from: new Date(now - 3 * DAY), dateType: 'updated' }));
    expect(listed).toHaveLength(40);
  });
});

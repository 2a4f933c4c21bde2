import { describe, expect, it } from 'vitest';
import type { MallConnector } from '../../src/contract/connector.js';
import { ValidationError } from '../../src/errors/classes.js';
import { decodeCursor, encodeCursor } from '../../src/sync/cursor.js';
import { syncOrders, type SyncEvent } from '../../src/sync/sync-orders.js';
import { connectSandbox } from '../../src/testing/connect.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import { generateSeedOrders } from '../../src/testing/generator.js';
import { createExampleConnector } from '../example-mall/connector.js';
import { createExampleSandbox } from '../example-mall/sandbox.js';

const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;

function world(changes?: 'lookback') {
  const clock = createSandboxClock(NOW);
  const sandbox = createExampleSandbox({ clock, rateScale: 20 });
  sandbox.seed(generateSeedOrders({ count: 12, seed: 3, from: new Date(Date.parse(NOW) - 10 * DAY), to: new Date(Date.parse(NOW) - 3_600_000) }));
  const connection = connectSandbox(sandbox, createExampleConnector);
  const base = connection.connector;
  const connector: MallConnector =
    changes === 'lookback'
      ? Object.assign(Object.create(Object.getPrototypeOf(base) as object) as MallConnector, base, {
          capabilities: { ...base.capabilities, changes: { searches: [{ dateType: 'ordered', mode: 'lookback' }], visibilityLagMs: 0, lookbackDays: 20, blindSpots: { ja: '', en: '' } } },
        })
      : base;
  return { clock, sandbox, connector, close: connection.close };
}

async function drain(source: AsyncIterable<SyncEvent>): Promise<SyncEvent[]> {
  const events: SyncEvent[] = [];
  for await (const event of source) events.push(event);
  return events;
}

const checkpointOf = (events: SyncEvent[]) => events.at(-1) as Extract<SyncEvent, { type: 'checkpoint' }>;

describe('syncOrders', () => {
  it('delivers every order once on the first sync, nothing on the next, then exactly what changed, naming the fields', async () => {
    const w = world();
    try {
      const start = new Date(Date.parse(NOW) - 11 * DAY);
      const first = await drain(syncOrders(w.connector, { start, clock: w.clock }));
      expect(first.filter((e) => e.type === 'new')).toHaveLength(12);
      expect(checkpointOf(first)).toMatchObject({ type: 'checkpoint', complete: true });
      w.clock.advance(5 * 60_000);
      const second = await drain(syncOrders(w.connector, { cursor: checkpointOf(first).cursor, clock: w.clock }));
      expect(second.map((e) => e.type)).toEqual(['checkpoint']);

      const target = w.sandbox.orders.values().find((order) => order.status === 'new')!;
      w.sandbox.simulator!.change(target.id, 'cancel');
      w.clock.advance(2 * 60_000);
      const third = await drain(syncOrders(w.connector, { cursor: checkpointOf(second).cursor, clock: w.clock }));
      // An order changed twice in a row: the second change is reported against the first, field by field.
      const moving = w.sandbox.orders.values().find((order) => order.status === 'accepted')!;
      w.sandbox.simulator!.change(moving.id, 'address');
      w.clock.advance(3 * 60_000);
      const fourth = await drain(syncOrders(w.connector, { cursor: checkpointOf(third).cursor, clock: w.clock }));
      expect(fourth.filter((e) => e.type !== 'checkpoint')).toEqual([expect.objectContaining({ type: 'changed', changedFields: null })]);
      w.sandbox.simulator!.change(moving.id, 'ship');
      w.clock.advance(3 * 60_000);
      const fifth = await drain(syncOrders(w.connector, { cursor: checkpointOf(fourth).cursor, clock: w.clock }));
      expect(fifth.filter((e) => e.type !== 'checkpoint')).toEqual([expect.objectContaining({ type: 'changed', changedFields: ['status', 'deliveries'] })]);
    } finally {
      w.close();
    }
  });

  it('resumes from the cursor of the last applied event and re-delivers only the rest', async () => {
    const w = world();
    try {
      const start = new Date(Date.parse(NOW) - 11 * DAY);
      const applied: string[] = [];
      let cursor: string | undefined;
      for await (const event of syncOrders(w.connector, { start, clock: w.clock })) {
        if (event.type !== 'new') continue;
        applied.push(event.order.id);
        cursor = event.cursor;
        if (applied.length === 5) break; // the process dies here
      }
      const rest = await drain(syncOrders(w.connector, { cursor: cursor ?? null, clock: w.clock }));
      const again = rest.flatMap((e) => (e.type === 'new' ? [e.order.id] : []));
      expect(again).toHaveLength(7);
      expect(again.filter((id) => applied.includes(id))).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('on a mall without update times, re-reads the look-back and reports orders it no longer shows as removed', async () => {
    const w = world('lookback');
    try {
      const first = await drain(syncOrders(w.connector, { clock: w.clock }));
      expect(first.filter((e) => e.type === 'new')).toHaveLength(12);
      const gone = w.sandbox.orders.values()[0]!;
      w.sandbox.orders.delete(gone.id);
      const second = await drain(syncOrders(w.connector, { cursor: checkpointOf(first).cursor, clock: w.clock }));
      expect(second.filter((e) => e.type !== 'checkpoint')).toEqual([expect.objectContaining({ type: 'removed', orderId: gone.id })]);
    } finally {
      w.close();
    }
  });

  it('refuses a cursor of another shop, another version or a damaged one, before anything is sent', async () => {
    const w = world();
    try {
      const before = w.sandbox.kit.log.count();
      const foreign = encodeCursor({ mall: 'example' as never, shopId: 'another-shop', origin: 0, high: 0 }, []);
      for (const cursor of [foreign, 'mallkit-sync.0.eyJ9', 'mallkit-sync.1.%%%', 'garbage']) {
        const error = await drain(syncOrders(w.connector, { cursor, clock: w.clock })).catch((e: unknown) => e);
        expect(ValidationError.isInstance(error) && error.field, cursor).toBe('cursor');
      }
      expect(w.sandbox.kit.log.count()).toBe(before);
    } finally {
      w.close();
    }
  });

  it('keeps a cursor small: orders outside the overlap and the look-back are forgotten', () => {
    const cursor = encodeCursor({ mall: 'rakuten', shopId: 's', origin: 1, high: 2 }, [
      ['a', { signature: 'x'.repeat(24), orderedAt: 100, touchedAt: 200 }],
      ['b', { signature: 'y'.repeat(24), orderedAt: 100, touchedAt: 200 }],
      ['a', null],
    ]);
    expect([...decodeCursor(cursor, { mall: 'rakuten', shopId: 's' }).seen.keys()]).toEqual(['b']);
  });
});

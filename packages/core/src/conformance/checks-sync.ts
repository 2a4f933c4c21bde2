import { expect } from 'vitest';
import { NotFoundError } from '../errors/classes.js';
import type { OrderChange } from '../testing/mall-sandbox.js';
import { generateSeedOrders } from '../testing/generator.js';
import type { SeedOrder } from '../testing/seed-types.js';
import { Random } from '../testing/seed-random.js';
import { orderSignature } from '../sync/fingerprint.js';
import { changeVisibilityOf, syncOrders } from '../sync/sync-orders.js';
import type { ConformanceCheck, ConformanceContext } from './context.js';
import { DAY } from './helpers.js';

const MINUTE = 60_000;
const CHANGES: readonly OrderChange[] = ['cancel', 'pay', 'ship', 'address'];

/**
 * A seed as an order arrives (seeds come in every state): nothing shipped, no hold; every other one
 * still unpaid (awaiting payment), so that payments have something to change.
 */
function justPlaced(seed: SeedOrder, index: number): SeedOrder {
  const unpaid = index % 2 === 1;
  return {
    ...seed,
    status: unpaid ? 'awaiting_payment' : 'pending_confirmation',
    confirmedAt: null,
    paidAt: unpaid ? null : seed.paidAt,
    flags: { ...seed.flags, fraudReview: false },
    deliveries: seed.deliveries.map((delivery) => ({ ...delivery, shipments: [] })),
  };
}

/** What the OMS of the simulation has applied: the last signature delivered per order, and what it saw twice. */
interface Applied {
  readonly signatures: Map<string, string>;
  readonly keys: Set<string>;
  /** Keys applied without storing the cursor (a crash in between): they may legitimately come again. */
  readonly mayRepeat: Set<string>;
  readonly repeated: string[];
  cursor: string | undefined;
}

/**
 * One sync as an OMS runs it: apply each event, store its cursor. `crashAfter` simulates a crash
 * after applying that many events — the last one applied but its cursor not stored.
 */
async function runSync(ctx: ConformanceContext, applied: Applied, start: number, crashAfter: number | null): Promise<'done' | 'crashed'> {
  let count = 0;
  for await (const event of syncOrders(ctx.connector, { cursor: applied.cursor ?? null, start: new Date(start), clock: ctx.sandbox.clock, overlapMs: 0 })) {
    if (event.type === 'checkpoint') {
      applied.cursor = event.cursor;
      return 'done';
    }
    if (event.type === 'unreadable') throw new Error(`the sync met an unreadable order: ${event.error.message}`);
    if (applied.keys.has(event.key) && !applied.mayRepeat.has(event.key)) applied.repeated.push(`${event.type} ${event.key}`);
    applied.keys.add(event.key);
    if (event.type === 'removed') applied.signatures.delete(event.orderId);
    else applied.signatures.set(event.order.id, orderSignature(event.order));
    count += 1;
    if (crashAfter !== null && count > crashAfter) {
      // Applied, but the process died before it stored this event's cursor.
      applied.mayRepeat.add(event.key);
      return 'crashed';
    }
    applied.cursor = event.cursor;
  }
  throw new Error('the sync ended without a checkpoint');
}

/** The checks of incremental sync (syncOrders) against the mall's sandbox and its declared change visibility. */
export const syncChecks: readonly ConformanceCheck[] = [
  {
    name: 'an incremental sync delivers every new and changed order, none twice, across crashes, with the mall\'s own lag and nothing more',
    async run(ctx, seeds, now) {
      const simulator = ctx.sandbox.simulator;
      expect(simulator, 'the sandbox has no simulator (MallSandbox.simulator): it cannot play new and changed orders').toBeDefined();
      if (!simulator) return;
      const { clock } = ctx.sandbox;
      const visibility = changeVisibilityOf(ctx.connector.capabilities);
      const random = new Random(20261127);
      // Orders placed since the first sync's start must all arrive; so must every change to them.
      const start = Math.max(now.getTime() - 5 * DAY, clock.now() - Math.min(visibility.lookbackDays, 5) * DAY);
      const tracked = new Set(seeds.filter((seed) => Date.parse(seed.orderedAt) >= start).map((seed) => seed.id));
      const applied: Applied = { signatures: new Map(), keys: new Set(), mayRepeat: new Set(), repeated: [], cursor: undefined };

      // Orders placed over the days before the first sync (within any mall's look-back): the first
      // sync must deliver them, and their later changes test how the mall shows changes of older orders.
      const earlier = simulator.place(
        generateSeedOrders({ count: 6, seed: 5, from: new Date(start + 3_600_000), to: new Date(clock.now() - 3_600_000), idPrefix: 'S0-' }).map((seed, index) => justPlaced(seed, index)),
      );
      for (const seed of earlier) tracked.add(seed.id);
      expect(await runSync(ctx, applied, start, null)).toBe('done');
      let lastSync = clock.now();
      let nextChange = 0;
      let changesApplied = 0;
      for (let round = 1; round <= 5; round += 1) {
        // Orders placed since the last sync, as buyers place them between two polls.
        clock.advance(random.int(1, 10) * MINUTE);
        const placed = simulator.place(
          generateSeedOrders({ count: random.int(1, 3), seed: round * 97, from: new Date(lastSync + 1000), to: new Date(clock.now() - 1000), idPrefix: `S${round}-` }).map((seed, index) => justPlaced(seed, index + round)),
        );
        for (const seed of placed) tracked.add(seed.id);
        // A few changes that apply (a mall refuses what its state machine forbids: shipping a cancelled order).
        const candidates = [...tracked];
        const wanted = random.int(1, 3);
        for (let applied = 0, attempts = 0; applied < wanted && attempts < 12 && candidates.length > 0; attempts += 1) {
          // Every kind of change in turn, so that none goes untested.
          const kind = CHANGES[nextChange % CHANGES.length] ?? 'cancel';
          nextChange += 1;
          if (!simulator.change(random.pick(candidates), kind)) continue;
          applied += 1;
          changesApplied += 1;
        }
        // Sometimes the next sync comes within seconds of the changes, inside the mall's lag.
        clock.advance(random.chance(0.4) ? random.int(2, 20) * 1000 : random.int(1, 30) * MINUTE);
        const crashAfter = random.chance(0.4) ? random.int(0, 2) : null;
        if ((await runSync(ctx, applied, start, crashAfter)) === 'crashed') expect(await runSync(ctx, applied, start, null)).toBe('done');
        lastSync = clock.now();
      }
      // Let the mall's lag pass, then one more sync must bring every order up to date.
      clock.advance(2 * visibility.visibilityLagMs + MINUTE);
      expect(await runSync(ctx, applied, start, null)).toBe('done');

      // The mall's truth now, order by order: an order the mall deleted (makeshop's unpaid 仮注文) must
      // have been reported removed.
      const stale: string[] = [];
      for (const id of tracked) {
        const order = await ctx.connector.getOrders([id]).then((orders) => orders[0] ?? null, (error: unknown) => {
          if (NotFoundError.isInstance(error)) return null;
          throw error;
        });
        const delivered = applied.signatures.get(id);
        if (order === null ? delivered !== undefined : delivered !== orderSignature(order)) stale.push(id);
      }
      expect(stale, `orders whose last change never arrived: ${stale.join(', ')}`).toEqual([]);
      expect(applied.repeated, 'events delivered twice though their cursor was stored').toEqual([]);
      // A simulator that applies no change would make the check pass without testing anything.
      expect(changesApplied, 'the simulator applied fewer than 3 changes: the check tested nothing').toBeGreaterThanOrEqual(3);
    },
  },
];

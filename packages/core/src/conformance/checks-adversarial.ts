import { expect } from 'vitest';
import type { BatchResult } from '../contract/results.js';
import { IncompleteResultError, ResponseFormatError, type UnreadableOrderError } from '../errors/classes.js';
import { MallkitError } from '../errors/mallkit-error.js';
import { isConnectorWide } from '../errors/outcome.js';
import type { PagingLie } from '../testing/store.js';
import type { ConformanceCheck, ConformanceContext } from './context.js';
import { collect, collectUntilError, DAY, rejection, windowOf } from './helpers.js';

/**
 * The most requests a listing of the seeds may take while the mall lies: twice what an honest
 * listing takes, plus room for the guards to notice (a mall that needs several calls per order,
 * like Amazon's v0 path, must not be blamed for them).
 */
function listingBound(honest: number): number {
  return 2 * honest + 30;
}

/** Writes to the given orders with whatever write the mall has, for checks that only care how the batch ends. */
function writeTo(ctx: ConformanceContext, ids: readonly string[]): Promise<BatchResult> {
  const { connector, sandbox } = ctx;
  if (connector.capabilities.confirmOrders !== null) return connector.confirmOrders(ids);
  const shippedAt = new Date(sandbox.clock.now() - DAY).toISOString();
  return connector.exportShipments(ids.map((orderId, i) => ({ orderId, carrier: 'yamato' as const, trackingNumber: `4912-3456-77${String(i).padStart(2, '0')}`, shippedAt })));
}

async function listWhileLying(ctx: ConformanceContext, lie: PagingLie, window: { from: string; to: string }, bound: number) {
  const { sandbox } = ctx;
  sandbox.adversary.lieAboutPaging(lie);
  const before = sandbox.kit.log.count();
  // A connector that never stops may never yield either (empty pages): a watchdog ends it from the
  // mall's side, refusing every request once the bound is passed, and the check then says so.
  let runaway = false;
  const watchdog = setInterval(() => {
    if (runaway || sandbox.kit.log.count() - before <= bound) return;
    runaway = true;
    sandbox.kit.faults.inject({ kind: 'status', status: 400, body: 'stopped by the conformance suite' }, { times: Number.POSITIVE_INFINITY });
  }, 20);
  const ids: string[] = [];
  let error: unknown;
  try {
    for await (const order of ctx.connector.listOrders(window)) ids.push(order.id);
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(watchdog);
    sandbox.kit.faults.clear();
    sandbox.adversary.lieAboutPaging(null);
  }
  if (runaway) throw new Error(`listOrders sent more than ${bound} requests while the mall lied (${lie}): it does not stop`);
  return { ids, error, requests: sandbox.kit.log.count() - before };
}

/** The checks of a mall that misbehaves: lying paging, broken orders, unreadable answers, credentials lost mid-batch. */
export const adversarialChecks: readonly ConformanceCheck[] = [
  {
    name: 'unreadable answers to reads (malformed, cut short) are retried like any transient failure',
    async run({ connector, sandbox }, seeds) {
      // Warm up first, so that token refreshes are not what the faults hit.
      await connector.getOrders([seeds[0]!.id]);
      sandbox.kit.faults.inject({ kind: 'malformed' });
      sandbox.kit.faults.inject({ kind: 'truncated' });
      const orders = await connector.getOrders([seeds[1]!.id]);
      expect(orders[0]?.id).toBe(seeds[1]!.id);
      sandbox.kit.faults.inject({ kind: 'truncated' });
      sandbox.kit.faults.inject({ kind: 'malformed' });
      const listed = await collect(connector.listOrders(windowOf(seeds)));
      expect(listed.length).toBe(seeds.length);
    },
  },
  {
    name: 'a mall that lies about paging never makes listOrders endless',
    async run(ctx, seeds) {
      const window = windowOf(seeds);
      const before = ctx.sandbox.kit.log.count();
      await collect(ctx.connector.listOrders(window));
      const bound = listingBound(ctx.sandbox.kit.log.count() - before);
      const inflated = await listWhileLying(ctx, 'inflated-total', window, bound);
      expect(inflated.error, `inflated total: ${String(inflated.error)}`).toBeUndefined();
      expect([...new Set(inflated.ids)].sort()).toEqual(seeds.map((s) => s.id).sort());
      for (const lie of ['repeat-page', 'repeat-cursor'] as const) {
        const outcome = await listWhileLying(ctx, lie, window, bound);
        expect(new Set(outcome.ids).size, `${lie}: an order was yielded twice`).toBe(outcome.ids.length);
        if (outcome.error !== undefined) {
          expect(ResponseFormatError.isInstance(outcome.error), `${lie}: ${String(outcome.error)}`).toBe(true);
          expect((outcome.error as Error).message).toMatch(/pagination/);
        }
        expect(outcome.requests).toBeLessThanOrEqual(bound);
      }
    },
  },
  {
    name: 'one unreadable order never loses the others, and the listing says it was incomplete',
    async run({ connector, sandbox }, seeds) {
      const bad = seeds[Math.floor(seeds.length / 2)]!;
      sandbox.adversary.corruptOrder(bad.id);
      const others = seeds.filter((s) => s.id !== bad.id).map((s) => s.id).sort();

      const listed = await collectUntilError(connector.listOrders(windowOf(seeds)));
      expect(IncompleteResultError.isInstance(listed.error), `expected IncompleteResultError, got ${String(listed.error)}`).toBe(true);
      expect((listed.error as IncompleteResultError).failures.map((f) => f.orderId)).toEqual([bad.id]);
      expect(listed.items.map((o) => o.id).sort()).toEqual(others);

      const reported: UnreadableOrderError[] = [];
      const quiet = await collect(connector.listOrders(windowOf(seeds), { onOrderError: (error) => reported.push(error) }));
      expect(quiet.map((o) => o.id).sort()).toEqual(others);
      expect(reported.map((e) => e.orderId)).toEqual([bad.id]);
      expect(reported[0]?.excerpt.length).toBeGreaterThan(0);

      const [first, last] = [seeds[0]!, seeds[seeds.length - 1]!];
      const read = await rejection(connector.getOrders([first.id, bad.id, last.id]));
      expect(IncompleteResultError.isInstance(read), String(read)).toBe(true);
      expect((read as IncompleteResultError).orders.map((o) => o.id)).toEqual([first.id, last.id]);
      expect((read as IncompleteResultError).failures.map((f) => f.orderId)).toEqual([bad.id]);
    },
  },
  {
    name: 'an order listed with a control character in its id is reported, and every other order is delivered',
    async run({ connector, sandbox }, seeds) {
      sandbox.adversary.addOrderWithId(seeds[0]!.id, `${seeds[0]!.id}\u0001x`);
      const listed = await collectUntilError(connector.listOrders(windowOf(seeds)));
      expect(listed.items.map((o) => o.id).sort()).toEqual(seeds.map((s) => s.id).sort());
      expect(IncompleteResultError.isInstance(listed.error), `expected IncompleteResultError, got ${String(listed.error)}`).toBe(true);
      const failure = (listed.error as IncompleteResultError).failures[0];
      expect(failure?.orderId).toBe(`${seeds[0]!.id}\\u0001x`);
    },
  },
  {
    name: 'a connector-wide failure (expired credential) stops a batch write instead of failing every order',
    async run(ctx, seeds) {
      const { sandbox } = ctx;
      const ids = seeds.slice(0, 6).map((s) => s.id);
      if (ctx.connector.capabilities.confirmOrders === null && ctx.connector.capabilities.exportShipments === null) return;
      // Warm up, so that the refused requests below are the writes' own.
      await ctx.connector.getOrders([ids[0]!]);
      sandbox.expireCredential();
      const before = sandbox.kit.log.count();
      const error = await rejection(writeTo(ctx, ids));
      const sent = sandbox.kit.log.count() - before;
      expect(MallkitError.isInstance(error) && isConnectorWide(error), `expected a connector-wide error to be thrown, got ${String(error)}`).toBe(true);
      const progress = (error as MallkitError).batch;
      expect(progress, 'the thrown error carries the batch progress').not.toBeNull();
      expect([...progress!.results.map((r) => r.id), ...progress!.notSent].sort()).toEqual([...ids].sort());
      expect(sent, `${sent} requests after the credential expired: the batch went on order after order`).toBeLessThanOrEqual(4);
    },
  },
];

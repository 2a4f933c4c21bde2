import { setUpConformance, syncChecks, type ConformanceTarget } from '@mallkit/core/conformance';
import type { SandboxSimulator } from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createShopserveConnector, type ShopserveConnectorOptions } from '../src/index.js';
import { createShopserveSandbox, type ShopserveSandbox, type ShopserveSandboxConnection, type ShopserveSandboxInit } from '../src/testing/index.js';

/*
 * The conformance suite's incremental-sync check (a randomized simulation with crashes) already
 * runs in conformance.test.ts on the default profile. Here: the same check on the profile without
 * a search by 受注更新日時, and proof that the check sees it when Shopserve's changes do not move
 * 受注更新日時 — the blind spot the README names.
 */

type Sandboxes = (init: ShopserveSandboxInit) => ShopserveSandbox;

/**
 * The check's outcome against the sandboxes `create` makes: 'passed' or the failure's message. `dense`
 * seeds 60 orders over the last 6 days instead of the suite's 40 over 120, so that most orders the
 * simulation changes were placed before its first sync (with the suite's seeds, it changes only
 * orders it placed itself).
 */
async function outcome(create: Sandboxes, dense = false): Promise<string> {
  const target: ConformanceTarget<ShopserveSandboxConnection> = {
    name: 'shopserve',
    createSandbox: (init) => create(init),
    createConnector: (options) => createShopserveConnector(options as ShopserveConnectorOptions),
    ...(dense ? { seedCount: 60, spanDays: 6 } : {}),
  };
  const { ctx, seeds } = await setUpConformance(target);
  try {
    await syncChecks[0]!.run(ctx, seeds, new Date(ctx.sandbox.clock.now()));
    return 'passed';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    ctx.close();
  }
}

/** A sandbox whose changes leave 受注更新日時 where it was. */
const changesWithoutUpdateTime: Sandboxes = (init) => {
  const sandbox = createShopserveSandbox(init);
  const simulator: SandboxSimulator = {
    place: (seeds) => sandbox.simulator.place(seeds),
    change(id, change) {
      const before = sandbox.orders.get(id)?.order.basic.updated_at ?? null;
      if (!sandbox.simulator.change(id, change)) return false;
      const record = sandbox.orders.get(id)!;
      sandbox.putOrder({ ...record.order, basic: { ...record.order.basic, updated_at: before } });
      return true;
    },
  };
  return Object.assign(Object.create(sandbox) as ShopserveSandbox, { simulator });
};

const withoutUpdatedSearch: Sandboxes = (init) => createShopserveSandbox({ ...init, wire: { updatedSearch: false } });

describe('the incremental-sync check on Shopserve', () => {
  it('passes by update time with orders placed before the first sync changing too', async () => {
    expect(await outcome(createShopserveSandbox, true)).toBe('passed');
  });

  it('passes without a search by 受注更新日時, re-reading the 14-day look-back', async () => {
    expect(await outcome(withoutUpdatedSearch)).toBe('passed');
    expect(await outcome(withoutUpdatedSearch, true)).toBe('passed');
  });

  it('fails when the mall records changes without moving 受注更新日時: such changes are invisible to a search by update time', async () => {
    expect(await outcome(changesWithoutUpdateTime)).toMatch(/never arrived/);
    expect(await outcome(changesWithoutUpdateTime, true)).toMatch(/never arrived/);
  });
});

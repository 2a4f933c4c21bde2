import type { ChangeVisibility, MallConnector } from '@mallkit/core';
import { setUpConformance, syncChecks } from '@mallkit/core/conformance';
import type { OrderChange, SandboxSimulator } from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createAmazonConnector } from '../src/connector.js';
import type { OrdersApiVersion } from '../src/options.js';
import { createAmazonSandbox } from '../src/testing/index.js';

/**
 * The conformance suite's incremental-sync check on a busy Amazon shop, on both read paths. With
 * the suite's 40 orders over 120 days hardly any order is young enough to change; 60 orders over
 * the last 6 days give it open orders to cancel, pay, ship and readdress.
 */

type Rewire = (changes: ChangeVisibility) => ChangeVisibility;

async function outcome(ordersApi: OrdersApiVersion, rewire?: Rewire): Promise<{ result: 'passed' | string; applied: OrderChange[] }> {
  const applied: OrderChange[] = [];
  const { ctx, seeds } = await setUpConformance({
    name: 'Amazon',
    rateScale: 100,
    seedCount: 60,
    spanDays: 6,
    createSandbox: (init) => {
      const sandbox = createAmazonSandbox(init);
      const { simulator } = sandbox;
      // Counts the changes that applied, so that a pass means there were changes to deliver.
      const counted: SandboxSimulator = {
        place: (placed) => simulator.place(placed),
        change: (id, change) => (simulator.change(id, change) ? applied.push(change) > 0 : false),
      };
      return { ...sandbox, handlers: sandbox.handlers, simulator: counted };
    },
    createConnector: (options) => {
      const connector: MallConnector = createAmazonConnector({ ...options, ordersApi });
      if (!rewire) return connector;
      const changes = connector.capabilities.changes;
      if (!changes) throw new Error('Amazon declares its change visibility');
      return {
        ...connector,
        listOrders: connector.listOrders.bind(connector),
        getOrders: connector.getOrders.bind(connector),
        capabilities: { ...connector.capabilities, changes: rewire(changes) },
      } as MallConnector;
    },
  });
  try {
    await syncChecks[0]?.run(ctx, seeds, new Date(ctx.sandbox.clock.now()));
    return { result: 'passed', applied };
  } catch (error) {
    return { result: error instanceof Error ? error.message : String(error), applied };
  } finally {
    await ctx.close();
  }
}

/** Searches by order date since the last sync, as `createdAfter` polling does. */
const byCreationTime: Rewire = (changes) => ({ ...changes, searches: [{ dateType: 'ordered', mode: 'since' }] });
/** Pretends Amazon shows a change at once: windows no longer overlap by the two minutes Amazon hides. */
const withoutLag: Rewire = (changes) => ({ ...changes, visibilityLagMs: 0 });

describe.each<[string, OrdersApiVersion]>([
  ['v2026-01-01', '2026-01-01'],
  ['v0 path', 'v0'],
])('the incremental-sync check on a busy Amazon shop (%s)', (_name, ordersApi) => {
  it('passes: every new order and every change arrives, none twice, across crashes and Amazon’s two minutes', async () => {
    const { result, applied } = await outcome(ordersApi);
    expect(result).toBe('passed');
    // The check picks orders and changes at random; on this shop every kind of change is played.
    expect(applied.length).toBeGreaterThanOrEqual(5);
    expect(new Set(applied)).toEqual(new Set(['cancel', 'pay', 'ship', 'address']));
  }, 60_000);

  it('fails when orders are searched by creation time (createdAfter): a cancellation or shipment of an order placed before the window never arrives', async () => {
    expect((await outcome(ordersApi, byCreationTime)).result).toMatch(/never arrived/);
  }, 60_000);

  it('fails when the two minutes Amazon hides are not declared: a change made just before a sync falls between two windows', async () => {
    expect((await outcome(ordersApi, withoutLag)).result).toMatch(/never arrived/);
  }, 60_000);
});

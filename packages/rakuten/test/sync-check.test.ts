import type { MallConnector } from '@mallkit/core';
import { setUpConformance, syncChecks } from '@mallkit/core/conformance';
import type { OrderChange, SandboxSimulator } from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createRakutenConnector } from '../src/index.js';
import { createRakutenSandbox } from '../src/testing/index.js';

/**
 * The conformance suite's incremental-sync check, on a busy shop. With the suite's 40 orders over
 * 120 days hardly any order is young enough for the check to change; 80 orders over the last 6
 * days give it open orders to cancel, pay, ship and readdress.
 */

type Rewire = (connector: MallConnector) => MallConnector;

async function outcome(rewire: Rewire = (connector) => connector): Promise<{ result: 'passed' | string; applied: OrderChange[] }> {
  const applied: OrderChange[] = [];
  const { ctx, seeds } = await setUpConformance({
    name: '楽天市場',
    seedCount: 80,
    spanDays: 6,
    createSandbox: (init) => {
      const sandbox = createRakutenSandbox(init);
      const { simulator } = sandbox;
      // Counts the changes that applied, so that a pass means changes were there to deliver.
      const counted: SandboxSimulator = {
        place: (placed) => simulator.place(placed),
        change: (id, change) => (simulator.change(id, change) ? applied.push(change) > 0 : false),
      };
      return { ...sandbox, handlers: sandbox.handlers, simulator: counted };
    },
    createConnector: (options) => rewire(createRakutenConnector(options)),
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

describe('the incremental-sync check on a busy Rakuten shop', () => {
  it('passes: every new order and every change arrives, none twice, across crashes — with cancellations, shipments and payments played', async () => {
    const { result, applied } = await outcome();
    expect(result).toBe('passed');
    // The check picks orders and changes at random; with this shop they include cancellations, shipments and payments.
    expect(applied.length).toBeGreaterThanOrEqual(5);
    // Several kinds of change, so that more than one search of the sync is exercised.
    expect(new Set(applied).size).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('fails when 注文日 is searched like an update time instead of re-read over a look-back: cancellations and new addresses move no searchable date, so they never arrive', async () => {
    const orderDateAsUpdateTime: Rewire = (connector) => {
      const changes = connector.capabilities.changes;
      if (!changes) throw new Error('Rakuten declares its change visibility');
      const searches = changes.searches.map((search) => (search.mode === 'lookback' ? { ...search, mode: 'since' as const } : search));
      return {
        ...connector,
        listOrders: connector.listOrders.bind(connector),
        getOrders: connector.getOrders.bind(connector),
        capabilities: { ...connector.capabilities, changes: { ...changes, searches } },
      } as MallConnector;
    };
    expect((await outcome(orderDateAsUpdateTime)).result).toMatch(/never arrived/);
  }, 60_000);
});

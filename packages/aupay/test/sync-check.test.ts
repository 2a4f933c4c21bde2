import type { MallConnector } from '@mallkit/core';
import { setUpConformance, syncChecks } from '@mallkit/core/conformance';
import { describe, expect, it } from 'vitest';
import { createAupayConnector } from '../src/index.js';
import { createAupaySandbox } from '../src/testing/index.js';

/**
 * The conformance suite's incremental-sync check, on a busy shop. With the suite's 40 orders over
 * 120 days hardly any order is young enough for the check to change, and most new ones arrive
 * already 完了, where au PAY's status machine lets nothing happen; 80 orders over the last 6 days
 * give it open orders to cancel, pay, ship and readdress.
 */

type Rewire = (connector: MallConnector) => MallConnector;

async function outcome(rewire: Rewire = (connector) => connector): Promise<'passed' | string> {
  const { ctx, seeds } = await setUpConformance({
    name: 'au PAY マーケット',
    seedCount: 80,
    spanDays: 6,
    createSandbox: (init) => createAupaySandbox(init),
    createConnector: (options) => rewire(createAupayConnector(options)),
  });
  try {
    await syncChecks[0]?.run(ctx, seeds, new Date(ctx.sandbox.clock.now()));
    return 'passed';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await ctx.close();
  }
}

describe('the incremental-sync check on a busy au PAY shop', () => {
  it('passes: every new order and every change inside the look-back arrives, none twice, across crashes', async () => {
    expect(await outcome()).toBe('passed');
  }, 60_000);

  it('fails when a sync takes the order date for an update time: changes to orders placed earlier never arrive', async () => {
    const sinceOrdered: Rewire = (connector) => {
      const changes = connector.capabilities.changes;
      if (!changes) throw new Error('au PAY declares its change visibility');
      return {
        ...connector,
        listOrders: connector.listOrders.bind(connector),
        getOrders: connector.getOrders.bind(connector),
        capabilities: { ...connector.capabilities, changes: { ...changes, searches: [{ dateType: 'ordered', mode: 'since' }] } },
      } as MallConnector;
    };
    expect(await outcome(sinceOrdered)).toMatch(/never arrived/);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import type { MallConnector } from '../../src/contract/connector.js';
import { syncChecks } from '../../src/conformance/checks-sync.js';
import { setUpConformance } from '../../src/conformance/suite.js';
import { exampleTarget, type Breakage } from './harness.js';

async function outcome(breakage?: Breakage): Promise<'passed' | string> {
  const { ctx, seeds } = await setUpConformance(exampleTarget(breakage));
  try {
    await syncChecks[0]!.run(ctx, seeds, new Date(ctx.sandbox.clock.now()));
    return 'passed';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await ctx.close();
  }
}

describe('the incremental-sync check', () => {
  it('passes the honest example mall, whose update search shows changes a minute late', async () => {
    expect(await outcome()).toBe('passed');
  });

  it('fails when the connector hides its visibility lag, so that windows do not overlap', async () => {
    const noOverlap: Breakage = (connector) => {
      const changes = connector.capabilities.changes!;
      return { ...connector, listOrders: connector.listOrders.bind(connector), getOrders: connector.getOrders.bind(connector), capabilities: { ...connector.capabilities, changes: { ...changes, visibilityLagMs: 0 } } } as MallConnector;
    };
    expect(await outcome(noOverlap)).toMatch(/never arrived/);
  });
});

import { describe, expect, it } from 'vitest';
import type { MallConnector } from '../../src/contract/connector.js';
import { createThrottleLimiter, unlimited } from '../../src/http/limiter.js';
import { conformanceChecks, type ConformanceCheck } from '../../src/conformance/suite.js';
import { generateSeedOrders } from '../../src/testing/generator.js';
import { createExampleConnector } from './connector.js';
import { exampleHarness, type Breakage } from './harness.js';

const now = new Date('2026-11-22T10:00:00+09:00');
const seeds = generateSeedOrders({ count: 40, seed: 20261122, from: new Date(now.getTime() - 120 * 86_400_000), to: new Date(now.getTime() - 3_600_000) });

function check(name: string): ConformanceCheck {
  const found = conformanceChecks.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

async function outcome(breakage: Breakage, checkName: string): Promise<'passed' | string> {
  const ctx = await exampleHarness(breakage).setup(seeds, now);
  try {
    await check(checkName).run(ctx, seeds, now);
    return 'passed';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await ctx.close();
  }
}

const withOverrides = (connector: MallConnector, overrides: Partial<MallConnector>): MallConnector =>
  Object.assign(Object.create(Object.getPrototypeOf(connector) as object) as MallConnector, connector, overrides);

describe('the conformance suite fails a broken connector', () => {
  it('when listOrders ignores the date-window limit and so misses older orders', async () => {
    const onlyLastWindow: Breakage = (connector, options) => {
      const honest = connector;
      return withOverrides(honest, {
        listOrders: (query, call) => honest.listOrders({ ...query, from: new Date(Date.parse(String(query.to ?? options.clock!.now())) - 29 * 86_400_000) }, call),
      });
    };
    expect(await outcome(onlyLastWindow, 'listOrders yields every seeded order')).not.toBe('passed');
  });

  it('when listOrders yields an order twice', async () => {
    const duplicating: Breakage = (connector) =>
      withOverrides(connector, {
        listOrders: async function* (query, call) {
          let first = true;
          for await (const order of connector.listOrders(query, call)) {
            yield order;
            if (first) yield order;
            first = false;
          }
        },
      });
    expect(await outcome(duplicating, 'listOrders yields every seeded order')).toMatch(/yielded twice/);
  });

  it('when the connector does not throttle and meets the mall QPS error', async () => {
    const unthrottled: Breakage = (_connector, options) => createExampleConnector({ ...options, rateLimit: unlimited, retry: { retries: 8 } });
    const manyPages: Breakage = (connector, options) => {
      const fast = unthrottled(connector, options);
      return withOverrides(fast, {
        listOrders: async function* (query, call) {
          // Several listings at once, as a careless OMS would run them, to exceed 20 requests per second.
          const all = await Promise.all([0, 1, 2].map(async () => {
            const out = [];
            for await (const order of fast.listOrders(query, call)) out.push(order);
            return out;
          }));
          yield* all[0]!;
        },
      });
    };
    // Either the suite sees the QPS errors the mall counted, or the retries run out on 429s.
    expect(await outcome(manyPages, 'listOrders yields every seeded order')).toMatch(/QPS|429/);
  });

  it('when confirming an already confirmed order is reported as a failure', async () => {
    const notIdempotent: Breakage = (connector) =>
      withOverrides(connector, {
        confirmOrders: async (ids, call) => {
          const result = await connector.confirmOrders(ids, call);
          const results = result.results.map((r) => (r.ok && r.alreadyDone ? { id: r.id, ok: false as const, error: new Error('already') as never } : r));
          return { ...result, results };
        },
      });
    expect(await outcome(notIdempotent, 'confirmOrders is idempotent')).not.toBe('passed');
  });

  it('when bad input reaches the mall instead of failing first', async () => {
    const sendsAnyway: Breakage = (connector) =>
      withOverrides(connector, {
        getOrders: async (ids, call) => {
          await connector.listOrders({ from: now, to: now }, call)[Symbol.asyncIterator]().next();
          return connector.getOrders(ids, call);
        },
      });
    expect(await outcome(sendsAnyway, 'bad input throws ValidationError')).toMatch(/request was sent/);
  });

  it('when an error message carries the API key', async () => {
    const leaky: Breakage = (connector, options) =>
      withOverrides(connector, {
        getOrders: (ids, call) =>
          connector.getOrders(ids, call).catch((error: Error) => {
            error.message += ` (key ${options.apiKey})`;
            throw error;
          }),
      });
    expect(await outcome(leaky, 'no secret appears')).toMatch(/leaked/);
  });

  it('and the honest connector passes the same checks with a real throttle', async () => {
    const honest: Breakage = (_c, options) => createExampleConnector({ ...options, rateLimit: createThrottleLimiter({ limit: 20, intervalMs: 1000 }) });
    expect(await outcome(honest, 'listOrders yields every seeded order')).toBe('passed');
  });
});

import { describe, expect, it } from 'vitest';
import type { MallConnector } from '../../src/contract/connector.js';
import { toBatchResult, type BatchItemResult } from '../../src/contract/results.js';
import { conformanceChecks, setUpConformance } from '../../src/conformance/suite.js';
import type { ConformanceCheck } from '../../src/conformance/context.js';
import { MallkitError } from '../../src/errors/mallkit-error.js';
import { createThrottleLimiter, unlimited } from '../../src/http/limiter.js';
import { chunk } from '../../src/iter/batch.js';
import { splitWindow } from '../../src/time/windows.js';
import { getEndpoint, searchEndpoint } from './api.js';
import { createExampleConnector, createExampleParts } from './connector.js';
import { exampleTarget, type Breakage } from './harness.js';
import { toOrder } from './mapping.js';
import { MAX_WINDOW_DAYS, PAGE_SIZE, type ExampleWireOrder } from './sandbox.js';

function check(name: string): ConformanceCheck {
  const found = conformanceChecks.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

/** Runs one check against the example mall with a breakage applied; 'passed' or the failure's message. */
async function outcome(breakage: Breakage, checkName: string): Promise<'passed' | string> {
  const { ctx, seeds } = await setUpConformance(exampleTarget(breakage));
  try {
    await check(checkName).run(ctx, seeds, new Date(ctx.sandbox.clock.now()));
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
    const onlyLastWindow: Breakage = (connector, options) =>
      withOverrides(connector, {
        listOrders: (query, call) => connector.listOrders({ ...query, from: new Date(Date.parse(String(query.to ?? options.clock!.now())) - 29 * 86_400_000) }, call),
      });
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
    const manyPages: Breakage = (_connector, options) => {
      const fast = createExampleConnector({ ...options, rateLimit: unlimited, retry: { retries: 8 } });
      return withOverrides(fast, {
        listOrders: async function* (query, call) {
          // Several listings at once, as a careless OMS would run them, to exceed the mall's rate.
          const all = await Promise.all(Array.from({ length: 10 }, async () => {
            const out = [];
            for await (const order of fast.listOrders(query, call)) out.push(order);
            return out;
          }));
          yield* all[0]!;
        },
      });
    };
    // Either the suite sees the QPS errors the mall counted, or the retries run out on 429s.
    expect(await outcome(manyPages, 'listOrders yields every seeded order')).toMatch(/QPS|429|rate/);
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
    const sendsAnyway: Breakage = (connector, options) =>
      withOverrides(connector, {
        getOrders: async (ids, call) => {
          await connector.listOrders({ from: new Date(options.clock!.now() - 86_400_000) }, call)[Symbol.asyncIterator]().next();
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
    expect(await outcome(leaky, 'no secret appears in any error')).toMatch(/leaked/);
  });

  it('when an error keeps the request (with its auth header) as its cause, as ky errors did', async () => {
    const keepsRequest: Breakage = (connector, options) =>
      withOverrides(connector, {
        getOrders: (ids, call) =>
          connector.getOrders(ids, call).catch((error: unknown) => {
            if (MallkitError.isInstance(error)) {
              Object.defineProperty(error, 'cause', { value: { request: { headers: { 'X-Api-Key': options.apiKey, Authorization: `Bearer ${options.apiKey}` } } } });
            }
            throw error;
          }),
      });
    expect(await outcome(keepsRequest, 'no secret or auth header in inspected errors')).toMatch(/leaked/);
  });

  it('when a date the calendar does not have rolls over to the next month instead of being refused', async () => {
    const rollsOver: Breakage = (connector) =>
      withOverrides(connector, {
        exportShipments: (updates, call) => connector.exportShipments(updates.map((u) => ({ ...u, shippedAt: new Date(u.shippedAt) })), call),
      });
    expect(await outcome(rollsOver, 'dates the calendar does not have')).not.toBe('passed');
  });

  it('when control characters are stripped from ids instead of refused', async () => {
    const strips: Breakage = (connector) =>
      withOverrides(connector, {
        getOrders: (ids, call) => connector.getOrders(ids.map((id) => id.replace(/[\u0000-\u001f]/g, '')), call),
      });
    expect(await outcome(strips, 'control characters, emoji and oversized values')).not.toBe('passed');
  });

  it('when call options are ignored instead of checked', async () => {
    const ignores: Breakage = (connector) => withOverrides(connector, { getOrders: (ids) => connector.getOrders(ids, {}) });
    expect(await outcome(ignores, 'call options are checked')).not.toBe('passed');
  });

  it('when an unreadable answer to a read is not retried', async () => {
    const noRetry: Breakage = (connector) => withOverrides(connector, { getOrders: (ids, call) => connector.getOrders(ids, { ...call, retries: 0 }) });
    expect(await outcome(noRetry, 'unreadable answers to reads')).not.toBe('passed');
  });

  it('when paging trusts the total and the page number the mall sends', async () => {
    const trusting: Breakage = (connector, options) => {
      const { client, shopId } = createExampleParts(options);
      return withOverrides(connector, {
        listOrders: async function* (query) {
          const to = query.to ? new Date(query.to) : new Date(client.clock.now());
          for (const window of splitWindow(new Date(query.from), to, MAX_WINDOW_DAYS)) {
            for (let page = 1; ; page += 1) {
              const answer = await client.call(searchEndpoint, { from: window.from, to: window.to, page, dateType: 'ordered' });
              for (const ids of chunk(answer.ids, 10)) {
                for (const wire of (await client.call(getEndpoint, ids)).orders) yield toOrder(wire as ExampleWireOrder, shopId, []);
              }
              if (page * PAGE_SIZE >= answer.total) break;
            }
          }
        },
      });
    };
    expect(await outcome(trusting, 'a mall that lies about paging')).toMatch(/does not stop/);
  });

  it('when one unreadable order fails its whole detail batch', async () => {
    const wholeBatch: Breakage = (connector) =>
      withOverrides(connector, {
        listOrders: async function* (query, call) {
          // Drops what the kit reports, like a connector that parses a batch as one answer.
          yield* connector.listOrders(query, { ...call, onOrderError: () => undefined });
        },
      });
    expect(await outcome(wholeBatch, 'one unreadable order never loses the others')).not.toBe('passed');
  });

  it('when an order listed with a bad id is silently dropped', async () => {
    const silent: Breakage = (connector) =>
      withOverrides(connector, { listOrders: (query, call) => connector.listOrders(query, { ...call, onOrderError: () => undefined }) });
    expect(await outcome(silent, 'an order listed with a control character')).toMatch(/IncompleteResultError/);
  });

  it('when a connector-wide failure is reported once per order and the batch goes on', async () => {
    const perRow: Breakage = (connector) =>
      withOverrides(connector, {
        confirmOrders: async (ids, call) => {
          const results: BatchItemResult[] = [];
          for (const id of ids) {
            try {
              results.push(...(await connector.confirmOrders([id], call)).results);
            } catch (error) {
              results.push({ id, ok: false, error: error as MallkitError });
            }
          }
          return toBatchResult(results);
        },
      });
    expect(await outcome(perRow, 'a connector-wide failure')).not.toBe('passed');
  });

  it('when connector options of the wrong kind are silently replaced by defaults', async () => {
    const { ctx, seeds } = await setUpConformance({
      ...exampleTarget(),
      // Like a connector that "repairs" what it was given instead of refusing it.
      createConnector: (options) => createExampleConnector({ ...options, timeoutMs: 5_000, retry: {}, rateLimit: { limit: 50, intervalMs: 1000 }, baseUrl: 'https://api.example-mall.test/v1' }),
    });
    try {
      const failure = await check('connector options are checked').run(ctx, seeds, new Date(ctx.sandbox.clock.now())).then(() => 'passed', (error: Error) => error.message);
      expect(failure).toMatch(/expected ValidationError/);
    } finally {
      await ctx.close();
    }
  });

  it('and the honest connector passes the same checks with a real throttle', async () => {
    const honest: Breakage = (_c, options) => createExampleConnector({ ...options, rateLimit: createThrottleLimiter({ limit: 20, intervalMs: 1000 }) });
    for (const name of ['listOrders yields every seeded order', 'a mall that lies about paging', 'one unreadable order never loses the others']) {
      expect(await outcome(honest, name)).toBe('passed');
    }
  });
});

describe('the conformance suite fails a sandbox that keeps what close() should drop', () => {
  it('when close() leaves the orders in the store', async () => {
    const { ctx, seeds } = await setUpConformance(exampleTarget());
    const leaky = { ...ctx.sandbox, close: () => ctx.sandbox.kit.close() };
    try {
      await expect(check('the sandbox close()').run({ ...ctx, sandbox: leaky }, seeds, new Date(ctx.sandbox.clock.now()))).rejects.toThrow(/orders still held/);
    } finally {
      await ctx.close();
    }
  });
});

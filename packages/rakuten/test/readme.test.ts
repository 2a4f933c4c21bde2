import * as core from '@mallkit/core';
import * as coreTesting from '@mallkit/core/testing';
import { connectSandbox, generateSeedOrders } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runBlock as run, tsBlocks } from '../../../scripts/readme-blocks.js';
import * as rakuten from '../src/index.js';
import * as rakutenTesting from '../src/testing/index.js';

/*
 * The README's examples, taken out of README.md itself (never a hand copy, which drifts), run against
 * a sandbox standing in for the shop. That every block compiles under --strict is checked for all
 * READMEs at once by the `docs` project (scripts/test/readme-blocks.test.ts).
 */

const blocks = tsBlocks('packages/rakuten/README.md').map((block) => block.code);

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('README.md', () => {
  it('has the Japanese and English examples, the sandbox and the incremental sync in ts blocks', () => {
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toContain('createRakutenConnector({');
    expect(blocks[1]).toContain('order.raw.SettlementModel?.settlementMethod');
    expect(blocks[2]).toContain('createRakutenSandbox(');
    expect(blocks[3]).toContain('syncOrders(rakuten');
  });

  it('the English example runs against the sandbox: each pending order of the last two weeks confirmed in the loop, none skipped', async () => {
    const sandbox = rakutenTesting.createRakutenSandbox({ rateScale: 50 });
    const now = sandbox.clock.now();
    sandbox.seed(generateSeedOrders({ count: 40, seed: 4, from: new Date(now - 10 * 86_400_000), to: new Date(now - 3_600_000) }));
    const connection = connectSandbox(sandbox, rakuten.createRakutenConnector);
    close = connection.close;
    const pending = sandbox.orders().filter((o) => o.orderProgress === 100 && o.postagePrice !== -9999).map((o) => o.orderNumber);
    const createRakutenConnector: typeof rakuten.createRakutenConnector = (options) =>
      rakuten.createRakutenConnector({ ...options, ...sandbox.connectorOptions(), clock: sandbox.clock });
    const lines: unknown[][] = [];
    await run(blocks[1] ?? '', { '@mallkit/rakuten': { ...rakuten, createRakutenConnector } }, (...values) => lines.push(values));
    expect(pending.length).toBeGreaterThan(0);
    const confirmed = lines.slice(0, -1).filter((line) => (line[2] as { ok?: boolean } | undefined)?.ok === true).map((line) => line[0]);
    expect(confirmed).toEqual(expect.arrayContaining(pending));
    expect(lines.at(-1)).toEqual([true]);
    expect(sandbox.orders().filter((o) => pending.includes(o.orderNumber)).every((o) => o.orderProgress !== 100)).toBe(true);
  });

  it('the incremental-sync example runs against the sandbox: every order of its 30-day look-back arrives, and older orders shipped or settled within it', async () => {
    const sandbox = rakutenTesting.createRakutenSandbox({ rateScale: 50 });
    const now = sandbox.clock.now();
    const seeded = sandbox.seed(generateSeedOrders({ count: 30, seed: 5, from: new Date(now - 40 * 86_400_000), to: new Date(now - 3_600_000) }));
    const connection = connectSandbox(sandbox, rakuten.createRakutenConnector);
    close = connection.close;
    const createRakutenConnector: typeof rakuten.createRakutenConnector = (options) =>
      rakuten.createRakutenConnector({ ...options, ...sandbox.connectorOptions(), clock: sandbox.clock });
    // The sync runs on the sandbox's clock, as the connector does.
    const syncOrders: typeof core.syncOrders = (connector, options) => core.syncOrders(connector, { ...options, clock: sandbox.clock });
    const lines: unknown[][] = [];
    await run(blocks[3] ?? '', { '@mallkit/core': { ...core, syncOrders }, '@mallkit/rakuten': { ...rakuten, createRakutenConnector } }, (...values) => lines.push(values));
    const within = seeded.filter((seed) => Date.parse(seed.orderedAt) >= now - 30 * 86_400_000).map((seed) => seed.id);
    expect(within.length).toBeGreaterThan(0);
    // Besides them, older orders whose shipment report or settlement falls within the 30 days.
    expect(lines.map((line) => line[1])).toEqual(expect.arrayContaining(within));
    const older = lines.map((line) => String(line[1])).filter((id) => !within.includes(id));
    const recent = (at: string | null | undefined): boolean => at !== null && at !== undefined && core.parseJst(at).getTime() >= now - 30 * 86_400_000;
    expect(older.every((id) => recent(sandbox.order(id)?.shippingCmplRptDatetime) || recent(sandbox.store.orders.get(id)?.paidAt))).toBe(true);
  });

  it('the sandbox example runs as written', async () => {
    const lines: unknown[][] = [];
    await run(blocks[2] ?? '', { '@mallkit/core/testing': coreTesting, '@mallkit/core': core, '@mallkit/rakuten': rakuten, '@mallkit/rakuten/testing': rakutenTesting }, (...values) => lines.push(values));
    expect(lines).toEqual([[expect.stringMatching(/^398765-\d{8}-\d{10}$/)]]);
  });
});

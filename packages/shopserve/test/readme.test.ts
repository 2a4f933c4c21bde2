import * as core from '@mallkit/core';
import * as coreTesting from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runBlock as run, tsBlocks } from '../../../scripts/readme-blocks.js';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import * as shopserve from '../src/index.js';
import * as shopserveTesting from '../src/testing/index.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { startRig, type Rig } from './harness.js';

/*
 * The README's examples, taken out of README.md itself (never a hand copy, which drifts), run against
 * a sandbox standing in for the shop. That every block compiles under --strict is checked for all
 * READMEs at once by the `docs` project (scripts/test/readme-blocks.test.ts).
 */

const blocks = tsBlocks('packages/shopserve/README.md').map((block) => block.code);

let rig: Rig | undefined;
afterEach(() => rig?.close());

describe('README.md', () => {
  it('has the usage example, the wire correction, the incremental sync and the sandbox in ts blocks', () => {
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toContain('createShopserveConnector({');
    expect(blocks[2]).toContain('syncOrders(shopserve, { cursor })');
  });

  it('the usage example runs against the sandbox (credentials and base URL swapped for the sandbox’s)', async () => {
    const target = startRig({ seedCount: 30, spanDays: 5 });
    rig = target;
    target.sandbox.putOrder(shopserveOrderSchema.parse(SAMPLE_ORDER));
    const createShopserveConnector: typeof shopserve.createShopserveConnector = (options) =>
      shopserve.createShopserveConnector({ ...options, ...target.sandbox.connectorOptions(), clock: target.sandbox.clock });
    const lines: unknown[][] = [];
    await run(blocks[0] ?? '', { '@mallkit/shopserve': { ...shopserve, createShopserveConnector } }, (...values) => lines.push(values));

    const pending = lines.slice(0, -1);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending[0]).toEqual([expect.stringMatching(/^3\d{11}$/), expect.stringMatching(/^1\d{7}$/), expect.any(String), expect.any(Number)]);
    expect(lines.at(-1)).toEqual([1, 0, 0]);
    const ids = pending.map((line) => line[0] as string);
    expect((await target.connector.getOrders(ids)).every((order) => order.status.code === 'confirmed' || order.status.code === 'awaiting_payment')).toBe(true);
    expect((await target.connector.getOrders(['300000004711']))[0]?.status.code).toBe('shipped');
  });

  it('the wire correction and the sandbox example run as written', async () => {
    // The correction reads the key from the environment, as a shop's deployment would.
    const before = process.env['SHOPSERVE_MANAGER_KEY'];
    process.env['SHOPSERVE_MANAGER_KEY'] = '0123456789abcdef0123456789abcdef01234567';
    try {
      await run(blocks[1] ?? '', { '@mallkit/shopserve': shopserve }, () => undefined);
    } finally {
      if (before === undefined) delete process.env['SHOPSERVE_MANAGER_KEY'];
      else process.env['SHOPSERVE_MANAGER_KEY'] = before;
    }
    const lines: unknown[][] = [];
    await run(blocks[3] ?? '', { '@mallkit/core/testing': coreTesting, '@mallkit/shopserve': shopserve, '@mallkit/shopserve/testing': shopserveTesting, '@mallkit/core': core }, (...values) =>
      lines.push(values),
    );
    expect(lines).toEqual([[expect.stringMatching(/^3\d{11}$/), 1]]);
  });

  it('the incremental-sync example delivers the last week’s orders, then nothing new on the second poll', async () => {
    const target = startRig({ seedCount: 30, spanDays: 20 });
    rig = target;
    const createShopserveConnector: typeof shopserve.createShopserveConnector = (options) =>
      shopserve.createShopserveConnector({ ...options, ...target.sandbox.connectorOptions(), clock: target.sandbox.clock });
    // syncOrders reads the sandbox's clock, as a sync on the real clock reads the machine's.
    const syncOrders: typeof core.syncOrders = (connector, options) => core.syncOrders(connector, { ...options, clock: target.sandbox.clock });
    const lines: unknown[][] = [];
    await run(blocks[2] ?? '', { '@mallkit/core': { ...core, syncOrders }, '@mallkit/shopserve': { ...shopserve, createShopserveConnector } }, (...values) => lines.push(values));

    const now = target.sandbox.clock.now();
    const lastWeek = target.seeds.filter((seed) => Date.parse(seed.orderedAt) >= now - 7 * 86_400_000);
    expect(lines.map((line) => line[1])).toEqual(expect.arrayContaining(lastWeek.map((seed) => seed.id)));
    expect(new Set(lines.map((line) => line[1])).size).toBe(lines.length);
    expect(lines.every((line) => line[0] === 'new')).toBe(true);
    // The second poll searched from ten minutes before the first one's end, and found nothing new.
    const since = target.sandbox.kit.log.forOperation('searchOrders').map((entry) => (JSON.parse(entry.bodyText) as { since: string }).since);
    expect(since.at(-1)).toBe(core.formatJst(now - 10 * 60_000));
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@mallkit/core';
import { generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { runBlock as runWith, tsBlocks } from '../../../scripts/readme-blocks.js';
import * as makeshop from '../src/index.js';
import { createMakeshopSandbox } from '../src/testing/index.js';

/*
 * The README's examples, taken from README.md itself (never a hand copy), run against the sandbox.
 * That every block compiles under --strict is checked for all READMEs at once by the `docs` project
 * (scripts/test/readme-blocks.test.ts).
 */

const blocks = tsBlocks('packages/makeshop/README.md').map((block) => block.code);

/** Runs a README block as written, with this repository's sources for the published names; console.log goes to the spy. */
async function runBlock(block: string): Promise<void> {
  // eslint-disable-next-line no-console -- the tests below spy on console.log
  await runWith(block, { '@mallkit/makeshop': makeshop, '@mallkit/core': core }, (...args) => console.log(...args));
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('the README has its three examples: listing and shipments, incremental sync, document overrides', () => {
  expect(blocks).toHaveLength(3);
}, 60_000);

it('the README example runs against the sandbox at makeshop’s own rate', async () => {
  const sandbox = createMakeshopSandbox();
  const now = sandbox.clock.now();
  const seeds = sandbox.seed(generateSeedOrders({ count: 5, seed: 5, from: new Date(now - 10 * 86_400_000), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  const options = sandbox.connectorOptions();
  vi.stubEnv('MAKESHOP_SHOP_ID', options.shopId);
  vi.stubEnv('MAKESHOP_TOKEN', options.accessToken);
  vi.stubEnv('MAKESHOP_API_KEY', options.apiKey);
  vi.stubEnv('MAKESHOP_ENDPOINT', options.endpoint);
  const printed: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
  // The block as written, importing this package's sources instead of the published name.
  try {
    await runBlock(blocks[0] ?? '');
  } finally {
    server.close();
  }
  // Four searches print every order; then the made-up order number is reported as failed, not thrown.
  expect(printed.slice(0, -1).map((line) => line[0]).sort()).toEqual(seeds.map((seed) => seed.id).sort());
  expect(printed.at(-1)).toEqual([0, 1]);
  expect(sandbox.qpsViolations()).toBe(0);
}, 20_000);

it('the README sync example delivers the orders of the last 30 days, then only what changed, keeping its cursor in a file', async () => {
  // The example's pace at makeshop's rate is the test above's; a gate at twice the rate here keeps a first request
  // delayed on its way (module loading) from landing within a second of the next and being retried.
  const sandbox = createMakeshopSandbox({ rateScale: 2 });
  const now = sandbox.clock.now();
  const seeds = sandbox.seed(generateSeedOrders({ count: 4, seed: 6, from: new Date(now - 40 * 86_400_000), to: new Date(now - 3_600_000) }));
  const recent = seeds.filter((seed) => Date.parse(seed.orderedAt) >= now - 30 * 86_400_000);
  const server = startSandboxServer(sandbox.handlers);
  const options = sandbox.connectorOptions();
  const dir = mkdtempSync(join(tmpdir(), 'makeshop-readme-sync-'));
  vi.stubEnv('MAKESHOP_SHOP_ID', options.shopId);
  vi.stubEnv('MAKESHOP_TOKEN', options.accessToken);
  vi.stubEnv('MAKESHOP_API_KEY', options.apiKey);
  vi.stubEnv('MAKESHOP_ENDPOINT', options.endpoint);
  vi.stubEnv('MAKESHOP_CURSOR_FILE', join(dir, 'makeshop.cursor'));
  const printed: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
  try {
    await runBlock(blocks[1] ?? '');
    expect(printed.map((line) => [line[0], line[1]]).sort()).toEqual(recent.map((seed) => ['new', seed.id]).sort());
    // A cancellation since: the second run, from the stored cursor, prints that order only.
    printed.length = 0;
    const target = recent.find((seed) => seed.status !== 'cancelled' && seed.status !== 'cancel_requested')!;
    expect(sandbox.simulator.change(target.id, 'cancel')).toBe(true);
    await runBlock(blocks[1] ?? '');
    expect(printed).toEqual([['cancelled', target.id, 'cancelled', ['status']]]);
    expect(readFileSync(join(dir, 'makeshop.cursor'), 'utf8')).toMatch(/^mallkit-sync\./);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

import * as core from '@mallkit/core';
import * as coreTesting from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { runBlock as run, tsBlocks } from '../../../scripts/readme-blocks.js';
import * as qoo10 from '../src/index.js';
import * as qoo10Testing from '../src/testing/index.js';
import { setUp } from './harness.js';

/*
 * The README's examples, taken out of README.md itself (never a hand copy, which drifts), run against
 * a sandbox standing in for the shop. That every block compiles under --strict is checked for all
 * READMEs at once by the `docs` project (scripts/test/readme-blocks.test.ts).
 */

const blocks = tsBlocks('packages/qoo10/README.md').map((block) => block.code);

describe('README.md', () => {
  it('has the minting example, the ready-key example, the incremental sync and the sandbox in ts blocks', () => {
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toContain('apiKey:');
    expect(blocks[1]).toContain('certificationKeyIssuedAt');
    expect(blocks[2]).toContain('syncOrders');
    expect(blocks[3]).toContain('createQoo10Sandbox');
  });

  it('the minting example runs against the sandbox (its login and base URL swapped for the sandbox’s)', async () => {
    const t = setUp({ minting: true });
    try {
      const createQoo10Connector: typeof qoo10.createQoo10Connector = (options) =>
        qoo10.createQoo10Connector({ ...options, ...t.sandbox.mintingOptions(), clock: t.clock, retry: { minDelayMs: 5, maxDelayMs: 20, jitter: false } });
      const lines: unknown[][] = [];
      await run(blocks[0] ?? '', { '@mallkit/qoo10': { ...qoo10, createQoo10Connector } }, (...values) => lines.push(values));
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[0]).toEqual([expect.stringMatching(/^\d+$/), expect.any(String), expect.arrayContaining([expect.stringMatching(/^\d+$/)])]);
      expect(lines.at(-1)).toEqual([expect.any(Number)]);
    } finally {
      t.close();
    }
  });

  it('the incremental-sync example runs against the sandbox (login, base URL and clock swapped for the sandbox’s)', async () => {
    const t = setUp({ minting: true });
    try {
      const createQoo10Connector: typeof qoo10.createQoo10Connector = (options) =>
        qoo10.createQoo10Connector({ ...options, ...t.sandbox.mintingOptions(), clock: t.clock, retry: { minDelayMs: 5, maxDelayMs: 20, jitter: false } });
      const syncOrders: typeof core.syncOrders = (connector, options) => core.syncOrders(connector, { ...options, clock: t.clock });
      const lines: unknown[][] = [];
      await run(blocks[2] ?? '', { '@mallkit/core': { ...core, syncOrders }, '@mallkit/qoo10': { ...qoo10, createQoo10Connector } }, (...values) => lines.push(values));
      // The first sync: every order placed within the 30-day look-back (and older ones Qoo10 dated a change on since), each once.
      const recent = t.seeds.filter((seed) => Date.parse(seed.orderedAt) >= t.clock.now() - 30 * 86_400_000).map((seed) => seed.id);
      const delivered = lines.map(([, id]) => id);
      expect(delivered).toEqual(expect.arrayContaining(recent));
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(new Set(lines.map(([type]) => type))).toEqual(new Set(['new']));
    } finally {
      t.close();
    }
  });

  it('the ready-key example and the sandbox example run as written', async () => {
    const lines: unknown[][] = [];
    // The example reads the key from the environment, as a shop's deployment would.
    const before = process.env['QOO10_CERTIFICATION_KEY'];
    process.env['QOO10_CERTIFICATION_KEY'] = 'S0123456789abcdefghijklmnop';
    try {
      await run(blocks[1] ?? '', { '@mallkit/qoo10': qoo10 }, (...values) => lines.push(values));
    } finally {
      if (before === undefined) delete process.env['QOO10_CERTIFICATION_KEY'];
      else process.env['QOO10_CERTIFICATION_KEY'] = before;
    }
    expect(lines).toEqual([['my-qoo10-shop']]);
    lines.length = 0;
    await run(blocks[3] ?? '', { '@mallkit/core/testing': coreTesting, '@mallkit/qoo10': qoo10, '@mallkit/qoo10/testing': qoo10Testing }, (...values) => lines.push(values));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toEqual([expect.stringMatching(/^\d+$/), expect.any(String)]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as coreTesting from '@mallkit/core/testing';
import { expect, it } from 'vitest';
import { runBlock, tsBlocks } from '../../../scripts/readme-blocks.js';
import * as amazon from '../src/index.js';
import * as amazonTesting from '../src/testing/index.js';

/*
 * The README's sandbox example runs as written, and its Sources cite public addresses. That every
 * block compiles under --strict is checked for all READMEs at once by the `docs` project
 * (scripts/test/readme-blocks.test.ts).
 */

const readme = readFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'README.md'), 'utf8');
const blocks = tsBlocks('packages/amazon/README.md').map((block) => block.code);

it('the README has its three examples: connector, sandbox, incremental sync', () => {
  expect(blocks).toHaveLength(3);
  expect(blocks[1]).toContain('createAmazonSandbox(');
});

it('the sandbox example runs as written', async () => {
  const printed: unknown[][] = [];
  await runBlock(blocks[1] ?? '', { '@mallkit/amazon': amazon, '@mallkit/amazon/testing': amazonTesting, '@mallkit/core/testing': coreTesting }, (...args) => printed.push(args));
  expect(printed).toHaveLength(1);
  expect(String(printed[0]?.[0])).toMatch(/^(ready_to_ship|awaiting_payment|shipped|cancel_requested|cancelled|on_hold)$/);
}, 20_000);

it('Sources cite public addresses, never internal notes', () => {
  const sources = readme.slice(readme.indexOf('## Sources'));
  expect(sources).not.toMatch(/specs\/|seed \d|index id|§/);
  const bullets = sources.split('\n- ').slice(1);
  expect(bullets.length).toBeGreaterThan(10);
  // Each decision names where it comes from: an address, a file of the models quoted above, or "ours".
  for (const bullet of bullets) expect(bullet, bullet.slice(0, 60)).toMatch(/https:\/\/|\.json|\(ours|above|same files/);
});

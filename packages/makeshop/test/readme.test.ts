import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import ts from 'typescript';
import { afterEach, expect, it, vi } from 'vitest';
import { createMakeshopSandbox } from '../src/testing/index.js';

/*
 * The README's TypeScript blocks, taken from README.md itself (never a hand copy): each must
 * compile under the package's strict settings as a user's file would, and the first one runs
 * against the sandbox.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const blocks = [...readFileSync(join(packageDir, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** Type-checks source files as if they sat in the package's test folder (so `@mallkit/makeshop` resolves to this package). */
function compileErrors(sources: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json could not be read');
  const files = new Map(sources.map((source, index) => [join(packageDir, 'test', `readme-block-${index + 1}.ts`), source] as const));
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = files.get(file);
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...config.options, noEmit: true }, host });
  return [...files.keys()].flatMap((file) => {
    const source = program.getSourceFile(file);
    const diagnostics = source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    return diagnostics.map((diagnostic) => `${file.slice(packageDir.length)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  });
}

/** Runs a README block as written, importing this repository's sources instead of the published names. */
async function runBlock(block: string, dir: string, name: string): Promise<void> {
  const file = join(dir, `${name}.ts`);
  const source = block
    .replace("from '@mallkit/makeshop'", `from '${join(packageDir, 'src', 'index.ts')}'`)
    .replace("from '@mallkit/core'", `from '${join(packageDir, '..', 'core', 'src', 'index.ts')}'`);
  writeFileSync(file, source);
  await import(/* @vite-ignore */ file);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('the README has its three examples, and all compile under strict TypeScript', () => {
  expect(blocks).toHaveLength(3);
  expect(compileErrors(blocks)).toEqual([]);
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
  const dir = mkdtempSync(join(tmpdir(), 'makeshop-readme-'));
  try {
    await runBlock(blocks[0] ?? '', dir, 'example');
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
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
    await runBlock(blocks[1] ?? '', dir, 'sync-1');
    expect(printed.map((line) => [line[0], line[1]]).sort()).toEqual(recent.map((seed) => ['new', seed.id]).sort());
    // A cancellation since: the second run, from the stored cursor, prints that order only.
    printed.length = 0;
    const target = recent.find((seed) => seed.status !== 'cancelled' && seed.status !== 'cancel_requested')!;
    expect(sandbox.simulator.change(target.id, 'cancel')).toBe(true);
    await runBlock(blocks[1] ?? '', dir, 'sync-2');
    expect(printed).toEqual([['cancelled', target.id, 'cancelled', ['status']]]);
    expect(readFileSync(join(dir, 'makeshop.cursor'), 'utf8')).toMatch(/^mallkit-sync\./);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

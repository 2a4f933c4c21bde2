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

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('the README has its two examples, and both compile under strict TypeScript', () => {
  expect(blocks).toHaveLength(2);
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
  const file = join(dir, 'example.ts');
  writeFileSync(file, (blocks[0] ?? '').replace("from '@mallkit/makeshop'", `from '${join(packageDir, 'src', 'index.ts')}'`));
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // Four searches print every order; then the made-up order number is reported as failed, not thrown.
  expect(printed.slice(0, -1).map((line) => line[0]).sort()).toEqual(seeds.map((seed) => seed.id).sort());
  expect(printed.at(-1)).toEqual([0, 1]);
  expect(sandbox.qpsViolations()).toBe(0);
}, 20_000);

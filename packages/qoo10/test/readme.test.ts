import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@mallkit/core';
import * as coreTesting from '@mallkit/core/testing';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as qoo10 from '../src/index.js';
import * as qoo10Testing from '../src/testing/index.js';
import { setUp } from './harness.js';

/*
 * The README's TypeScript blocks, taken out of README.md itself (review L4: the sandbox block did
 * not compile, and a hand copy would not have noticed): each compiles under the repository's strict
 * settings as a module of this package, and each runs — the ones that would reach Qoo10 against
 * the sandbox instead.
 */

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const blocks = [...readFileSync(join(packageRoot, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** Type errors of the blocks, compiled as files of this package (so that `@mallkit/qoo10` resolves to its sources). */
function typeErrors(sources: readonly string[]): string[] {
  const config = ts.readConfigFile(join(packageRoot, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, packageRoot);
  const files = new Map(sources.map((source, index) => [join(packageRoot, `readme-block-${index}.ts`), source]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = files.get(path);
    return text === undefined ? getSourceFile.call(host, path, language, ...rest) : ts.createSourceFile(path, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], { ...options, noEmit: true }, host);
  return [...files.keys()].flatMap((path) => {
    const file = program.getSourceFile(path);
    const diagnostics = file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    return diagnostics.map((d) => `${path.slice(packageRoot.length)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

/** Runs one block with its imports taken from `modules` (named imports only, as the README writes them). */
async function run(source: string, modules: Readonly<Record<string, unknown>>, log: (...values: unknown[]) => void): Promise<void> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const body = js.replace(/^import\s+(\{[^}]*\})\s+from\s+['"]([^'"]+)['"];$/gm, (_line, names: string, specifier: string) => `const ${names} = $import(${JSON.stringify(specifier)});`);
  const $import = (specifier: string): unknown => {
    if (!(specifier in modules)) throw new Error(`the README imports ${specifier}, which the test does not provide`);
    return modules[specifier];
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('$import', 'console', body)($import, { log });
}

describe('README.md', () => {
  it('has the minting example, the ready-key example, the incremental sync and the sandbox in ts blocks', () => {
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toContain('apiKey:');
    expect(blocks[1]).toContain('certificationKeyIssuedAt');
    expect(blocks[2]).toContain('syncOrders');
    expect(blocks[3]).toContain('createQoo10Sandbox');
  });

  it('every ts block compiles under strict TypeScript', { timeout: 120_000 }, () => {
    expect(typeErrors(blocks)).toEqual([]);
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

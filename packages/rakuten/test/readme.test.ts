import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@mallkit/core';
import * as coreTesting from '@mallkit/core/testing';
import { connectSandbox, generateSeedOrders } from '@mallkit/core/testing';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import * as rakuten from '../src/index.js';
import * as rakutenTesting from '../src/testing/index.js';

/*
 * The README's TypeScript blocks, taken out of README.md itself (never a hand copy, which drifts):
 * each must compile under the repository's strict settings, and the examples run against a sandbox
 * standing in for the shop.
 */

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const blocks = [...readFileSync(join(packageRoot, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** Type errors of the blocks, compiled as modules inside this package (so that `@mallkit/rakuten` resolves to its sources). */
function typeErrors(sources: readonly string[]): string[] {
  const config = ts.readConfigFile(join(packageRoot, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, packageRoot);
  const files = new Map(sources.map((source, index) => [join(packageRoot, `readme-block-${index}.ts`), `${source}\nexport {};\n`]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = files.get(path);
    return text === undefined ? getSourceFile.call(host, path, language, ...rest) : ts.createSourceFile(path, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], { ...options, noEmit: true, strict: true }, host);
  return [...files.keys()].flatMap((path) => {
    const file = program.getSourceFile(path);
    const diagnostics = file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    return diagnostics.map((d) => `${path.slice(packageRoot.length)}:${d.start ?? 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

/** Runs one block: its imports come from `modules`, everything else runs as written. */
async function run(source: string, modules: Readonly<Record<string, unknown>>, log: (...values: unknown[]) => void): Promise<void> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  // `import { a, b } from 'x';` → `const { a, b } = $import('x');` (the README imports no defaults and no renames).
  const body = js.replace(/^import\s+(\{[^}]*\})\s+from\s+['"]([^'"]+)['"];$/gm, (_line, names: string, specifier: string) => `const ${names} = $import(${JSON.stringify(specifier)});`);
  const $import = (specifier: string): unknown => {
    if (!(specifier in modules)) throw new Error(`the README imports ${specifier}, which the test does not provide`);
    return modules[specifier];
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('$import', 'console', body)($import, { log });
}

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

  it('every ts block compiles under strict TypeScript', { timeout: 120_000 }, () => {
    expect(typeErrors(blocks)).toEqual([]);
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

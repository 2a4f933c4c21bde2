import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterEach, expect, it, vi } from 'vitest';

/*
 * The README's TypeScript blocks, taken from README.md itself (never a hand copy): each must
 * compile under the package's strict settings as a user's file would, and the sandbox example
 * runs. The Sources cite public addresses only.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** Type-checks source files as if they sat in the package's test folder (so `@mallkit/amazon` resolves to this package). */
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

afterEach(() => vi.restoreAllMocks());

it('the README has its three examples (connector, sandbox, incremental sync), and all compile under strict TypeScript', () => {
  expect(blocks).toHaveLength(3);
  expect(compileErrors(blocks)).toEqual([]);
}, 60_000);

it('the sandbox example runs as written', async () => {
  const printed: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
  // The block as written, importing this package's sources instead of the published names.
  const dir = mkdtempSync(join(tmpdir(), 'amazon-readme-'));
  const file = join(dir, 'example.ts');
  const source = (blocks[1] ?? '')
    .replace("from '@mallkit/amazon/testing'", `from '${join(packageDir, 'src', 'testing', 'index.ts')}'`)
    .replace("from '@mallkit/amazon'", `from '${join(packageDir, 'src', 'index.ts')}'`);
  writeFileSync(file, source);
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

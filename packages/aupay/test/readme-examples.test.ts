import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

/*
 * The README's TypeScript blocks, taken from README.md itself and type-checked under the package's
 * strict settings (tsconfig.base.json through tsconfig.json), as a user would paste them: a block
 * that drifts from the API fails here, and no hand-kept copy can hide it.
 */

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The ```ts blocks of the README, in order. */
function readmeBlocks(): string[] {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gmu)].map((match) => match[1] ?? '');
}

/** Type-checks each block as its own module inside test/, and returns the diagnostics as text. */
function typeCheck(blocks: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json could not be read');
  const files = new Map(blocks.map((code, index) => [join(packageDir, 'test', `readme-block-${index}.ts`), code]));
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const code = files.get(name);
    return code === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, code, language, true);
  };
  const program = ts.createProgram([...files.keys()], { ...config.options, noEmit: true }, host);
  return [...files.keys()].flatMap((name) => {
    const source = program.getSourceFile(name);
    const diagnostics = source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    return diagnostics.map((d) => `${name.slice(packageDir.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

it('every TypeScript block of the README compiles under the strict settings', () => {
  const blocks = readmeBlocks();
  expect(blocks.length).toBe(5);
  expect(typeCheck(blocks)).toEqual([]);
}, 120_000);

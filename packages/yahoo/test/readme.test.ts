import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

/*
 * The README's TypeScript blocks, taken from README.md itself (never a hand copy) and type-checked
 * under the package's strict settings as a user's file would be: a block that drifts from the API
 * fails here.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const blocks = [...readFileSync(join(packageDir, 'README.md'), 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gmu)].map((match) => match[1] ?? '');

/** Type-checks each block as its own module inside test/ (so `@mallkit/yahoo` resolves to this package), returning the diagnostics. */
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

it('every TypeScript block of the README compiles under strict TypeScript', () => {
  expect(blocks).toHaveLength(4);
  expect(compileErrors(blocks)).toEqual([]);
}, 60_000);

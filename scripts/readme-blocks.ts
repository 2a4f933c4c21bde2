/**
 * The code blocks of the project's Markdown, as a user meets them: taken out of the files themselves
 * (never a hand copy, which drifts), compiled under `--strict` against the workspace sources, and
 * run with the imports a test provides. Shared by the `docs` test project (every block compiles)
 * and the packages' README tests (examples run against their sandboxes). Decision 0412.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** One fenced block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root (`packages/rakuten/README.md`). */
  readonly file: string;
  /** 1-based position among the file's blocks of the same language. */
  readonly index: number;
  /** The fence's language (`ts`). */
  readonly lang: string;
  /** Words after the language (`nocompile`). */
  readonly flags: readonly string[];
  /** Line of the Markdown file holding the block's first line of code (1-based). */
  readonly line: number;
  readonly code: string;
}

/** A block opts out of compilation only with this word after its language: ```ts nocompile. */
export const NO_COMPILE = 'nocompile';

const TS_LANGS = new Set(['ts', 'typescript']);

/** Every fenced block of a Markdown text, with its language, flags and line. */
export function codeBlocks(markdown: string, file = ''): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '```', rawLang = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const trimmed = line.trim();
      if (trimmed.length >= fence.length && [...trimmed].every((char) => char === fence[0])) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    const lang = rawLang.toLowerCase();
    const normalized = TS_LANGS.has(lang) ? 'ts' : lang;
    const index = (counts.get(normalized) ?? 0) + 1;
    counts.set(normalized, index);
    blocks.push({ file, index, lang: normalized, flags: rest.split(/[\s,]+/).filter(Boolean), line: i + 2, code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

/** The ```ts blocks of one Markdown file of the repository (path relative to the root), in order. */
export function tsBlocks(file: string): CodeBlock[] {
  return codeBlocks(readFileSync(join(repositoryRoot, file), 'utf8'), file).filter((block) => block.lang === 'ts');
}

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return path === join(repositoryRoot, 'docs', 'api') ? [] : markdownUnder(path);
    return entry.endsWith('.md') ? [path] : [];
  });
}

/**
 * The Markdown users read: the root README, every package's README, the examples' READMEs and the
 * guides under docs/ (not the generated API reference), relative to the repository root.
 */
export function userMarkdown(): string[] {
  const packages = readdirSync(join(repositoryRoot, 'packages'))
    .map((name) => join(repositoryRoot, 'packages', name, 'README.md'))
    .filter((path) => existsSync(path));
  const examples = markdownUnder(join(repositoryRoot, 'examples')).filter((path) => path.endsWith(`${sep}README.md`));
  const files = [join(repositoryRoot, 'README.md'), ...packages, ...examples, ...markdownUnder(join(repositoryRoot, 'docs'))];
  return files.map((path) => relative(repositoryRoot, path).split(sep).join('/')).sort();
}

/**
 * Where a block's module sits, so that its third-party imports (`ioredis`, `msw`, `bullmq`) resolve
 * as they would in the project the block belongs to: a package's README beside that package, an
 * example's beside the example, the root README and the guides beside the examples (which depend
 * on every mall package).
 */
function moduleHome(file: string): string {
  const [top, name] = file.split('/');
  if (top === 'packages' && name) return join(repositoryRoot, 'packages', name);
  if (top === 'examples') return join(repositoryRoot, dirname(file));
  return join(repositoryRoot, 'examples');
}

/** `@mallkit/*` (and `mallkit`) → the workspace source of each entry point, from the `@mallkit/source` export conditions. */
function workspacePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const name of readdirSync(join(repositoryRoot, 'packages'))) {
    const manifestPath = join(repositoryRoot, 'packages', name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; exports?: Record<string, unknown> };
    for (const [key, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)['@mallkit/source'] : undefined;
      if (typeof source !== 'string') continue;
      paths[key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`] = [join(repositoryRoot, 'packages', name, source)];
    }
  }
  return paths;
}

/** One compiler error of one block, placed in its Markdown file. */
export interface BlockDiagnostic {
  readonly block: CodeBlock;
  /** Line of the Markdown file the error is on. */
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

/** `packages/yahoo/README.md:61 (ts block 1): TS2322 Type … is not assignable …` */
export function formatDiagnostic(diagnostic: BlockDiagnostic): string {
  return `${diagnostic.block.file}:${diagnostic.line} (ts block ${diagnostic.block.index}): TS${diagnostic.code} ${diagnostic.message}`;
}

/**
 * Compiles every block as its own module under the repository's strict settings, in ONE program
 * (the workspace sources are checked once for all blocks), `@mallkit/*` resolved to the sources.
 * Returns the errors of the blocks, placed on their Markdown lines.
 */
export function compileBlocks(blocks: readonly CodeBlock[]): BlockDiagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(repositoryRoot, 'tsconfig.base.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.base.json could not be read');
  const options: ts.CompilerOptions = {
    ...config.options,
    strict: true,
    noEmit: true,
    declaration: false,
    sourceMap: false,
    moduleDetection: ts.ModuleDetectionKind.Force,
    paths: workspacePaths(),
  };
  const files = new Map<string, { block: CodeBlock; text: string }>();
  for (const block of blocks) {
    const name = `${block.file.replace(/[^A-Za-z0-9]+/g, '_')}.block-${block.index}.ts`;
    files.set(join(moduleHome(block.file), '.readme-blocks', name), { block, text: block.code });
  }
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path)?.text ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const file = files.get(path);
    return file === undefined ? getSourceFile.call(host, path, language, ...rest) : ts.createSourceFile(path, file.text, language, true);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const found: BlockDiagnostic[] = [];
  for (const [path, { block }] of files) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`${block.file}: block ${block.index} was not compiled`);
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
      found.push({ block, line: block.line + line, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') });
    }
  }
  return found;
}

/**
 * Runs one block as written, except that its `import { … } from '…'` lines take the modules given
 * (`@mallkit/*` must be given: the test decides what the block talks to); other imports (`node:fs`)
 * are real. `console.log` goes to `log`.
 */
export async function runBlock(source: string, modules: Readonly<Record<string, unknown>>, log: (...values: unknown[]) => void): Promise<void> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  // `import { a, b } from 'x';` → `const { a, b } = await $import('x');` (READMEs import no defaults and rename nothing).
  const body = js.replace(/^import\s+(\{[^}]*\})\s+from\s+['"]([^'"]+)['"];$/gm, (_line, names: string, specifier: string) => `const ${names} = await $import(${JSON.stringify(specifier)});`);
  if (/^\s*import\s/m.test(body)) throw new Error('the block has an import this runner cannot rewrite (default or namespace import)');
  const $import = async (specifier: string): Promise<unknown> => {
    if (specifier in modules) return modules[specifier];
    if (specifier === 'mallkit' || specifier.startsWith('@mallkit/')) throw new Error(`the block imports ${specifier}, which the test does not provide`);
    return import(specifier);
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  const scopedConsole = Object.assign(Object.create(console) as Console, { log });
  await new AsyncFunction('$import', 'console', body)($import, scopedConsole);
}

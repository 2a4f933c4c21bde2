import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, compileBlocks, formatDiagnostic, NO_COMPILE, repositoryRoot, tsBlocks, userMarkdown, type BlockDiagnostic, type CodeBlock } from '../readme-blocks.js';

/*
 * Every ```ts block of every README and guide compiles under --strict as a user's file would
 * (decision 0412): each block is its own module, `@mallkit/*` resolves to the workspace sources,
 * and a fragment declares what it leaves out (`declare const connector: MallConnector;`). A block
 * opts out only with ```ts nocompile. The examples that run against sandboxes are run by each
 * package's own README test.
 */

const files = userMarkdown();
const blocks: CodeBlock[] = files.flatMap((file) => tsBlocks(file));
const compiled = blocks.filter((block) => !block.flags.includes(NO_COMPILE));
let diagnostics: BlockDiagnostic[] = [];

beforeAll(() => {
  diagnostics = compileBlocks(compiled);
}, 300_000);

describe('TypeScript blocks compile under --strict', () => {
  it('finds the blocks of the READMEs and the guides', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'packages/core/README.md', 'packages/rakuten/README.md', 'examples/README.md']));
    expect(compiled.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files.filter((file) => compiled.some((block) => block.file === file)))('%s', (file) => {
    expect(diagnostics.filter((diagnostic) => diagnostic.block.file === file).map(formatDiagnostic)).toEqual([]);
  });

  it('a block opts out only with the `nocompile` marker', () => {
    const unknownFlags = blocks.flatMap((block) => block.flags.filter((flag) => flag !== NO_COMPILE).map((flag) => `${block.file}:${block.line}: \`\`\`ts ${flag}`));
    expect(unknownFlags).toEqual([]);
  });

  it('reports the file, the line and the TypeScript error of a block that does not compile', () => {
    const [broken] = codeBlocks("# t\n\n```ts\nimport { createRakutenConnector } from '@mallkit/rakuten';\nconst n: number = 'x';\ncreateRakutenConnector;\n```\n", 'packages/rakuten/README.md');
    const found = compileBlocks([broken!]).map(formatDiagnostic);
    expect(found).toEqual([expect.stringMatching(/^packages\/rakuten\/README\.md:5 \(ts block 1\): TS2322 Type 'string' is not assignable to type 'number'/)]);
  }, 300_000);
});

/** `option: process.env.NAME` / `process.env['NAME']` / `env('NAME')` pairs of a text. */
function envPairs(text: string): Array<[option: string, variable: string]> {
  return [...text.matchAll(/(\w+):\s*(?:process\.env(?:\.(\w+)|\[['"](\w+)['"]\])|env\(['"](\w+)['"]\))/g)].map((match) => [match[1] ?? '', match[2] ?? match[3] ?? match[4] ?? '']);
}

/** The text of each `create<Mall>Connector(…)` call of a block, by mall. */
function connectorCalls(code: string): Array<{ mall: string; text: string }> {
  const calls: Array<{ mall: string; text: string }> = [];
  for (const match of code.matchAll(/create(\w+?)Connector\(/g)) {
    let depth = 1;
    let end = (match.index ?? 0) + match[0].length;
    for (; end < code.length && depth > 0; end++) depth += code[end] === '(' ? 1 : code[end] === ')' ? -1 : 0;
    calls.push({ mall: (match[1] ?? '').toLowerCase(), text: code.slice(match.index, end) });
  }
  return calls;
}

describe('READMEs read credentials from the variables the examples use', () => {
  // examples/src/targets/<mall>.ts is the reference: `licenseKey: env('RAKUTEN_LICENSE_KEY')`.
  const reference = new Map<string, Map<string, string>>();
  for (const mall of ['rakuten', 'yahoo', 'amazon', 'aupay', 'qoo10', 'shopserve', 'makeshop']) {
    const path = join(repositoryRoot, 'examples', 'src', 'targets', `${mall}.ts`);
    reference.set(mall, new Map(existsSync(path) ? envPairs(readFileSync(path, 'utf8')) : []));
  }

  it('the examples name a variable for every mall', () => {
    for (const [mall, pairs] of reference) expect(pairs.size, mall).toBeGreaterThan(0);
  });

  it('every connector option a README block fills from the environment uses the examples’ variable', () => {
    const mismatches: string[] = [];
    for (const block of blocks) {
      for (const call of connectorCalls(block.code)) {
        const names = reference.get(call.mall);
        for (const [option, variable] of envPairs(call.text)) {
          const expected = names?.get(option);
          if (expected !== undefined && expected !== variable) mismatches.push(`${block.file}:${block.line} (ts block ${block.index}): ${option} reads ${variable}, the examples read ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the READMEs work where users read them (npm, GitHub) and say nothing of our machines', () => {
  const readme = (file: string): string => readFileSync(join(repositoryRoot, file), 'utf8');
  const packageReadmes = files.filter((file) => /^packages\/[^/]+\/README\.md$/.test(file));

  it.each(packageReadmes)('%s: every link is absolute (a relative one is dead on npm) and points at a file that exists', (file) => {
    const bad: string[] = [];
    for (const match of readme(file).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1] ?? '';
      if (target.startsWith('#') || target.startsWith('mailto:')) continue;
      if (!/^https?:\/\//.test(target)) {
        bad.push(`relative link ${target}`);
        continue;
      }
      const own = /^https:\/\/github\.com\/mallkit\/mallkit\/(?:blob|tree)\/main\/([^#?]+)/.exec(target);
      if (own && !existsSync(join(repositoryRoot, decodeURIComponent(own[1] ?? '')))) bad.push(`no such file in the repository: ${target}`);
    }
    expect(bad).toEqual([]);
  });

  it.each(files)('%s: no machine path, no search-index id, no internal note', (file) => {
    const text = readme(file);
    const found = [
      ...text.matchAll(/(?:^|[^\w.~-])(\/(?:work|tmp|home|root|Users|private\/var)\/[^\s)`'"]*)/gm),
      ...text.matchAll(/\b(?:index|file)(?: id)? \d{6,}\b/gi),
      ...text.matchAll(/\bspecs\/[\w-]+\.md\b/g),
    ].map((match) => match[0].trim());
    expect(found).toEqual([]);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MALL_IDS } from '../../src/model/mall-id.js';

/*
 * Every mall package has the same shape (docs/decisions/0011-mall-package-layout.md), so that a
 * reader who knows one knows all, and what two malls share lives in core's kit. This test fails
 * when a package under packages/ departs from it.
 */

const packages = fileURLToPath(new URL('../../..', import.meta.url));

/** Entries every mall's src/ has, and nothing else: `name/` is a folder, `auth` may be a file or a folder. */
const SRC_ENTRIES = ['index.ts', 'connector.ts', 'client.ts', 'options.ts', 'errors.ts', 'change-visibility.ts', 'auth', 'api/', 'mapping/', 'testing/'] as const;
/** Files each mall must have inside those folders and around them. */
const REQUIRED_FILES = [
  'README.md',
  'package.json',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'src/mapping/order.ts',
  'src/mapping/status.ts',
  'src/testing/index.ts',
  'src/testing/sandbox.ts',
  'src/testing/store.ts',
  'test/conformance.test.ts',
] as const;

/**
 * What a mall package must take from the kit instead of writing its own: the pipeline (use
 * createMallClient), retries, paging loops and windows (createOrderLister), batch results
 * (runBatchWrite) and query parsing (the lister parses queries).
 */
const KIT_ONLY = ['createHttpPipeline', 'withRetry', 'paginate', 'uniqueBy', 'splitWindow', 'halveWindow', 'toBatchResult', 'orderQuerySchema', 'mapInBatches'] as const;

function mallPackages(): Array<{ dir: string; mall: string }> {
  return readdirSync(packages)
    .filter((name) => existsSync(join(packages, name, 'package.json')))
    .map((name) => ({ dir: join(packages, name), pkg: JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8')) as { name?: string } }))
    .filter(({ pkg }) => (MALL_IDS as readonly string[]).some((mall) => pkg.name === `@mallkit/${mall}`))
    .map(({ dir, pkg }) => ({ dir, mall: (pkg.name ?? '').replace('@mallkit/', '') }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : entry.endsWith('.ts') ? [path] : [];
  });
}

describe('every mall package has the same layout', () => {
  const malls = mallPackages();

  it('finds the mall packages', () => {
    expect(malls.map((m) => m.mall)).toEqual(expect.arrayContaining(['rakuten', 'yahoo', 'amazon']));
  });

  for (const { dir, mall } of malls) {
    it(`${mall}: src/ holds exactly ${SRC_ENTRIES.join(', ')}`, () => {
      const entries = readdirSync(join(dir, 'src')).map((entry) => (statSync(join(dir, 'src', entry)).isDirectory() ? `${entry}/` : entry));
      const normalized = entries.map((entry) => (entry === 'auth.ts' || entry === 'auth/' ? 'auth' : entry)).sort();
      expect(normalized).toEqual([...SRC_ENTRIES].sort());
    });

    it(`${mall}: has the required files (README, configs, mapping/order.ts and status.ts, a sandbox with store and handlers, the conformance test, a bench)`, () => {
      const missing = REQUIRED_FILES.filter((file) => !existsSync(join(dir, file)));
      expect(missing).toEqual([]);
      expect(readdirSync(join(dir, 'src', 'testing')).some((file) => /^handlers-.+\.ts$/.test(file)), 'src/testing/handlers-*.ts').toBe(true);
      expect(existsSync(join(dir, 'bench', `${mall}.bench.ts`)), `bench/${mall}.bench.ts`).toBe(true);
      expect(readFileSync(join(dir, 'test', 'conformance.test.ts'), 'utf8')).toContain('runConformanceSuite');
    });

    it(`${mall}: takes pipeline, retries, paging, windows and batch results from the kit`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(join(dir, 'src')).filter((path) => !path.includes(`${join('src', 'testing')}`))) {
        const text = readFileSync(file, 'utf8');
        for (const name of KIT_ONLY) if (new RegExp(`\\b${name}\\b`).test(text)) offenders.push(`${file.slice(dir.length + 1)}: ${name}`);
      }
      expect(offenders).toEqual([]);
    });
  }
});

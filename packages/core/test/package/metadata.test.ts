import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * What a user sees of each published package on npm before reading a line of code: the licence
 * file, where the source lives, where to report a bug, how it is found, what it runs on — and the
 * files `npm pack` really puts in the tarball (decision 0410). Packing needs `pnpm build` first,
 * as the CommonJS test beside this one does.
 */

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const REPOSITORY = 'git+https://github.com/mallkit/mallkit.git';

interface Manifest {
  name: string;
  private?: boolean;
  description?: string;
  license?: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url?: string } | string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  engines?: { node?: string };
  sideEffects?: boolean | string[];
  files?: string[];
}

const publishable = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest }))
  .filter(({ manifest }) => manifest.private !== true);

/** Package names with a pending changeset: `changeset version` writes their CHANGELOG.md. */
function namesWithChangesets(): Set<string> {
  const dir = join(root, '.changeset');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
    for (const match of front.matchAll(/^\s*['"]?([^'":\s]+)['"]?\s*:/gm)) names.add(match[1] ?? '');
  }
  return names;
}

const MIT = readFileSync(join(root, 'LICENSE'), 'utf8');

/** The paths `npm pack --dry-run` puts in a package's tarball. */
async function packList(dir: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, 'packages', dir), maxBuffer: 64 * 1024 * 1024 });
  const [tarball] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  return (tarball?.files ?? []).map((file) => file.path);
}

/** Every package packed from the start, three at a time (npm takes seconds each), each test awaiting its own. */
const packed = new Map<string, Promise<string[]>>();
const lanes: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve(), Promise.resolve()];
publishable.forEach(({ dir }, index) => {
  const paths = (lanes[index % lanes.length] ?? Promise.resolve()).then(() => packList(dir));
  paths.catch(() => undefined); // the failure is reported by the package's test
  lanes[index % lanes.length] = paths.catch(() => undefined);
  packed.set(dir, paths);
});

describe('the root', () => {
  it('has the MIT licence of the project', () => {
    expect(MIT).toMatch(/^MIT License\n\nCopyright \(c\) 2026 mallkit contributors\n/);
  });
});

for (const { dir, manifest } of publishable) describe(`${manifest.name} (packages/${dir})`, () => {
  const folder = join(root, 'packages', dir);

  it('ships the MIT licence, the same text as the root', () => {
    expect(manifest.license).toBe('MIT');
    expect(existsSync(join(folder, 'LICENSE')), 'LICENSE').toBe(true);
    expect(readFileSync(join(folder, 'LICENSE'), 'utf8')).toBe(MIT);
  });

  it('says where its source, its page and its bug tracker are', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: REPOSITORY, directory: `packages/${dir}` });
    expect(manifest.homepage).toBe(`https://github.com/mallkit/mallkit/tree/main/packages/${dir}#readme`);
    expect(typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url).toBe('https://github.com/mallkit/mallkit/issues');
  });

  it('has a description, keywords, engines and sideEffects', () => {
    expect(manifest.description?.trim().length ?? 0).toBeGreaterThan(20);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['mallkit']));
    expect((manifest.keywords ?? []).length).toBeGreaterThanOrEqual(4);
    expect(manifest.engines?.node).toMatch(/^>=\d+/);
    expect(manifest.sideEffects).toBeDefined();
  });

  it('lists no file in `files` that does not exist (CHANGELOG.md only when a changeset will write it)', () => {
    const pending = namesWithChangesets();
    const absent = (manifest.files ?? [])
      .filter((entry) => !entry.startsWith('!'))
      .filter((entry) => !existsSync(join(folder, entry)))
      .filter((entry) => !(entry === 'CHANGELOG.md' && pending.has(manifest.name)));
    expect(absent).toEqual([]);
  });

  it('packs README.md, LICENSE and the build (npm pack --dry-run)', { timeout: 120_000 }, async () => {
    expect(existsSync(join(folder, 'dist')), `${manifest.name} is not built: run pnpm build`).toBe(true);
    const paths = await (packed.get(dir) ?? Promise.resolve([]));
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(paths.some((path) => path.startsWith('dist/') && path.endsWith('.d.ts')), 'dist/*.d.ts').toBe(true);
    expect(paths.some((path) => path.startsWith('dist/') && path.endsWith('.js')), 'dist/*.js').toBe(true);
    expect(paths.filter((path) => /(^|\/)test\/|\.test\.ts$/.test(path)), 'no tests in the tarball').toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// CommonJS users — plain require() and TypeScript projects compiled as CommonJS with
// `module: node16` — get the packages' CommonJS build (decision 0001). This runs a real CommonJS
// program and a real `tsc` against the built packages, resolved through their exports maps as npm
// would install them. It needs `pnpm build` first (the README's test command builds before testing).
const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));
const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'package.json')));
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
}

const manifests = packages.map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as Manifest }));

/** A folder with every package installed by name under node_modules, as npm would. */
function appWithPackages(): string {
  const app = mkdtempSync(join(tmpdir(), 'mallkit-cjs-'));
  for (const { dir, manifest } of manifests) {
    const target = join(app, 'node_modules', manifest.name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(packagesDir, dir), target, 'dir');
  }
  return app;
}

/** The entry points a user imports (the conformance entry registers vitest tests and is for test files only). */
function specifiersOf(manifest: Manifest): string[] {
  return Object.keys(manifest.exports)
    .filter((key) => key !== './package.json' && key !== './conformance')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

describe('CommonJS users of every package (Node >= 22.12)', () => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  it('runs on a Node that supports require(esm)', () => {
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });

  for (const { dir, manifest } of manifests) {
    const specifiers = specifiersOf(manifest);
    it(`${manifest.name}: require() of ${specifiers.join(', ')}`, () => {
      expect(existsSync(join(packagesDir, dir, 'dist', 'index.js')), `${manifest.name} is not built: run pnpm build`).toBe(true);
      const app = appWithPackages();
      writeFileSync(
        join(app, 'main.cjs'),
        `'use strict';\nconst out = {};\nfor (const id of ${JSON.stringify(specifiers)}) out[id] = Object.keys(require(id)).length;\nprocess.stdout.write(JSON.stringify(out));\n`,
      );
      const output = execFileSync(process.execPath, ['main.cjs'], { cwd: app, encoding: 'utf8' });
      const counts = JSON.parse(output) as Record<string, number>;
      for (const id of specifiers) expect(counts[id], `${id} exported nothing`).toBeGreaterThan(0);
    });
  }

  it('a TypeScript project compiled as CommonJS (module node16) imports every library with its types', () => {
    const app = appWithPackages();
    const libraries = manifests.filter(({ manifest }) => manifest.name.startsWith('@mallkit/'));
    const lines = libraries.flatMap(({ manifest }) => specifiersOf(manifest).map((id, index) => `import * as m${libraries.indexOf(libraries.find((l) => l.manifest === manifest)!)}_${index} from '${id}';\nvoid m${libraries.indexOf(libraries.find((l) => l.manifest === manifest)!)}_${index};`));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cjs-app', private: true, type: 'commonjs' }));
    writeFileSync(join(app, 'main.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['main.ts'] }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output, 'tsc reported errors (TS1479 means an ESM-only entry)').toBe('');
  });
});

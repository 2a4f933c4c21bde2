import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// CommonJS users require() our ESM-only packages on Node >= 22.12 (require(esm)). This runs a real
// CommonJS program against the built packages, resolving them through their exports maps as npm
// would install them. It needs `pnpm build` first (the README's test command builds before testing).
const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));
const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'package.json')));

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
}

describe('CommonJS require() of every package (Node >= 22.12)', () => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  it('runs on a Node that supports require(esm)', () => {
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });

  for (const dir of packages) {
    const manifest = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as Manifest;
    // The conformance entry registers vitest tests and is for test files only.
    const entries = Object.keys(manifest.exports).filter((key) => key !== './package.json' && key !== './conformance');

    it(`${manifest.name}: ${entries.join(', ')}`, () => {
      expect(existsSync(join(packagesDir, dir, 'dist', 'index.js')), `${manifest.name} is not built: run pnpm build`).toBe(true);
      const app = mkdtempSync(join(tmpdir(), 'mallkit-cjs-'));
      const scope = join(app, 'node_modules', '@mallkit');
      mkdirSync(scope, { recursive: true });
      for (const other of packages) symlinkSync(join(packagesDir, other), join(scope, other), 'dir');
      const specifiers = entries.map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
      writeFileSync(
        join(app, 'main.cjs'),
        `'use strict';\nconst out = {};\nfor (const id of ${JSON.stringify(specifiers)}) out[id] = Object.keys(require(id)).length;\nprocess.stdout.write(JSON.stringify(out));\n`,
      );
      const output = execFileSync(process.execPath, ['main.cjs'], { cwd: app, encoding: 'utf8' });
      const counts = JSON.parse(output) as Record<string, number>;
      for (const id of specifiers) expect(counts[id], `${id} exported nothing`).toBeGreaterThan(0);
    });
  }
});

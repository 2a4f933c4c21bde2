/**
 * Bundle size as a user's bundler sees it: esbuild bundles an entry that re-exports packages'
 * built dist (minified, ESM, platform node, zod external because every connector user has zod
 * already), and the result is gzipped. Runs esbuild's command line in a child process: esbuild is
 * a dependency of tsup, not of the repository root.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one bundle weighs. */
export interface BundleSize {
  readonly minifiedBytes: number;
  readonly gzippedBytes: number;
}

/** The esbuild options of every measured bundle. */
const ESBUILD_FLAGS = ['--bundle', '--minify', '--format=esm', '--platform=node', '--external:zod', '--external:zod/*', '--log-level=error'];

/**
 * Bundles `entry` (module source, its relative imports resolved from `root`) and weighs the
 * result, minified and gzipped (level 9).
 */
export function bundleSize(root: string, entry: string): Promise<BundleSize> {
  return new Promise((resolve, reject) => {
    const child = execFile(join(root, 'node_modules', '.bin', 'esbuild'), ESBUILD_FLAGS, { cwd: root, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve({ minifiedBytes: stdout.byteLength, gzippedBytes: gzipSync(stdout, { level: 9 }).byteLength });
    });
    child.stdin?.end(entry);
  });
}

/** An entry that keeps every export of each package's built `dist/index.js` (nothing tree-shaken away). */
export function entryOf(packages: readonly string[]): string {
  return packages.map((name, i) => `export * as p${i} from './packages/${name}/dist/index.js';`).join('\n');
}

import type { Options } from 'tsup';

/**
 * The build every package shares: ESM only with .d.ts, Node 22 syntax, one output file per entry
 * (`index`, `testing/index`, …). Workspace packages and msw stay external.
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    external: ['@mallkit/core', 'msw', 'vitest'],
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node22',
    splitting: true,
    treeshake: true,
  };
}

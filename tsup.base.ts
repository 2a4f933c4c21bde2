import type { Options } from 'tsup';

/**
 * The build every library package shares: ESM (`.js`, `.d.ts`) and CommonJS (`.cjs`, `.d.cts`)
 * beside it (decision 0001), Node 22 syntax, one output file per entry (`index`, `testing/index`…).
 * Workspace packages and msw stay external; ESM-only dependencies (ky, p-retry) are `require`d
 * from the CommonJS build, which Node ≥ 22.12 allows. The CLI passes `['esm']`: it is a program.
 */
export function packageBuild(entry: Record<string, string>, formats: Options['format'] = ['esm', 'cjs']): Options {
  return {
    entry,
    external: ['@mallkit/core', 'msw', 'vitest'],
    format: formats,
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node22',
    splitting: true,
    treeshake: true,
  };
}

import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// The mall packages stay external (they are dependencies, installed beside this one); bin.ts keeps its shebang.
export default defineConfig({
  ...packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts' }, ['esm']),
  external: ['@mallkit/core', '@mallkit/rakuten', '@mallkit/yahoo', '@mallkit/amazon', '@mallkit/aupay', '@mallkit/qoo10', '@mallkit/shopserve', '@mallkit/makeshop', 'msw', 'vitest', 'smol-toml', 'zod'],
});

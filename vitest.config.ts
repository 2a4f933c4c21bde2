import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the sources: the custom export condition points @mallkit/* at src/.
export default defineConfig({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  test: {
    projects: ['packages/*', 'examples', 'scripts', 'bench'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
  root: fileURLToPath(new URL('.', import.meta.url)),
});

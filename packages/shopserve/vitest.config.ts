import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  test: { name: 'shopserve', include: ['test/**/*.test.ts'], environment: 'node' },
});

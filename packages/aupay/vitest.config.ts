import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  test: { name: 'aupay', include: ['test/**/*.test.ts'], environment: 'node' },
});

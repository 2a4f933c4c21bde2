import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  // The root's 20 s timeout, which projects do not inherit: a sync runs at the sandbox's scaled
  // rate, and a busy CI machine must not turn a slow run into a failure.
  test: { name: 'yahoo', include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 20_000 },
});

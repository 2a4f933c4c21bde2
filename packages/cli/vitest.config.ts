import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // The tests run real HTTP servers and child processes on a shared 2-core machine: generous limits, fast tests.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Every test file loads the seven mall packages; sharing one module graph instead of loading it
    // eight times saves most of the suite's CPU. The files share no mutable state (each serves its own sandboxes).
    isolate: false,
    poolOptions: { forks: { singleFork: true } },
  },
});

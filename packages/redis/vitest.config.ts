import { defineProject } from 'vitest/config';

// Every test here talks to a real redis-server that the test file starts itself (on a free port,
// stopped after). Several files fork worker processes and measure real-time spacing, so files run
// one at a time: parallel files would steal the CPU that the timing figures are about.
export default defineProject({
  resolve: { conditions: ['@mallkit/source'] },
  ssr: { resolve: { conditions: ['@mallkit/source'] } },
  test: {
    name: 'redis',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Worker processes boot under tsx and run for seconds of real time.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

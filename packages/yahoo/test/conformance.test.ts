import { runConformanceSuite } from '@mallkit/core/conformance';
import { adaptSeedsForYahoo } from '../src/testing/index.js';
import { setup } from './harness.js';

runConformanceSuite({
  name: 'Yahoo!ショッピング',
  // Yahoo holds one destination per order and ids `<sellerId>-<n>`; the sandbox seeds them the same way.
  adaptSeeds: (seeds) => adaptSeedsForYahoo(seeds, 'snbx-mallkit'),
  async setup(seeds, now) {
    const env = setup(now);
    // Already adapted: seeding keeps ids and destinations as they are.
    env.sandbox.seed(seeds);
    return {
      connector: env.connector,
      sandbox: {
        log: env.sandbox.kit.log,
        faults: env.sandbox.kit.faults,
        clock: env.sandbox.clock,
        qpsViolations: () => env.sandbox.qpsViolations(),
        expireCredential: () => env.sandbox.expireCredential(),
        expiringCredential: 'refreshToken',
      },
      secrets: env.secrets,
      captured: env.captured,
      close: () => env.close(),
    };
  },
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import type { OrdersApiVersion } from '../src/options.js';
import { adaptSeedsForAmazon } from '../src/testing/index.js';
import { createRig } from './helpers.js';

// Both read paths behind the same interface pass the same suite.
const paths: ReadonlyArray<[name: string, ordersApi: OrdersApiVersion]> = [
  ['Amazon (SP-API, Orders v2026-01-01)', '2026-01-01'],
  ['Amazon (SP-API, Orders v0 path)', 'v0'],
];

for (const [name, ordersApi] of paths) {
  runConformanceSuite({
    name,
    adaptSeeds: adaptSeedsForAmazon,
    async setup(seeds, now) {
      const rig = createRig(seeds, now, { ordersApi });
      const { clientSecret, refreshToken } = rig.sandbox.credentials;
      return {
        connector: rig.connector,
        sandbox: {
          log: rig.sandbox.kit.log,
          faults: rig.sandbox.kit.faults,
          clock: rig.clock,
          qpsViolations: () => rig.sandbox.qpsViolations(),
          expireCredential: () => rig.sandbox.expireCredential(),
          expiringCredential: 'refreshToken',
        },
        secrets: [clientSecret, refreshToken],
        captured: rig.captured,
        close: () => rig.close(),
      };
    },
  });
}

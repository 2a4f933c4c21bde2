import { runConformanceSuite } from '@mallkit/core/conformance';
import { adaptSeedsForAmazon } from '../src/testing/index.js';
import { createRig } from './helpers.js';

runConformanceSuite({
  name: 'Amazon (SP-API, Orders v2026-01-01)',
  adaptSeeds: adaptSeedsForAmazon,
  async setup(seeds, now) {
    const rig = createRig(seeds, now);
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

runConformanceSuite({
  name: 'Amazon (SP-API, Orders v0 path)',
  adaptSeeds: adaptSeedsForAmazon,
  async setup(seeds, now) {
    const rig = createRig(seeds, now, { ordersApi: 'v0' });
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

import { runConformanceSuite } from '@mallkit/core/conformance';
import { adaptSeedsForRakuten } from '../src/testing/index.js';
import { startRig } from './harness.js';

runConformanceSuite({
  name: 'rakuten',
  adaptSeeds: (seeds) => adaptSeedsForRakuten(seeds),
  async setup(seeds, now) {
    const rig = startRig(seeds, now);
    return {
      connector: rig.connector,
      sandbox: {
        log: rig.sandbox.kit.log,
        faults: rig.sandbox.kit.faults,
        clock: rig.sandbox.clock,
        qpsViolations: () => rig.sandbox.qpsViolations(),
        expireCredential: () => rig.sandbox.expireCredential(),
        expiringCredential: 'licenseKey',
      },
      secrets: [rig.sandbox.credentials.serviceSecret, rig.sandbox.credentials.licenseKey],
      captured: rig.captured,
      close: () => rig.close(),
    };
  },
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import { createAupayConnector } from '../src/index.js';
import { createAupaySandbox } from '../src/testing/index.js';

// au PAY's 1 request per second, run 50 times faster (the suite's default rate scale).
runConformanceSuite({
  name: 'au PAY マーケット',
  createSandbox: (init) => createAupaySandbox(init),
  createConnector: (options) => createAupayConnector(options),
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import { createQoo10Connector } from '../src/connector.js';
import { createQoo10Sandbox } from '../src/testing/sandbox.js';

// Qoo10's default pace is 1 request/s; the suite runs sandbox and connector 100 times faster.
runConformanceSuite({
  name: 'qoo10',
  rateScale: 100,
  createSandbox: (init) => createQoo10Sandbox(init),
  createConnector: (options) => createQoo10Connector(options),
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import { createMakeshopConnector } from '../src/index.js';
import { createMakeshopSandbox } from '../src/testing/index.js';

// The same checks as every mall: the connector against its sandbox, at 50 times makeshop's rate.
runConformanceSuite({
  name: 'makeshop',
  createSandbox: (init) => createMakeshopSandbox(init),
  createConnector: (options) => createMakeshopConnector(options),
});

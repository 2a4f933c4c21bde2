import { runConformanceSuite } from '@mallkit/core/conformance';
import { createShopserveConnector } from '../src/index.js';
import { createShopserveSandbox } from '../src/testing/index.js';

// The shared checks, against the sandbox, at 50× Shopserve's assumed 1 request/s.
runConformanceSuite({
  name: 'shopserve',
  createSandbox: (init) => createShopserveSandbox(init),
  createConnector: (options) => createShopserveConnector(options),
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import { createRakutenConnector } from '../src/index.js';
import { createRakutenSandbox } from '../src/testing/index.js';

runConformanceSuite({
  name: 'rakuten',
  createSandbox: (init) => createRakutenSandbox(init),
  createConnector: (options) => createRakutenConnector(options),
});

import { runConformanceSuite } from '@mallkit/core/conformance';
import { createYahooConnector } from '../src/index.js';
import { createYahooSandbox } from '../src/testing/index.js';

runConformanceSuite({
  name: 'Yahoo!ショッピング',
  // Yahoo allows 1 request/s per API path, and reads one order per request: the suite runs it 200
  // times faster (sandbox and connector alike), so that a listing of 40 orders takes a fraction of a second.
  rateScale: 200,
  createSandbox: (init) => createYahooSandbox(init),
  createConnector: (options) => createYahooConnector(options),
});

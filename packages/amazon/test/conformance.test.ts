import { runConformanceSuite } from '@mallkit/core/conformance';
import { createAmazonConnector } from '../src/connector.js';
import type { OrdersApiVersion } from '../src/options.js';
import { createAmazonSandbox } from '../src/testing/index.js';

// Both read paths behind the same interface pass the same suite, at Amazon's proportions ×100.
// The v0 path reads each order with three calls (items, address, buyer), so an honest listing of
// the suite's 40 seeds alone takes 121 requests, over the 60 the paging-lie check allows a lying
// mall: it runs on 15 seeds (46 requests when honest).
const paths: ReadonlyArray<[name: string, ordersApi: OrdersApiVersion, seedCount: number]> = [
  ['Amazon (SP-API, Orders v2026-01-01)', '2026-01-01', 40],
  ['Amazon (SP-API, Orders v0 path)', 'v0', 15],
];

for (const [name, ordersApi, seedCount] of paths) {
  runConformanceSuite({
    name,
    rateScale: 100,
    seedCount,
    createSandbox: (init) => createAmazonSandbox(init),
    createConnector: (options) => createAmazonConnector({ ...options, ordersApi }),
  });
}

/* eslint-disable no-console -- the README's example prints, as a user's first program would. */
import { generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { createMakeshopConnector } from '../src/index.js';
import { createMakeshopSandbox } from '../src/testing/index.js';

// The README's example, word for word inside `example()`: it must compile under strict TypeScript
// and run. It goes at makeshop's own rate (1 request per second), as a user's first run would.
async function example(): Promise<void> {
  const makeshop = createMakeshopConnector({
    shopId: process.env.MAKESHOP_SHOP_ID ?? '',
    accessToken: process.env.MAKESHOP_TOKEN ?? '', // 永続トークン PAT.…
    apiKey: process.env.MAKESHOP_API_KEY ?? '',
    endpoint: process.env.MAKESHOP_ENDPOINT ?? '', // makeshop からのメールに記載の URL
  });

  for await (const order of makeshop.listOrders({ from: '2026-11-01T00:00:00+09:00' })) {
    if (order.flags.provisional) continue; // 仮注文：決済確認まで発送しない
    console.log(order.id, order.status.code, order.deliveries.length, order.amounts.billed);
  }

  const result = await makeshop.exportShipments([
    { orderId: 'P176378400000000001', carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-21' },
  ]);
  console.log(result.succeeded, result.failed);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('the README example runs against the sandbox', async () => {
  const sandbox = createMakeshopSandbox();
  const now = sandbox.clock.now();
  const seeds = sandbox.seed(generateSeedOrders({ count: 5, seed: 5, from: new Date(now - 10 * 86_400_000), to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  const options = sandbox.connectorOptions();
  vi.stubEnv('MAKESHOP_SHOP_ID', options.shopId);
  vi.stubEnv('MAKESHOP_TOKEN', options.accessToken);
  vi.stubEnv('MAKESHOP_API_KEY', options.apiKey);
  vi.stubEnv('MAKESHOP_ENDPOINT', options.endpoint);
  const printed: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
  try {
    await example();
  } finally {
    server.close();
  }
  // Four searches print every order; then the made-up order number is reported as failed, not thrown.
  expect(printed.slice(0, -1).map((line) => line[0]).sort()).toEqual(seeds.map((seed) => seed.id).sort());
  expect(printed.at(-1)).toEqual([0, 1]);
  expect(sandbox.qpsViolations()).toBe(0);
}, 20_000);

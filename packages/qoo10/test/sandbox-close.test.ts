import { createSandboxClock, generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createQoo10Connector } from '../src/index.js';
import { createQoo10Sandbox } from '../src/testing/index.js';

const NOW = '2026-11-22T10:00:00+09:00';
const FROM = new Date(Date.parse(NOW) - 7 * 86_400_000);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('sandbox close()', () => {
  it('drops the orders, the request log and the route handlers after a sync', async () => {
    const clock = createSandboxClock(NOW);
    const sandbox = createQoo10Sandbox({ clock, rateScale: 1000 });
    sandbox.seed(generateSeedOrders({ count: 12, seed: 7, from: FROM, to: new Date(Date.parse(NOW) - 3_600_000) }));
    const server = startSandboxServer(sandbox.handlers);
    try {
      const connector = createQoo10Connector({ ...sandbox.connectorOptions(), clock, logger: silent });
      let synced = 0;
      for await (const order of connector.listOrders({ from: FROM, to: NOW })) if (order.id) synced += 1;
      expect(synced).toBe(12);
    } finally {
      server.close();
    }
    expect(sandbox.store.size).toBe(12);
    expect(sandbox.kit.log.count()).toBeGreaterThan(0);

    sandbox.close();

    expect(sandbox.store.size).toBe(0);
    expect(sandbox.kit.log.count()).toBe(0);
    expect(sandbox.kit.handlers).toHaveLength(0);
    sandbox.close(); // twice is harmless
  });
});

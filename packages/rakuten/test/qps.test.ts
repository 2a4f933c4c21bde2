import { createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createRakutenConnector } from '../src/index.js';
import { createRakutenSandbox } from '../src/testing/index.js';
import { NOW, seeds } from './fixtures.js';

describe('QPS per licenseKey', () => {
  it('the sandbox answers GA0003 over its rate; a connector throttled to that rate sees none, one twice as fast recovers by retrying', async () => {
    const data = seeds(3);
    const clock = createSandboxClock(NOW);
    const sandbox = createRakutenSandbox({ clock, qps: { limit: 5, intervalMs: 500 } });
    sandbox.seed(data);
    const server = startSandboxServer(sandbox.handlers);
    try {
      const paced = createRakutenConnector({ ...sandbox.credentials, clock, rateLimit: { limit: 5, intervalMs: 500 } });
      // Warm up msw and the JIT, so that the first request's latency does not skew the window.
      await paced.getOrders([data[0]!.id]);
      await new Promise((resolve) => setTimeout(resolve, 550));
      sandbox.kit.reset();
      // One call after another, as listOrders works: the throttle alone keeps the pace.
      for (let i = 0; i < 12; i += 1) await paced.getOrders([data[0]!.id]);
      expect(sandbox.qpsViolations()).toBe(0);

      sandbox.kit.reset();
      const hasty = createRakutenConnector({ ...sandbox.credentials, clock, rateLimit: { limit: 10, intervalMs: 500 }, retry: { rateLimitMinDelayMs: 100, minDelayMs: 50 } });
      const results = await Promise.all(Array.from({ length: 12 }, () => hasty.getOrders([data[0]!.id])));
      expect(results).toHaveLength(12);
      expect(sandbox.qpsViolations()).toBeGreaterThan(0);
      const refused = sandbox.kit.log.filter((e) => e.status === 403);
      expect(refused.length).toBe(sandbox.qpsViolations());
    } finally {
      server.close();
    }
  });

  it('defaults to 1 request per second per licenseKey', () => {
    const connector = createRakutenConnector({ serviceSecret: 'SP_x_secret', licenseKey: 'SL_x_license' });
    expect(connector.capabilities.defaultRatePerSecond).toBe(1);
  });
});

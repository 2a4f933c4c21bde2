import { expect } from 'vitest';
import type { ConformanceCheck } from './context.js';
import { collect, windowOf } from './helpers.js';

/**
 * The checks of the sandbox itself: what a test suite that seeds thousands of orders per test relies
 * on to keep its memory flat (decision 0330).
 */
export const sandboxChecks: readonly ConformanceCheck[] = [
  {
    name: 'the sandbox close() lets go of its orders, request log and route handlers after a sync; twice is harmless',
    async run({ connector, sandbox }, seeds) {
      const listed = await collect(connector.listOrders(windowOf(seeds)));
      expect(listed).toHaveLength(seeds.length);
      expect(sandbox.orderCount(), 'orderCount() counts the seeded orders').toBe(seeds.length);
      expect(sandbox.kit.log.count(), 'the sync was logged').toBeGreaterThan(0);

      sandbox.close();

      expect(sandbox.orderCount(), 'orders still held after close()').toBe(0);
      expect(sandbox.kit.log.count(), 'requests still logged after close()').toBe(0);
      expect(sandbox.kit.handlers, 'route handlers still held after close()').toHaveLength(0);
      expect(() => sandbox.close()).not.toThrow();
    },
  },
];

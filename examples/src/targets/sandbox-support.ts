import type { Logger } from '@mallkit/core';
import { generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';

/** The sandboxes run faster than the real malls so the demo takes seconds; the connectors throttle to match. */
export const DEMO_SANDBOX_RATE = { limit: 25, intervalMs: 1000 } as const;

/** Realistic seed orders over the last 30 days, the same every run. */
export function demoSeeds(now: Date, idPrefix: string): SeedOrder[] {
  return generateSeedOrders({ count: 24, seed: 7, from: new Date(now.getTime() - 29 * 86_400_000), to: new Date(now.getTime() - 3_600_000), idPrefix });
}

/** A logger that prints warnings in the demo's own format and drops the rest. */
export const demoLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => console.log(`  (connector warning) ${message}`),
  error: (message) => console.log(`  (connector error) ${message}`),
};

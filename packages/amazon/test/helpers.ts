import { connectSandbox, createSandboxClock, generateSeedOrders, type SandboxClock, type SeedOrder } from '@mallkit/core/testing';
import { createAmazonConnector, type AmazonConnector } from '../src/connector.js';
import type { AmazonConnectorOptions } from '../src/options.js';
import { createAmazonSandbox, type AmazonSandbox } from '../src/testing/index.js';

/** Tests run Amazon's real proportions between operations, 100 times faster. */
export const RATE_SCALE = 100;

/** A connector on a fresh sandbox, with everything it logs and every hook payload captured. */
export interface TestRig {
  readonly sandbox: AmazonSandbox;
  readonly connector: AmazonConnector;
  readonly clock: SandboxClock;
  readonly captured: string[];
  /** The seeds as the sandbox holds them. */
  readonly seeds: SeedOrder[];
  /** Ids of the orders the sandbox holds. */
  ids(): string[];
  close(): void;
}

/** Starts a sandbox seeded with `seeds` and a connector on it, connected the way the sandbox says. */
export function createRig(seeds: readonly SeedOrder[], now: Date | string, extra: Partial<AmazonConnectorOptions> = {}): TestRig {
  const clock = createSandboxClock(now);
  const sandbox = createAmazonSandbox({ clock, rateScale: RATE_SCALE });
  const held = sandbox.seed(seeds);
  const { connector, captured, close } = connectSandbox(sandbox, createAmazonConnector, {
    retry: { minDelayMs: 20, maxDelayMs: 200, rateLimitMinDelayMs: 50, jitter: false },
    ...extra,
  });
  return { sandbox, connector, clock, captured, seeds: held, ids: () => sandbox.orders.values().map((o) => o.orderId), close };
}

/** The sandbox "now" of the unit tests. */
export const NOW = '2026-11-22T10:00:00+09:00';

/** Seed orders over the 30 days before NOW (the sandbox adapts them to Amazon). */
export function seedOrders(count = 12): SeedOrder[] {
  const now = Date.parse(NOW);
  return generateSeedOrders({ count, seed: 7, from: new Date(now - 30 * 86_400_000), to: new Date(now - 3_600_000) });
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The error a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

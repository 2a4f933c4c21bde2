import type { MallConnector } from '@mallkit/core';
import { connectSandbox, createSandboxClock, DEFAULT_SANDBOX_START, generateSeedOrders, type RequestLogEntry, type SandboxClock, type SeedOrder } from '@mallkit/core/testing';
import { createMakeshopConnector, type MakeshopConnectorOptions, type MakeshopWireOrder } from '../src/index.js';
import { createMakeshopSandbox, type MakeshopSandbox } from '../src/testing/index.js';

/** A connector on a seeded sandbox, with what it logged. */
export interface Harness {
  readonly sandbox: MakeshopSandbox;
  readonly seeds: SeedOrder[];
  readonly connector: MallConnector<MakeshopWireOrder, MakeshopWireOrder>;
  readonly clock: SandboxClock;
  readonly lines: string[];
  /** The JSON bodies the sandbox received, in order. */
  bodies(): Array<{ query: string; variables: { input: Record<string, unknown> } }>;
  close(): void;
}

const DAY = 86_400_000;

/** The instant every test starts at: 2026-11-22 10:00 JST. */
export const NOW = DEFAULT_SANDBOX_START;

/** A sandbox seeded with `count` orders over the last 60 days, a server, and a connector 50 times faster than makeshop. */
export function setUp(options: { readonly count?: number; readonly connector?: Partial<MakeshopConnectorOptions>; readonly seeds?: readonly SeedOrder[] } = {}): Harness {
  const clock = createSandboxClock(NOW);
  const sandbox = createMakeshopSandbox({ clock, rateScale: 50 });
  const now = clock.now();
  const generated = options.seeds ?? generateSeedOrders({ count: options.count ?? 30, seed: 11, from: new Date(now - 60 * DAY), to: new Date(now - 3_600_000) });
  const seeds = sandbox.seed(generated);
  const { connector, captured, close } = connectSandbox(sandbox, createMakeshopConnector, {
    retry: { minDelayMs: 5, maxDelayMs: 20, rateLimitMinDelayMs: 20, jitter: false },
    ...options.connector,
  });
  return {
    sandbox,
    seeds,
    connector,
    clock,
    lines: captured,
    bodies: () => sandbox.kit.log.entries.map((entry: RequestLogEntry) => JSON.parse(entry.bodyText) as { query: string; variables: { input: Record<string, unknown> } }),
    close,
  };
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The error a promise rejects with; throws when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A window around every seed. */
export function windowOf(seeds: readonly SeedOrder[]): { from: string; to: string } {
  const times = seeds.map((seed) => Date.parse(seed.orderedAt));
  return { from: new Date(Math.min(...times) - 60_000).toISOString(), to: new Date(Math.max(...times) + 60_000).toISOString() };
}

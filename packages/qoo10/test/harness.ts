import { silentLogger } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type SeedOrder } from '@mallkit/core/testing';
import { createQoo10Connector } from '../src/connector.js';
import type { Qoo10ConnectorOptions } from '../src/options.js';
import { createQoo10Sandbox, type Qoo10Sandbox } from '../src/testing/sandbox.js';

/** The instant every test starts at. */
export const NOW = '2026-11-22T10:00:00+09:00';
export const DAY = 86_400_000;

/** A seeded sandbox on a fixed clock, its server, and a connector with a ready key. */
export function setUp(options: { count?: number; resultCap?: number; connector?: Partial<Qoo10ConnectorOptions>; minting?: boolean } = {}) {
  const clock = createSandboxClock(NOW);
  const sandbox: Qoo10Sandbox = createQoo10Sandbox({ clock, rateScale: 200, ...(options.resultCap ? { resultCap: options.resultCap } : {}) });
  const seeds: SeedOrder[] = sandbox.seed(
    generateSeedOrders({ count: options.count ?? 12, seed: 7, from: new Date(Date.parse(NOW) - 60 * DAY), to: new Date(Date.parse(NOW) - 3_600_000) }),
  );
  const server = startSandboxServer(sandbox.handlers);
  const credentials = options.minting ? sandbox.mintingOptions() : sandbox.connectorOptions();
  const connector = createQoo10Connector({
    ...credentials,
    clock,
    logger: silentLogger,
    retry: { minDelayMs: 5, maxDelayMs: 20, jitter: false },
    ...options.connector,
  });
  return { clock, sandbox, seeds, server, connector, close: () => server.close() };
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

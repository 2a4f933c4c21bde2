import { captureOutput, createSandboxClock, startSandboxServer, type SeedOrder } from '@mallkit/core/testing';
import { createRakutenConnector, type RakutenConnector, type RakutenConnectorOptions } from '../src/index.js';
import { createRakutenSandbox, type RakutenSandbox } from '../src/testing/index.js';

/** The scaled rate used by tests: connector throttle and sandbox QPS alike. */
export const TEST_RATE = { limit: 50, intervalMs: 1000 } as const;

/** A connector on a fresh sandbox, with everything it logs or hooks captured as text. */
export interface TestRig {
  readonly sandbox: RakutenSandbox;
  readonly connector: RakutenConnector;
  readonly captured: string[];
  close(): void;
}

/** Starts a sandbox (seeded) and a connector on it, both at {@link TEST_RATE}. */
export function startRig(seeds: readonly SeedOrder[], now: Date | string = '2026-11-22T10:00:00+09:00', overrides: Partial<RakutenConnectorOptions> = {}): TestRig {
  const clock = createSandboxClock(now);
  // The sandbox enforces the same rate the connector keeps to, so a QPS error means a throttle bug.
  const rate = overrides.rateLimit && 'limit' in overrides.rateLimit ? overrides.rateLimit : TEST_RATE;
  const sandbox = createRakutenSandbox({ clock, qps: rate });
  sandbox.seed(seeds);
  const server = startSandboxServer(sandbox.handlers);
  const { logger, hooks, lines: captured } = captureOutput();
  const connector = createRakutenConnector({
    ...sandbox.credentials,
    shopId: 'rakuten-test-shop',
    clock,
    rateLimit: TEST_RATE,
    timeoutMs: 5_000,
    retry: { minDelayMs: 20, rateLimitMinDelayMs: 100, maxDelayMs: 500, maxElapsedMs: 15_000 },
    logger,
    hooks,
    ...overrides,
  });
  return { sandbox, connector, captured, close: () => server.close() };
}

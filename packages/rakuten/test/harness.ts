import { connectSandbox, createSandboxClock, type SeedOrder } from '@mallkit/core/testing';
import { createRakutenConnector, type RakutenConnector, type RakutenConnectorOptions } from '../src/index.js';
import { createRakutenSandbox, type RakutenSandbox, type RakutenSandboxOptions } from '../src/testing/index.js';
import { NOW } from './fixtures.js';

/** How much faster than Rakuten's 1 request/s the unit tests run: sandbox QPS and connector throttle alike. */
export const TEST_RATE_SCALE = 50;

/** A connector on a fresh sandbox, with everything it logs or hooks captured as text. */
export interface TestRig {
  readonly sandbox: RakutenSandbox;
  readonly connector: RakutenConnector;
  readonly captured: string[];
  close(): void;
}

/**
 * Starts a sandbox (seeded) and a connector on it, both at 50 requests/s: the sandbox enforces the
 * rate the connector keeps to, so a QPS error means a throttle bug. A `rateLimit` override sets both.
 */
export function startRig(
  seeds: readonly SeedOrder[],
  now: Date | string = NOW,
  overrides: Partial<RakutenConnectorOptions> = {},
  sandboxOptions: Partial<RakutenSandboxOptions> = {},
): TestRig {
  const clock = createSandboxClock(now);
  const rate = overrides.rateLimit && 'limit' in overrides.rateLimit ? overrides.rateLimit : undefined;
  const sandbox = createRakutenSandbox({ clock, rateScale: TEST_RATE_SCALE, ...(rate ? { qps: rate } : {}), ...sandboxOptions });
  sandbox.seed(seeds);
  const { connector, captured, close } = connectSandbox(sandbox, createRakutenConnector, {
    shopId: 'rakuten-test-shop',
    timeoutMs: 5_000,
    retry: { minDelayMs: 20, rateLimitMinDelayMs: 100, maxDelayMs: 500, maxElapsedMs: 15_000 },
    ...overrides,
  });
  return { sandbox, connector, captured, close };
}

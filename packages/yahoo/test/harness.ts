import { captureOutput, createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import { createYahooConnector, type YahooConnector } from '../src/index.js';
import type { YahooConnectorOptions } from '../src/options.js';
import { createYahooSandbox, type YahooSandbox } from '../src/testing/index.js';

/** The scaled rate tests run at: the sandbox enforces it and the connector keeps to it. */
export const TEST_RATE = { limit: 50, intervalMs: 1000 } as const;

/** A sandbox, an msw server and a connector on them, with everything the connector logs captured. */
export interface Setup {
  readonly sandbox: YahooSandbox;
  readonly connector: YahooConnector;
  readonly refreshToken: string;
  readonly captured: string[];
  readonly secrets: string[];
  close(): void;
}

/** Starts a sandbox at `now` and a connector on it (public key configured unless told otherwise). */
export function setup(now: Date | string = '2026-11-22T10:00:00+09:00', overrides: Partial<YahooConnectorOptions> & { signed?: boolean } = {}): Setup {
  const clock = createSandboxClock(now);
  const sandbox = createYahooSandbox({ clock, qps: TEST_RATE });
  const server = startSandboxServer(sandbox.handlers);
  const { publicKey, publicKeyVersion, ...credentials } = sandbox.connectorCredentials();
  const { refreshToken } = credentials;
  const { logger, hooks, lines: captured } = captureOutput();
  const { signed = true, ...rest } = overrides;
  const connector = createYahooConnector({
    ...credentials,
    ...(signed ? { publicKey, publicKeyVersion } : {}),
    clock,
    rateLimit: TEST_RATE,
    retry: { minDelayMs: 5, maxDelayMs: 20, rateLimitMinDelayMs: 5, jitter: false },
    logger,
    hooks,
    ...rest,
  });
  return {
    sandbox,
    connector,
    refreshToken,
    captured,
    secrets: [sandbox.clientSecret, refreshToken],
    close: () => server.close(),
  };
}

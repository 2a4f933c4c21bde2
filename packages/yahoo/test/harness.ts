import { createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import type { Logger } from '@mallkit/core';
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
  const clock = createSandboxClock(now instanceof Date ? now : now);
  const sandbox = createYahooSandbox({ clock, qps: TEST_RATE });
  const server = startSandboxServer(sandbox.handlers);
  const refreshToken = sandbox.authorize(clock.now());
  const captured: string[] = [];
  const capture = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    captured.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
  const record = (name: string) => (event: unknown) => captured.push(`${name} ${JSON.stringify(event)}`);
  const { signed = true, ...rest } = overrides;
  const connector = createYahooConnector({
    sellerId: sandbox.sellerId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    refreshToken,
    authorizedAt: clock.now(),
    ...(signed ? { publicKey: sandbox.publicKeyPem, publicKeyVersion: sandbox.publicKeyVersion } : {}),
    clock,
    rateLimit: TEST_RATE,
    retry: { minDelayMs: 5, maxDelayMs: 20, rateLimitMinDelayMs: 5, jitter: false },
    logger,
    hooks: { onRequest: record('onRequest'), onResponse: record('onResponse'), onRetry: record('onRetry'), onThrottle: record('onThrottle') },
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

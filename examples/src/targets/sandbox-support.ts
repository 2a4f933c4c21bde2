import type { ConnectorOptions, Logger, MallConnector } from '@mallkit/core';
import { generateSeedOrders, startSandboxServer, type MallSandbox, type SeedOrder } from '@mallkit/core/testing';
import type { DemoSession } from '../target.js';

/** The sandboxes run this many times faster than the real malls so that the demo takes seconds; their connectorOptions() pace the connectors the same. */
export const DEMO_RATE_SCALE = 25;

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

/**
 * A demo session on a mall's sandbox: seeds it with the demo orders, answers for it with msw, and
 * connects the mall's connector with the sandbox's own options (credentials, base URL, rates).
 */
export function sandboxSession<Options extends object, Extra extends object = object>(
  sandbox: MallSandbox<Options>,
  createConnector: (options: Options & ConnectorOptions & Extra) => MallConnector,
  extra: Partial<ConnectorOptions> & Extra = {} as Extra,
): DemoSession {
  sandbox.seed(demoSeeds(new Date(sandbox.clock.now()), 'DEMO-'));
  const server = startSandboxServer(sandbox.handlers);
  const connector = createConnector({ ...sandbox.connectorOptions(), clock: sandbox.clock, logger: demoLogger, ...extra });
  return { connector, mode: 'sandbox', writesAllowed: true, close: () => server.close() };
}

/** A demo session on the real mall: writes only when MALLKIT_DEMO_WRITE=1. */
export function realSession(connector: MallConnector): DemoSession {
  return { connector, mode: 'real', writesAllowed: process.env['MALLKIT_DEMO_WRITE'] === '1', close: () => undefined };
}

import type { SetupServer } from 'msw/node';
import type { ConnectorOptions } from '../contract/connector-options.js';
import { captureOutput } from './capture.js';
import type { MallSandbox } from './mall-sandbox.js';
import { startSandboxServer } from './sandbox-kit.js';

/** A connector talking to a sandbox, and what it logged. */
export interface SandboxConnection<Sandbox, Connector> {
  readonly sandbox: Sandbox;
  readonly connector: Connector;
  /** Every log line and hook payload of the connector, as text. */
  readonly captured: string[];
  /** The msw server answering for the sandbox. */
  readonly server: SetupServer;
  /** Stops the server. */
  close(): void;
}

/**
 * Connects a connector to a sandbox for a test or a demo: starts an msw server with the sandbox's
 * handlers, and creates the connector from `sandbox.connectorOptions()` plus the sandbox's clock, a
 * capturing logger and hooks, and `extra` (retry tuning, mapper overrides…).
 */
export function connectSandbox<Options extends object, Sandbox extends MallSandbox<Options>, Connector>(
  sandbox: Sandbox,
  createConnector: (options: Options & ConnectorOptions) => Connector,
  extra: Partial<Options & ConnectorOptions> = {},
): SandboxConnection<Sandbox, Connector> {
  const server = startSandboxServer(sandbox.handlers);
  const { logger, hooks, lines } = captureOutput();
  const connector = createConnector({ ...sandbox.connectorOptions(), clock: sandbox.clock, logger, hooks, ...extra });
  return { sandbox, connector, captured: lines, server, close: () => server.close() };
}

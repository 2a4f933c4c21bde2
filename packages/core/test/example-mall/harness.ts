import type { MallConnector } from '../../src/contract/connector.js';
import { captureOutput } from '../../src/testing/capture.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import type { ConformanceContext, ConformanceHarness } from '../../src/conformance/suite.js';
import type { SeedOrder } from '../../src/testing/generator.js';
import { startSandboxServer } from '../../src/testing/sandbox-kit.js';
import { createExampleConnector, type ExampleConnectorOptions } from './connector.js';
import { createExampleSandbox } from './sandbox.js';

export const API_KEY = 'exk_live_5f2d8c1e9a7b4e3f';
const QPS = 20;

/** Turns the honest connector into a broken one, to prove the suite notices. */
export type Breakage = (connector: MallConnector, options: ExampleConnectorOptions) => MallConnector;

/** A harness for the example mall, optionally with a breakage applied to its connector. */
export function exampleHarness(breakage?: Breakage): ConformanceHarness {
  return {
    name: breakage ? 'example mall (broken on purpose)' : 'example mall',
    async setup(seeds: readonly SeedOrder[], now: Date): Promise<ConformanceContext> {
      const clock = createSandboxClock(now);
      const sandbox = createExampleSandbox({ clock, apiKey: API_KEY, keyExpiresAt: new Date(now.getTime() + 60 * 86_400_000), qpsPerSecond: QPS });
      sandbox.seed(seeds);
      const server = startSandboxServer(sandbox.kit.handlers);
      const { logger, hooks, lines: captured } = captureOutput();
      const options: ExampleConnectorOptions = {
        apiKey: API_KEY,
        clock,
        logger,
        rateLimit: { limit: QPS, intervalMs: 1000 },
        hooks,
      };
      const honest = createExampleConnector(options);
      return {
        connector: breakage ? breakage(honest, options) : honest,
        sandbox: {
          log: sandbox.kit.log,
          faults: sandbox.kit.faults,
          clock,
          qpsViolations: () => sandbox.kit.qps.violations,
          expireCredential: () => sandbox.expireKey(),
          expiringCredential: 'apiKey',
        },
        secrets: [API_KEY],
        captured,
        close: () => server.close(),
      };
    },
  };
}

import type { MallConnector } from '../../src/contract/connector.js';
import type { ConformanceTarget } from '../../src/conformance/suite.js';
import { createExampleConnector, type ExampleConnectorOptions } from './connector.js';
import { createExampleSandbox, type ExampleSandboxConnection } from './sandbox.js';

/** Turns the honest connector into a broken one, to prove the suite notices. */
export type Breakage = (connector: MallConnector, options: ExampleConnectorOptions) => MallConnector;

/** The conformance target of the example mall, optionally with a breakage applied to its connector. */
export function exampleTarget(breakage?: Breakage): ConformanceTarget<ExampleSandboxConnection> {
  return {
    name: breakage ? 'example mall (broken on purpose)' : 'example mall',
    // The example mall allows 5 requests per second; the suite runs it 10 times faster.
    rateScale: 10,
    createSandbox: (init) => createExampleSandbox(init),
    createConnector(options) {
      const honest = createExampleConnector(options);
      return breakage ? breakage(honest, options) : honest;
    },
  };
}

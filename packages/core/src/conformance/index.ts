/**
 * `@mallkit/core/conformance`: the suite every mallkit connector must pass against its sandbox.
 * It registers vitest tests, so import it from test files only.
 *
 * @packageDocumentation
 */
export {
  conformanceChecks,
  runConformanceSuite,
  setUpConformance,
  type ConformanceTarget,
  type SuiteConnectorOptions,
} from './suite.js';
export type { ConformanceCheck, ConformanceContext } from './context.js';
export { syncChecks } from './checks-sync.js';

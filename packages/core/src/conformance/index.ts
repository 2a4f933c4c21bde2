/**
 * `@mallkit/core/conformance`: the suite every mallkit connector must pass against its sandbox.
 * It registers vitest tests, so import it from test files only.
 *
 * @packageDocumentation
 */
export {
  conformanceChecks,
  runConformanceSuite,
  type ConformanceCheck,
  type ConformanceContext,
  type ConformanceHarness,
  type ConformanceSandbox,
} from './suite.js';

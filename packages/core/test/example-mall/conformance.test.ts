import { runConformanceSuite } from '../../src/conformance/suite.js';
import { exampleHarness } from './harness.js';

// The honest example connector passes every check of the suite.
runConformanceSuite(exampleHarness());

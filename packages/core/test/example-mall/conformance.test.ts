import { runConformanceSuite } from '../../src/conformance/suite.js';
import { exampleTarget } from './harness.js';

// The honest example connector passes every check of the suite.
runConformanceSuite(exampleTarget());

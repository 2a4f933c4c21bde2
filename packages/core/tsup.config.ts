import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// One entry per subpath; shared modules (the error classes that XmlParseError extends) become one
// chunk that every entry imports, so each class is defined once per build (ESM and CommonJS alike).
export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    'xml/index': 'src/xml/index.ts',
    'testing/index': 'src/testing/index.ts',
    'conformance/index': 'src/conformance/index.ts',
  }),
);

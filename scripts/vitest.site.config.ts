import { mallkitProject } from '../vitest.project.js';

// `pnpm run test:site`: the built documentation site in headless Chromium (scripts/site/site.test.ts).
// Apart from the `docs` project because it needs `pnpm run docs` first.
export default mallkitProject('site', { include: ['site/**/*.test.ts'], testTimeout: 30_000 });

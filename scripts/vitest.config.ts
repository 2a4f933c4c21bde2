import { mallkitProject } from '../vitest.project.js';

// The `docs` project: checks on the Markdown users read (READMEs, examples, guides) across packages.
export default mallkitProject('docs');

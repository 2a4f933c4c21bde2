import { mallkitProject } from '../../vitest.project.js';

export default mallkitProject('amazon');

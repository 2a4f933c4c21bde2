import { mallkitProject } from '../vitest.project.js';

// The `bench` project: the bench helpers' pure logic (goals, medians, rotation, the table). Never
// timing: the bench itself checks performance goals, tests do not (issue 15).
export default mallkitProject('bench');

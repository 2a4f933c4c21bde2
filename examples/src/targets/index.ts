import type { DemoTarget } from '../target.js';

/** The malls the demo runs, in order. */
export const targets: readonly DemoTarget[] = [];

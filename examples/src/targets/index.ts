import type { DemoTarget } from '../target.js';
import { amazonTarget } from './amazon.js';
import { rakutenTarget } from './rakuten.js';
import { yahooTarget } from './yahoo.js';

/** The malls the demo runs, in order. */
export const targets: readonly DemoTarget[] = [rakutenTarget, yahooTarget, amazonTarget];

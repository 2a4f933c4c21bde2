import type { DemoTarget } from '../target.js';
import { amazonTarget } from './amazon.js';
import { aupayTarget } from './aupay.js';
import { makeshopTarget } from './makeshop.js';
import { qoo10Target } from './qoo10.js';
import { rakutenTarget } from './rakuten.js';
import { shopserveTarget } from './shopserve.js';
import { yahooTarget } from './yahoo.js';

/** The malls the demo runs, in order. */
export const targets: readonly DemoTarget[] = [rakutenTarget, yahooTarget, amazonTarget, aupayTarget, qoo10Target, shopserveTarget, makeshopTarget];

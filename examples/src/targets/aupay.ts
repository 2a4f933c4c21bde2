import { createAupayConnector } from '@mallkit/aupay';
import { createAupaySandbox } from '@mallkit/aupay/testing';
import { createSandboxClock } from '@mallkit/core/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['AUPAY_SHOP_ID', 'AUPAY_API_KEY'] as const;

/** au PAY マーケット: the real Wow!manager API when AUPAY_SHOP_ID and AUPAY_API_KEY are set (AUPAY_KEY_EXPIRES_AT optional), else the sandbox. */
export const aupayTarget: DemoTarget = {
  mall: 'aupay',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      const expiresAt = hasEnv(['AUPAY_KEY_EXPIRES_AT']) ? { keyExpiresAt: env('AUPAY_KEY_EXPIRES_AT') } : {};
      return realSession(createAupayConnector({ shopId: env('AUPAY_SHOP_ID'), apiKey: env('AUPAY_API_KEY'), ...expiresAt, logger: demoLogger }));
    }
    return sandboxSession(createAupaySandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createAupayConnector);
  },
};

import { createSandboxClock } from '@mallkit/core/testing';
import { createMakeshopConnector } from '@mallkit/makeshop';
import { createMakeshopSandbox } from '@mallkit/makeshop/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['MAKESHOP_SHOP_ID', 'MAKESHOP_TOKEN', 'MAKESHOP_API_KEY', 'MAKESHOP_ENDPOINT'] as const;

/** makeshop: the real GraphQL API when the four MAKESHOP_* variables are set, else the sandbox. */
export const makeshopTarget: DemoTarget = {
  mall: 'makeshop',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      return realSession(
        createMakeshopConnector({ shopId: env('MAKESHOP_SHOP_ID'), accessToken: env('MAKESHOP_TOKEN'), apiKey: env('MAKESHOP_API_KEY'), endpoint: env('MAKESHOP_ENDPOINT'), logger: demoLogger }),
      );
    }
    return sandboxSession(createMakeshopSandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createMakeshopConnector);
  },
};

import { createSandboxClock } from '@mallkit/core/testing';
import { createQoo10Connector } from '@mallkit/qoo10';
import { createQoo10Sandbox } from '@mallkit/qoo10/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['QOO10_API_KEY', 'QOO10_USER_ID', 'QOO10_PASSWORD'] as const;

/** Qoo10: the real QSM API when QOO10_API_KEY, QOO10_USER_ID and QOO10_PASSWORD are set (the seller key is minted from them), else the sandbox. */
export const qoo10Target: DemoTarget = {
  mall: 'qoo10',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      return realSession(createQoo10Connector({ apiKey: env('QOO10_API_KEY'), userId: env('QOO10_USER_ID'), password: env('QOO10_PASSWORD'), logger: demoLogger }));
    }
    return sandboxSession(createQoo10Sandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createQoo10Connector, { shopId: 'demo-qoo10-shop' });
  },
};

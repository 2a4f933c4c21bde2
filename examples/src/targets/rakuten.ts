import { createSandboxClock } from '@mallkit/core/testing';
import { createRakutenConnector } from '@mallkit/rakuten';
import { createRakutenSandbox } from '@mallkit/rakuten/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['RAKUTEN_SERVICE_SECRET', 'RAKUTEN_LICENSE_KEY'] as const;

/** 楽天市場: the real RMS when RAKUTEN_SERVICE_SECRET and RAKUTEN_LICENSE_KEY are set, else the sandbox. */
export const rakutenTarget: DemoTarget = {
  mall: 'rakuten',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      return realSession(createRakutenConnector({ serviceSecret: env('RAKUTEN_SERVICE_SECRET'), licenseKey: env('RAKUTEN_LICENSE_KEY'), logger: demoLogger }));
    }
    return sandboxSession(createRakutenSandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createRakutenConnector, { shopId: 'demo-rakuten-shop' });
  },
};

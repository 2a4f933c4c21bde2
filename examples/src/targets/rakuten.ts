import { createRakutenConnector } from '@mallkit/rakuten';
import { adaptSeedsForRakuten, createRakutenSandbox } from '@mallkit/rakuten/testing';
import { createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_SANDBOX_RATE, demoLogger, demoSeeds } from './sandbox-support.js';

const ENV = ['RAKUTEN_SERVICE_SECRET', 'RAKUTEN_LICENSE_KEY'] as const;

/** 楽天市場: the real RMS when RAKUTEN_SERVICE_SECRET and RAKUTEN_LICENSE_KEY are set, else the sandbox. */
export const rakutenTarget: DemoTarget = {
  mall: 'rakuten',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      const connector = createRakutenConnector({ serviceSecret: env('RAKUTEN_SERVICE_SECRET'), licenseKey: env('RAKUTEN_LICENSE_KEY'), logger: demoLogger });
      return { connector, mode: 'real', writesAllowed: process.env.MALLKIT_DEMO_WRITE === '1', close: () => undefined };
    }
    const clock = createSandboxClock(now);
    const sandbox = createRakutenSandbox({ clock, qps: DEMO_SANDBOX_RATE });
    sandbox.seed(adaptSeedsForRakuten(demoSeeds(now, 'DEMO-')));
    const server = startSandboxServer(sandbox.handlers);
    const connector = createRakutenConnector({ ...sandbox.credentials, shopId: 'demo-rakuten-shop', clock, rateLimit: DEMO_SANDBOX_RATE, logger: demoLogger });
    return { connector, mode: 'sandbox', writesAllowed: true, close: () => server.close() };
  },
};

import { createSandboxClock } from '@mallkit/core/testing';
import { createYahooConnector } from '@mallkit/yahoo';
import { createYahooSandbox } from '@mallkit/yahoo/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['YAHOO_SELLER_ID', 'YAHOO_CLIENT_ID', 'YAHOO_CLIENT_SECRET', 'YAHOO_REFRESH_TOKEN'] as const;

/** Yahoo!ショッピング: the real store API when the YAHOO_* variables are set, else the sandbox. */
export const yahooTarget: DemoTarget = {
  mall: 'yahoo',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      const publicKey = hasEnv(['YAHOO_PUBLIC_KEY', 'YAHOO_PUBLIC_KEY_VERSION'])
        ? { publicKey: env('YAHOO_PUBLIC_KEY'), publicKeyVersion: env('YAHOO_PUBLIC_KEY_VERSION') }
        : {};
      return realSession(
        createYahooConnector({
          sellerId: env('YAHOO_SELLER_ID'),
          clientId: env('YAHOO_CLIENT_ID'),
          clientSecret: env('YAHOO_CLIENT_SECRET'),
          refreshToken: env('YAHOO_REFRESH_TOKEN'),
          ...publicKey,
          logger: demoLogger,
        }),
      );
    }
    return sandboxSession(createYahooSandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createYahooConnector, { shopId: 'demo-yahoo-store' });
  },
};

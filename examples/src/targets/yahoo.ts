import { createYahooConnector } from '@mallkit/yahoo';
import { adaptSeedsForYahoo, createYahooSandbox } from '@mallkit/yahoo/testing';
import { createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_SANDBOX_RATE, demoLogger, demoSeeds } from './sandbox-support.js';

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
      const connector = createYahooConnector({
        sellerId: env('YAHOO_SELLER_ID'),
        clientId: env('YAHOO_CLIENT_ID'),
        clientSecret: env('YAHOO_CLIENT_SECRET'),
        refreshToken: env('YAHOO_REFRESH_TOKEN'),
        ...publicKey,
        logger: demoLogger,
      });
      return { connector, mode: 'real', writesAllowed: process.env.MALLKIT_DEMO_WRITE === '1', close: () => undefined };
    }
    const clock = createSandboxClock(now);
    const sandbox = createYahooSandbox({ clock, qps: DEMO_SANDBOX_RATE });
    sandbox.seed(adaptSeedsForYahoo(demoSeeds(now, 'DEMO-'), sandbox.sellerId));
    const server = startSandboxServer(sandbox.handlers);
    const connector = createYahooConnector({
      ...sandbox.connectorCredentials(),
      shopId: 'demo-yahoo-store',
      clock,
      rateLimit: DEMO_SANDBOX_RATE,
      logger: demoLogger,
    });
    return { connector, mode: 'sandbox', writesAllowed: true, close: () => server.close() };
  },
};

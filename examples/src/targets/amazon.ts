import { createAmazonConnector } from '@mallkit/amazon';
import { createAmazonSandbox } from '@mallkit/amazon/testing';
import { createSandboxClock } from '@mallkit/core/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['AMAZON_CLIENT_ID', 'AMAZON_CLIENT_SECRET', 'AMAZON_REFRESH_TOKEN'] as const;

/** Amazon.co.jp: the real SP-API when the AMAZON_* variables are set, else the sandbox. */
export const amazonTarget: DemoTarget = {
  mall: 'amazon',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      return realSession(
        createAmazonConnector({
          clientId: env('AMAZON_CLIENT_ID'),
          clientSecret: env('AMAZON_CLIENT_SECRET'),
          refreshToken: env('AMAZON_REFRESH_TOKEN'),
          ...(hasEnv(['AMAZON_AUTHORIZED_AT']) ? { authorizedAt: env('AMAZON_AUTHORIZED_AT') } : {}),
          logger: demoLogger,
        }),
      );
    }
    // The seller authorized the app 300 days ago: the report shows the 365-day renewal coming.
    return sandboxSession(createAmazonSandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE }), createAmazonConnector, {
      shopId: 'demo-amazon-seller',
      authorizedAt: new Date(now.getTime() - 300 * 86_400_000),
    });
  },
};

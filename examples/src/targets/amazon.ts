import { createAmazonConnector } from '@mallkit/amazon';
import { adaptSeedsForAmazon, createAmazonSandbox } from '@mallkit/amazon/testing';
import { createSandboxClock, startSandboxServer } from '@mallkit/core/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { demoLogger, demoSeeds } from './sandbox-support.js';

const ENV = ['AMAZON_CLIENT_ID', 'AMAZON_CLIENT_SECRET', 'AMAZON_REFRESH_TOKEN'] as const;

/** Amazon.co.jp: the real SP-API when the AMAZON_* variables are set, else the sandbox. */
export const amazonTarget: DemoTarget = {
  mall: 'amazon',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      const connector = createAmazonConnector({
        clientId: env('AMAZON_CLIENT_ID'),
        clientSecret: env('AMAZON_CLIENT_SECRET'),
        refreshToken: env('AMAZON_REFRESH_TOKEN'),
        ...(hasEnv(['AMAZON_AUTHORIZED_AT']) ? { authorizedAt: env('AMAZON_AUTHORIZED_AT') } : {}),
        logger: demoLogger,
      });
      return { connector, mode: 'real', writesAllowed: process.env.MALLKIT_DEMO_WRITE === '1', close: () => undefined };
    }
    const clock = createSandboxClock(now);
    const sandbox = createAmazonSandbox({ clock });
    sandbox.seed(adaptSeedsForAmazon(demoSeeds(now, 'DEMO-')));
    const server = startSandboxServer(sandbox.handlers);
    const connector = createAmazonConnector({ ...sandbox.credentials, authorizedAt: new Date(now.getTime() - 300 * 86_400_000), shopId: 'demo-amazon-seller', clock, logger: demoLogger });
    return { connector, mode: 'sandbox', writesAllowed: true, close: () => server.close() };
  },
};

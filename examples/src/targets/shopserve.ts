import { createSandboxClock } from '@mallkit/core/testing';
import { createShopserveConnector } from '@mallkit/shopserve';
import { createShopserveSandbox } from '@mallkit/shopserve/testing';
import { env, hasEnv, type DemoTarget } from '../target.js';
import { DEMO_RATE_SCALE, demoLogger, realSession, sandboxSession } from './sandbox-support.js';

const ENV = ['SHOPSERVE_ID', 'SHOPSERVE_MANAGER_KEY'] as const;

/** Eストアー ショップサーブ: the real API when SHOPSERVE_ID and SHOPSERVE_MANAGER_KEY are set, else the sandbox. */
export const shopserveTarget: DemoTarget = {
  mall: 'shopserve',
  env: ENV,
  async open(now) {
    if (hasEnv(ENV)) {
      return realSession(createShopserveConnector({ shopserveId: env('SHOPSERVE_ID'), managerKey: env('SHOPSERVE_MANAGER_KEY'), logger: demoLogger }));
    }
    // The demo runs at any hour: its sandbox keeps no Wednesday maintenance window.
    return sandboxSession(createShopserveSandbox({ clock: createSandboxClock(now), rateScale: DEMO_RATE_SCALE, maintenanceWindow: null }), createShopserveConnector, {
      shopId: 'demo-shopserve',
    });
  },
};

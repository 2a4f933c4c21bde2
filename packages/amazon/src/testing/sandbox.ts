import { createSandboxClock, createSandboxKit, storeAdversary, type MallSandbox, type QpsRule, type SandboxInit, type SandboxSimulator } from '@mallkit/core/testing';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import { AMAZON_OPERATIONS, AMAZON_USAGE_PLANS, operationOfKey, type AmazonOperation, type UsagePlan } from '../api/usage-plans.js';
import { AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL, AMAZON_LWA_TOKEN_URL } from '../options.js';
import { lwaHandlers } from './handlers-lwa.js';
import { orders2026Handlers } from './handlers-orders-2026.js';
import { ordersV0Handlers } from './handlers-orders-v0.js';
import { shipmentHandlers } from './handlers-shipment.js';
import { createAmazonSimulator, holdSeeds } from './simulator.js';
import type { AmazonSandboxCredentials, AmazonSandboxState } from './state.js';
import { createAmazonStore, type AmazonStore } from './store.js';
import { errorAnswer, quotaExceeded } from './wire.js';

/** The app and seller a sandbox knows by default. Not secrets: sandbox values only. */
export const AMAZON_SANDBOX_CREDENTIALS: AmazonSandboxCredentials = Object.freeze({
  clientId: 'amzn1.application-oa2-client.mallkitsandbox0000000000000000',
  clientSecret: 'amzn1.oa2-cs.v1.mallkit-sandbox-client-secret-0000000000000000',
  refreshToken: 'Atzr|IwEBImallkit-sandbox-refresh-token-000000000000000000000000',
  sellerId: 'A2MALLKITSANDBOX',
});

/** Every plan's rate × `factor` (bursts stay): Amazon's proportions between operations, in a fraction of the time. */
function scaleUsagePlans(factor: number): Record<AmazonOperation, UsagePlan> {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError(`createAmazonSandbox: rateScale must be > 0, got ${factor}`);
  return Object.fromEntries(AMAZON_OPERATIONS.map((operation) => [operation, { rate: AMAZON_USAGE_PLANS[operation].rate * factor, burst: AMAZON_USAGE_PLANS[operation].burst }])) as Record<AmazonOperation, UsagePlan>;
}

/** The sandbox's own options, besides the clock and rate scale every sandbox takes. */
export interface AmazonSandboxOptions {
  /** The app and seller the sandbox accepts; default {@link AMAZON_SANDBOX_CREDENTIALS}. */
  readonly credentials?: Partial<AmazonSandboxCredentials>;
  /** Usage plans the sandbox enforces, per operation; default Amazon's, their rates × `rateScale`. */
  readonly usagePlans?: Partial<Record<AmazonOperation, UsagePlan>>;
  /** API roots to answer on; default the Far East production and sandbox hosts. */
  readonly baseUrls?: readonly string[];
  /** The LWA token endpoint to answer on; default Amazon's. */
  readonly lwaTokenUrl?: string;
}

/** Everything a connector needs to reach the sandbox: spread it into `createAmazonConnector`. */
export interface AmazonSandboxConnection extends AmazonSandboxCredentials {
  /** The SP-API root the sandbox answers on. */
  readonly baseUrl: string;
  /** The LWA token endpoint the sandbox answers on. */
  readonly lwaTokenUrl: string;
  /** The plans the sandbox enforces, so that the connector paces itself to them. */
  readonly usagePlans: Readonly<Record<AmazonOperation, UsagePlan>>;
}

/** An in-memory Amazon.co.jp seller behind msw handlers that speak the SP-API wire format. */
export interface AmazonSandbox extends MallSandbox<AmazonSandboxConnection> {
  /** The app and seller the sandbox accepts. */
  readonly credentials: AmazonSandboxCredentials;
  /** The seller's orders in the v2026 wire shape with every dataset; change them to set up a test. */
  readonly orders: AmazonStore;
  /**
   * Orders arrive and change on the sandbox clock as on Amazon: each change (cancel, pay, ship,
   * address) goes through Amazon's statuses and moves `lastUpdatedTime` to now, so that searches by
   * update time show it two minutes later.
   */
  readonly simulator: SandboxSimulator;
  /** Issued access tokens are refused as expired (as after an hour); the refresh token still works. */
  expireAccessTokens(): void;
  /** The client secret passed its rotation deadline: LWA answers invalid_client. */
  expireClientSecret(): void;
  /** Changes the usage plans the sandbox enforces (e.g. to test x-amzn-RateLimit-Limit adaptation); applies at once. */
  setUsagePlans(plans: Partial<Record<AmazonOperation, UsagePlan>>): void;
}

/**
 * Creates an Amazon SP-API sandbox: LWA, Orders v2026-01-01, Orders v0 reads and confirmShipment,
 * Amazon's per-operation token buckets (the kit's QPS gate), its 2-minute rule, pagination tokens
 * bound to their search, expiring tokens and revoked authorizations, and a simulator of orders
 * arriving and changing between syncs. Start it with core's
 * `startSandboxServer(sandbox.handlers)`.
 */
export function createAmazonSandbox(init: SandboxInit & AmazonSandboxOptions = {}): AmazonSandbox {
  const clock = init.clock ?? createSandboxClock();
  const credentials: AmazonSandboxCredentials = { ...AMAZON_SANDBOX_CREDENTIALS, ...init.credentials };
  const plans = { ...scaleUsagePlans(init.rateScale ?? 1), ...init.usagePlans };
  const lwaTokenUrl = init.lwaTokenUrl ?? AMAZON_LWA_TOKEN_URL;
  const baseUrls = init.baseUrls ?? [AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL];
  const state: AmazonSandboxState = {
    clock,
    credentials,
    store: createAmazonStore(),
    tokens: new Map(),
    plans: { ...plans },
    refreshTokenRevoked: false,
    clientSecretExpired: false,
  };
  // One bucket per seller + app and operation, as Amazon keeps them; the token endpoint has none.
  const bucketOf = (key: string): QpsRule => {
    const operation = operationOfKey(key);
    if (operation === null) return { limit: Number.POSITIVE_INFINITY, intervalMs: 1000 };
    const plan = state.plans[operation];
    return { ratePerSecond: plan.rate, burst: plan.burst };
  };
  const kit = createSandboxKit({
    mall: 'amazon',
    clock,
    qps: bucketOf,
    qpsKey: (_request, operation) => `${credentials.sellerId}|${credentials.clientId}|${operation}`,
    renderQpsError: () => quotaExceeded(),
    renderServerError: (_ctx, status) =>
      status === 503
        ? errorAnswer(503, 'ServiceUnavailable', 'Service temporarily unavailable. Please try again later.')
        : errorAnswer(status, 'InternalFailure', 'We encountered an internal error. Please try again.'),
  });
  lwaHandlers(kit, state, lwaTokenUrl);
  orders2026Handlers(kit, state, baseUrls);
  ordersV0Handlers(kit, state, baseUrls);
  shipmentHandlers(kit, state, baseUrls);

  const sandbox: AmazonSandbox = {
    mall: 'amazon',
    kit,
    clock,
    credentials,
    orders: state.store,
    get handlers() {
      return kit.handlers;
    },
    seed: (seeds) => holdSeeds(state, seeds),
    simulator: createAmazonSimulator(state),
    connectorOptions: () => ({ ...credentials, baseUrl: baseUrls[0] ?? AMAZON_FE_PRODUCTION_URL, lwaTokenUrl, usagePlans: { ...plans } }),
    secrets: [credentials.clientSecret, credentials.refreshToken],
    expiringCredential: 'refreshToken',
    expireCredential() {
      state.refreshTokenRevoked = true;
      for (const token of state.tokens.values()) token.expired = true;
    },
    expireAccessTokens() {
      for (const token of state.tokens.values()) token.expired = true;
    },
    expireClientSecret() {
      state.clientSecretExpired = true;
    },
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(state.store, (order: AmazonOrder2026, orderId) => ({ ...order, orderId })),
    setUsagePlans(changed) {
      state.plans = { ...state.plans, ...changed };
    },
    reset() {
      kit.reset();
      state.store.pagingLie = null;
      state.store.corrupted.clear();
    },
    orderCount: () => state.store.size,
    close() {
      kit.close();
      state.store.clear();
    },
  };
  return sandbox;
}

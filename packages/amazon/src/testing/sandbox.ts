import type { HttpHandler } from 'msw';
import { createSandboxClock, createSandboxKit, type SandboxClock, type SandboxKit, type SeedOrder } from '@mallkit/core/testing';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import { AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL, AMAZON_LWA_TOKEN_URL } from '../endpoints.js';
import { AMAZON_USAGE_PLANS, type AmazonOperation, type UsagePlan } from '../rate-limits.js';
import { lwaHandlers } from './handlers-lwa.js';
import { orders2026Handlers } from './handlers-orders-2026.js';
import { ordersV0Handlers } from './handlers-orders-v0.js';
import { shipmentHandlers } from './handlers-shipment.js';
import { seedToAmazonOrder } from './seed-to-wire.js';
import type { AmazonSandboxCredentials, SandboxState } from './state.js';
import { TokenBuckets } from './token-bucket.js';
import { errorAnswer, quotaExceeded } from './wire.js';

/** The app and seller a sandbox knows by default. Not secrets: sandbox values only. */
export const AMAZON_SANDBOX_CREDENTIALS: AmazonSandboxCredentials = Object.freeze({
  clientId: 'amzn1.application-oa2-client.mallkitsandbox0000000000000000',
  clientSecret: 'amzn1.oa2-cs.v1.mallkit-sandbox-client-secret-0000000000000000',
  refreshToken: 'Atzr|IwEBImallkit-sandbox-refresh-token-000000000000000000000000',
  sellerId: 'A2MALLKITSANDBOX',
});

/** Options of createAmazonSandbox. */
export interface AmazonSandboxOptions {
  /** Shared with the connectors under test; default a fresh sandbox clock. */
  readonly clock?: SandboxClock;
  readonly credentials?: Partial<AmazonSandboxCredentials>;
  /** Usage plans the token buckets enforce; default Amazon's (scale them with scaleUsagePlans for tests). */
  readonly usagePlans?: Partial<Record<AmazonOperation, UsagePlan>>;
  /** API roots to answer on; default the Far East production and sandbox hosts. */
  readonly baseUrls?: readonly string[];
  /** The LWA token endpoint to answer on. */
  readonly lwaTokenUrl?: string;
}

/** An in-memory Amazon.co.jp seller behind msw handlers that speak the SP-API wire format. */
export interface AmazonSandbox {
  /** msw handlers: LWA, Orders v2026-01-01, Orders v0 reads, confirmShipment. */
  readonly handlers: readonly HttpHandler[];
  readonly kit: SandboxKit;
  readonly clock: SandboxClock;
  readonly credentials: AmazonSandboxCredentials;
  /** The store, by order id, in the v2026 wire shape with every dataset. */
  readonly orders: Map<string, AmazonOrder2026>;
  /** Adds seed orders (converted to Amazon's wire shape). */
  seed(seeds: readonly SeedOrder[]): void;
  /** The seller's authorization lapses: refresh token revoked, issued access tokens refused. */
  expireCredential(): void;
  /** Issued access tokens are refused as expired (as after an hour), the refresh token still works. */
  expireAccessTokens(): void;
  /** The client secret passed its rotation deadline: LWA answers invalid_client. */
  expireClientSecret(): void;
  /** How many requests got 429 QuotaExceeded. */
  qpsViolations(): number;
  /** Answers per `operation status`, e.g. `searchOrders 200`. */
  stats(): ReadonlyMap<string, number>;
  /** Changes the usage plans the buckets enforce (e.g. to test x-amzn-RateLimit-Limit adaptation). */
  setUsagePlans(plans: Partial<Record<AmazonOperation, UsagePlan>>): void;
  /** Clears log, faults, buckets and stats; the store stays. */
  reset(): void;
}

/** Creates an Amazon SP-API sandbox. Start it with core's startSandboxServer(sandbox.handlers). */
export function createAmazonSandbox(options: AmazonSandboxOptions = {}): AmazonSandbox {
  const clock = options.clock ?? createSandboxClock();
  const credentials: AmazonSandboxCredentials = { ...AMAZON_SANDBOX_CREDENTIALS, ...options.credentials };
  const state: SandboxState = {
    clock,
    credentials,
    orders: new Map(),
    tokens: new Map(),
    buckets: new TokenBuckets(),
    plans: { ...AMAZON_USAGE_PLANS, ...options.usagePlans },
    refreshTokenRevoked: false,
    clientSecretExpired: false,
    stats: new Map(),
  };
  const kit = createSandboxKit({
    mall: 'amazon',
    clock,
    // Throttling is Amazon's own token buckets per operation (state.buckets), not the kit's gate.
    qps: null,
    renderQpsError: () => quotaExceeded(),
    renderServerError: (_ctx, status) =>
      status === 503
        ? errorAnswer(503, 'ServiceUnavailable', 'Service temporarily unavailable. Please try again later.')
        : errorAnswer(status, 'InternalFailure', 'We encountered an internal error. Please try again.'),
  });
  const baseUrls = options.baseUrls ?? [AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL];
  const handlers = [
    ...lwaHandlers(kit, state, options.lwaTokenUrl ?? AMAZON_LWA_TOKEN_URL),
    ...orders2026Handlers(kit, state, baseUrls),
    ...ordersV0Handlers(kit, state, baseUrls),
    ...shipmentHandlers(kit, state, baseUrls),
  ];

  return {
    handlers,
    kit,
    clock,
    credentials,
    orders: state.orders,
    seed(seeds) {
      for (const seed of seeds) state.orders.set(seed.id, seedToAmazonOrder(seed));
    },
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
    qpsViolations: () => state.buckets.refused,
    stats: () => new Map(state.stats),
    setUsagePlans(plans) {
      state.plans = { ...state.plans, ...plans };
    },
    reset() {
      kit.reset();
      state.buckets.reset();
      state.stats.clear();
    },
  };
}

import { formatJst } from '@mallkit/core';
import {
  createSandboxClock,
  createSandboxKit,
  scaleQpsLimit,
  storeAdversary,
  type MallSandbox,
  type QpsLimit,
  type SandboxInit,
  type SandboxSimulator,
  type SeedOrder,
} from '@mallkit/core/testing';
import { YCONNECT_TOKEN_URL } from '../auth/yconnect.js';
import { YAHOO_PRODUCTION_BASE_URL, YAHOO_RATE, YAHOO_TEST_BASE_URL } from '../options.js';
import { createAuthServer } from './auth-server.js';
import { routeToken, type StoreSwitches } from './handlers-auth.js';
import { routeOrderChanges } from './handlers-changes.js';
import { routeOrderReads } from './handlers-orders.js';
import { sandboxKeyPair } from './keys.js';
import { adaptSeedsForYahoo, seedToRecord, yahooTime } from './records.js';
import { errorResponse } from './render.js';
import { createYahooSimulator } from './simulator.js';
import { createYahooStore, type YahooSandboxStore } from './store.js';

/** Yahoo's own options of {@link createYahooSandbox}. */
export interface YahooSandboxOptions {
  /** Default `snbx-mallkit` (test stores start with `snbx-`). */
  readonly sellerId?: string;
  /** The app's Client ID the sandbox accepts; default `sandbox-client-id`. */
  readonly clientId?: string;
  /** The app's secret the sandbox accepts. */
  readonly clientSecret?: string;
  /** The public key's version the store registered; default `1`. */
  readonly publicKeyVersion?: string;
  /** Order API root; default the test host for `snbx-` sellers, production otherwise (as the connector). */
  readonly baseUrl?: string;
  /** Token endpoint; default YConnect's. */
  readonly tokenUrl?: string;
}

/** What {@link createYahooSandbox} takes: the shared clock and rate scale, plus Yahoo's own options. */
export type YahooSandboxInit = SandboxInit & YahooSandboxOptions;

/** Everything a connector needs to reach a Yahoo sandbox: spread it into `createYahooConnector`. */
export interface YahooSandboxConnection {
  /** The sandbox store's account. */
  readonly sellerId: string;
  /** The app the sandbox knows. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The store's authorization, made when the sandbox was created. */
  readonly refreshToken: string;
  /** When that authorization was made (its 28 days run from here). */
  readonly authorizedAt: number;
  /** The store's public key (PEM SPKI) and its version: every call is signed, the session lasts 28 days. */
  readonly publicKey: string;
  readonly publicKeyVersion: string;
  /** The sandbox's order API root. */
  readonly baseUrl: string;
  /** The sandbox's token endpoint. */
  readonly tokenUrl: string;
  /** Yahoo's 1 request/s per API path, times the sandbox's rate scale. */
  readonly rateLimit: QpsLimit;
}

/** A Yahoo sandbox: msw handlers over an in-memory store that follows Yahoo's rules. */
export interface YahooSandbox extends MallSandbox<YahooSandboxConnection> {
  /** The sandbox store's account. */
  readonly sellerId: string;
  /** The app the sandbox knows, and its secret. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The store's public key (PEM SPKI) and its version. */
  readonly publicKeyPem: string;
  readonly publicKeyVersion: string;
  /** The refresh token of the store's authorization (the one `connectorOptions()` hands out). */
  readonly refreshToken: string;
  /** The orders as wire records. Change them through `orders.update(id, change)` so that searches see it. */
  readonly orders: YahooSandboxStore;
  /**
   * Plays orders arriving and changing between syncs: `place` adds orders as `seed` does;
   * `change(id, 'cancel' | 'pay' | 'ship' | 'address')` makes the change as the shop, the buyer
   * or Yahoo would, through the sandbox's rules, and stamps LastUpdateTime with the sandbox's now.
   */
  readonly simulator: SandboxSimulator;
  /** Registers another store authorization and returns its refresh token (default: authorized now). */
  authorize(authorizedAt?: number): string;
  /** Issues an authorization code for the code exchange (as the consent page's redirect). */
  issueAuthorizationCode(redirectUri: string, codeChallenge?: string): string;
  /** Expires every access token (an hour passing). */
  expireAccessTokens(): void;
  /** The next refresh returns a new refresh token. */
  rotateRefreshTokenOnNextRefresh(): void;
  /** True once an unsigned or unaccepted order-API call cut the session to 12 hours. */
  isSessionDegraded(refreshToken: string): boolean;
  /** Puts an order under fraud review (FraudHoldStatus 1): hidden from orderList by default, only cancel allowed. */
  holdForFraudReview(orderId: string): void;
  /** Releases the hold (FraudHoldStatus 2) and publishes the order now (PublicationTime). */
  releaseFraudHold(orderId: string): void;
  /** The daily cap is used up: every order API answers 403 "Your Request was Forbidden". */
  exhaustDailyQuota(exhausted?: boolean): void;
  /** The app is not approved for the order APIs: every order API answers px-04303. */
  denyOrderApi(denied?: boolean): void;
}

/**
 * Creates a Yahoo sandbox: the store's YConnect authorization and public key, orderList, orderInfo
 * and the change APIs over an in-memory store, 1 request/s per API path (times `rateScale`).
 * The key pair is generated once per process and reused.
 */
export function createYahooSandbox(init: YahooSandboxInit = {}): YahooSandbox {
  const sellerId = init.sellerId ?? 'snbx-mallkit';
  const clientId = init.clientId ?? 'sandbox-client-id';
  const clientSecret = init.clientSecret ?? 'sandbox-client-secret-0001';
  const publicKeyVersion = init.publicKeyVersion ?? '1';
  const keys = sandboxKeyPair();
  // Like the connector: `snbx-` test stores live on the test host.
  const baseUrl = init.baseUrl ?? (sellerId.startsWith('snbx-') ? YAHOO_TEST_BASE_URL : YAHOO_PRODUCTION_BASE_URL);
  const tokenUrl = init.tokenUrl ?? YCONNECT_TOKEN_URL;
  const clock = init.clock ?? createSandboxClock();
  const rate = scaleQpsLimit(YAHOO_RATE, init.rateScale ?? 1);
  const kit = createSandboxKit({
    mall: 'yahoo',
    clock,
    qps: rate,
    // Yahoo counts per API URL.
    qpsKey: (request) => new URL(request.url).pathname,
    // Yahoo documents no answer for the per-second limit; its only documented limit answer is this
    // 403 (rate.html, faq.html), so the sandbox uses it (README Sources).
    renderQpsError: () => errorResponse(403, 'Your Request was Forbidden', null),
  });
  const auth = createAuthServer({ clock, sellerId, clientId, clientSecret, privateKey: keys.privateKey, publicKeyVersion });
  const store = createYahooStore();
  const switches: StoreSwitches = { quotaExhausted: false, orderApiDenied: false };
  const setup = { kit, base: baseUrl.replace(/\/+$/, ''), sellerId, auth, switches };
  routeToken(kit, tokenUrl, auth);
  routeOrderReads(setup, store);
  routeOrderChanges(setup, store, clock);
  const authorizedAt = clock.now();
  const refreshToken = auth.authorize(authorizedAt);
  let nextNumber = 10000001;

  const seed = (seeds: readonly SeedOrder[]): SeedOrder[] => {
    const adapted = adaptSeedsForYahoo(seeds, sellerId, nextNumber);
    nextNumber += adapted.length;
    for (const order of adapted) store.put(seedToRecord(order, sellerId, clock.now()));
    return adapted;
  };

  const update = (orderId: string, change: (order: Record<string, string>) => void): void => {
    if (store.update(orderId, (record) => change(record.order)) === undefined) throw new RangeError(`no such sandbox order: ${orderId}`);
  };

  return {
    mall: 'yahoo',
    kit,
    clock,
    get handlers() {
      return kit.handlers;
    },
    sellerId,
    clientId,
    clientSecret,
    publicKeyPem: keys.publicKeyPem,
    publicKeyVersion,
    refreshToken,
    orders: store,
    seed,
    simulator: createYahooSimulator({ store, clock, place: seed }),
    connectorOptions: () => ({
      sellerId,
      clientId,
      clientSecret,
      refreshToken,
      authorizedAt,
      publicKey: keys.publicKeyPem,
      publicKeyVersion,
      baseUrl,
      tokenUrl,
      rateLimit: rate,
    }),
    secrets: [clientSecret, refreshToken],
    expiringCredential: 'refreshToken',
    // Revokes every session (password change, consent withdrawn): refresh → invalid_grant, API calls → invalid_token.
    expireCredential: () => auth.revokeAll(),
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(store, (record, id) => ({ ...record, order: { ...record.order, OrderId: id } })),
    reset() {
      kit.reset();
      store.pagingLie = null;
      store.corrupted.clear();
      switches.quotaExhausted = false;
      switches.orderApiDenied = false;
    },
    orderCount: () => store.size,
    close() {
      kit.close();
      store.clear();
      switches.quotaExhausted = false;
      switches.orderApiDenied = false;
    },
    authorize: (at) => auth.authorize(at),
    issueAuthorizationCode: (redirectUri, codeChallenge) => auth.issueCode(redirectUri, codeChallenge ?? null),
    expireAccessTokens: () => auth.expireAccessTokens(),
    rotateRefreshTokenOnNextRefresh: () => auth.rotateOnNextRefresh(),
    isSessionDegraded: (token) => auth.isDegraded(token),
    holdForFraudReview(orderId) {
      update(orderId, (order) => {
        order.FraudHoldStatus = '1';
        order.PublicationTime = '';
      });
    },
    releaseFraudHold(orderId) {
      update(orderId, (order) => {
        order.FraudHoldStatus = '2';
        order.PublicationTime = yahooTime(clock.now());
        order.LastUpdateTime = formatJst(clock.now(), 'iso');
      });
    },
    exhaustDailyQuota(exhausted = true) {
      switches.quotaExhausted = exhausted;
    },
    denyOrderApi(denied = true) {
      switches.orderApiDenied = denied;
    },
  };
}

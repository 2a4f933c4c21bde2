import {
  createMallClient,
  createTokenBucketLimiter,
  credentialKey,
  NotFoundError,
  ResponseFormatError,
  unlimited,
  type Clock,
  type Logger,
  type MallClient,
  type Redactor,
  type SendOptions,
  type TokenBucketRate,
} from '@mallkit/core';
import { getOrderEndpoint, searchOrdersEndpoint, type IncludedData, type SearchOrdersParams } from './api/orders-2026.js';
import {
  confirmShipmentEndpoint,
  getOrderAddressV0Endpoint,
  getOrderBuyerInfoV0Endpoint,
  getOrderItemsV0Endpoint,
  getOrdersV0Endpoint,
  getOrderV0Endpoint,
  type ConfirmShipmentBody,
  type GetOrdersV0Params,
} from './api/orders-v0.js';
import { AMAZON_USAGE_PLANS, isAmazonOperation, operationOfKey, parseRateLimitHeader, type AmazonOperation, type UsagePlan } from './api/usage-plans.js';
import { createLwaAuth, type LwaAuth } from './auth/lwa.js';
import { classifyLwa, createAmazonClassifier } from './errors.js';
import { AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL, AMAZON_LWA_TOKEN_URL, AMAZON_PACKAGE_VERSION, type AmazonConnectorOptions } from './options.js';

/** The most pages of items one v0 order may have: Amazon sends up to 100 items a page, an order has far fewer. */
const MAX_ITEM_PAGES = 50;
/** v0 fan-out: orders read side by side; the per-operation throttle sets the pace. */
const V0_CONCURRENCY = 4;

/** searchOrders' answer: each order as sent, checked one by one by the connector. */
export interface SearchOrdersAnswer {
  /** The page's orders as sent (each an `AmazonOrder2026` when it has the documented shape). */
  readonly orders: readonly unknown[];
  /** `nextToken` for the next page; absent on the last. */
  readonly pagination?: { readonly nextToken?: string | undefined } | undefined;
}

/** What the v0 path reads for one order, before it is checked: the order, every item, address and buyer. */
export interface OrderBundleV0Wire {
  /** The order (getOrders' summary or getOrder's payload). */
  readonly order: unknown;
  /** Every item, all pages of getOrderItems. */
  readonly items: readonly unknown[];
  /** getOrderAddress' payload. */
  readonly address: unknown;
  /** getOrderBuyerInfo's payload. */
  readonly buyer: unknown;
}

/**
 * The raw SP-API client under the connector: one method per operation, every call through the
 * per-operation throttle, LWA auth, retries and Amazon's error table. Answers are checked as
 * envelopes; the orders inside are handed on as sent (the connector checks each on its own).
 */
export interface AmazonClient {
  /** The kit client (pipeline, redactor, clock, logger) of the SP-API calls. */
  readonly http: MallClient;
  /** The LWA access tokens the calls carry. */
  readonly auth: LwaAuth;
  /** The connector's clock (options.clock, default the machine's). */
  readonly clock: Clock;
  /** The connector's logger. */
  readonly logger: Logger;
  /** Masks this connector's secrets (and every access token issued to it) in text. */
  readonly redactor: Redactor;
  /** The rate (req/s) the client currently paces an operation at: the usage plan, or what Amazon reported. */
  rateOf(operation: AmazonOperation): number;
  /** v2026 searchOrders, one page. */
  searchOrders(params: SearchOrdersParams, call?: SendOptions): Promise<SearchOrdersAnswer>;
  /** v2026 getOrder; the order as sent. Throws NotFoundError for an unknown id. */
  getOrder(orderId: string, includedData: readonly IncludedData[], call?: SendOptions): Promise<unknown>;
  /** v0 getOrders (deprecated), one page: `Orders` as sent. */
  getOrdersV0(params: GetOrdersV0Params, call?: SendOptions): Promise<{ readonly Orders: readonly unknown[]; readonly NextToken?: string | undefined }>;
  /** v0 getOrder (deprecated): the order as sent. */
  getOrderV0(orderId: string, call?: SendOptions): Promise<unknown>;
  /** v0 getOrderItems (deprecated), one page. */
  getOrderItemsV0(orderId: string, nextToken: string | undefined, call?: SendOptions): Promise<{ readonly OrderItems: readonly unknown[]; readonly NextToken?: string | undefined }>;
  /** v0 getOrderAddress (deprecated): the payload as sent. */
  getOrderAddressV0(orderId: string, call?: SendOptions): Promise<unknown>;
  /** v0 getOrderBuyerInfo (deprecated): the payload as sent. */
  getOrderBuyerInfoV0(orderId: string, call?: SendOptions): Promise<unknown>;
  /**
   * The v0 fan-out: for each order, its summary (getOrder, unless the caller already has it from a
   * getOrders page), every page of items, the address and the buyer — what v2026 returns inline.
   * Four orders at a time. Orders Amazon does not know are left out; the last 404's request id is kept.
   */
  getOrderBundlesV0(
    orders: ReadonlyArray<{ readonly orderId: string; readonly summary?: unknown }>,
    call?: SendOptions,
  ): Promise<{ readonly bundles: OrderBundleV0Wire[]; readonly notFoundRequestId: string | null }>;
  /** v0 confirmShipment: resolves on 204. */
  confirmShipment(orderId: string, body: ConfirmShipmentBody, call?: SendOptions): Promise<void>;
}

/**
 * Runs `work` on every item, at most `limit` at a time (a worker pool: a slow item holds up only its
 * worker), results in input order. The first failure stops new work and is thrown.
 */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Creates the raw client. The connector uses it; it is exported for calls the connector does not wrap. */
export function createAmazonClient(options: AmazonConnectorOptions): AmazonClient {
  const plans: Record<AmazonOperation, UsagePlan> = { ...AMAZON_USAGE_PLANS, ...options.usagePlans };
  const key = credentialKey('amazon', options.clientId, options.refreshToken);
  const tokenUrl = options.lwaTokenUrl ?? AMAZON_LWA_TOKEN_URL;
  const secrets = [options.clientSecret, options.refreshToken];
  const headers = { 'User-Agent': `mallkit-amazon/${AMAZON_PACKAGE_VERSION} (Language=TypeScript; Platform=Node)` };
  // A rate learned from x-amzn-RateLimit-Limit, per operation; only when the connector owns the throttle.
  const learned = new Map<AmazonOperation, number>();
  const adapts = options.rateLimit === undefined;

  const rateOf = (operation: string): number => (isAmazonOperation(operation) ? (learned.get(operation) ?? plans[operation].rate) : 1);

  // One bucket per (seller + app, operation), mirroring Amazon's; its rate is read on every request,
  // so a rate learned from x-amzn-RateLimit-Limit applies to the same bucket without a second burst.
  const bucketFor = (limiterKey: string): TokenBucketRate => {
    const operation = operationOfKey(limiterKey);
    return operation ? { ratePerSecond: rateOf(operation), burst: plans[operation].burst } : { ratePerSecond: 1, burst: 1 };
  };

  // The token endpoint: its own host (never options.baseUrl) and no throttle (LWA is not budgeted per operation).
  const { rateLimit: _spApiRate, baseUrl: _spApiBase, ...lwaOptions } = options;
  const lwa = createMallClient({ mall: 'amazon', options: lwaOptions, baseUrl: tokenUrl, secrets, limiterKey: `${key}|lwa`, defaultRate: unlimited, classify: classifyLwa, headers });
  const auth = createLwaAuth({
    credentials: { clientId: options.clientId, clientSecret: options.clientSecret, refreshToken: options.refreshToken },
    tokenUrl,
    client: lwa,
    cacheKey: `${key}|token`,
    clock: lwa.clock,
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
  });

  const http = createMallClient({
    mall: 'amazon',
    options,
    baseUrl: options.sandbox ? AMAZON_FE_SANDBOX_URL : AMAZON_FE_PRODUCTION_URL,
    secrets,
    limiterKey: key,
    // An explicit rateLimit option applies per (seller, operation) key instead of the usage plans.
    defaultRate: createTokenBucketLimiter(bucketFor, { clock: lwa.clock }),
    classify: createAmazonClassifier(rateOf),
    headers,
    authorize: (request, signal) => auth.authorize(request, signal),
    onCredentialRejected: (error, request) => auth.onCredentialRejected(error, request),
    onAnswer(response, request) {
      const operation = request.operation;
      const rate = parseRateLimitHeader(response.headers.get('x-amzn-ratelimit-limit'));
      if (!adapts || rate === null || !isAmazonOperation(operation) || Math.abs(rate - rateOf(operation)) < 1e-9) return;
      if (Math.abs(rate - plans[operation].rate) < 1e-9) learned.delete(operation);
      else learned.set(operation, rate);
      http.logger.info(`amazon ${operation}: Amazon reports ${rate} req/s; pacing follows it`);
    },
  });

  const getOrderItemsV0: AmazonClient['getOrderItemsV0'] = async (orderId, nextToken, call) =>
    (await http.call(getOrderItemsV0Endpoint, { orderId, nextToken }, call)).payload;

  /** Every item page of one order. A token seen before ends it with ResponseFormatError instead of looping. */
  const allItemsV0 = async (orderId: string, call?: SendOptions): Promise<unknown[]> => {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await getOrderItemsV0(orderId, nextToken, call);
      items.push(...page.OrderItems);
      nextToken = page.NextToken;
      if (nextToken !== undefined && (seen.has(nextToken) || seen.size >= MAX_ITEM_PAGES)) {
        throw new ResponseFormatError(`amazon getOrderItemsV0: pagination of order ${orderId} does not end (a NextToken repeats or more than ${MAX_ITEM_PAGES} pages)`, {
          mall: 'amazon',
          operation: 'getOrderItemsV0',
        });
      }
      if (nextToken !== undefined) seen.add(nextToken);
    } while (nextToken !== undefined);
    return items;
  };

  return {
    http,
    auth,
    clock: http.clock,
    logger: http.logger,
    redactor: http.redactor,
    rateOf,
    searchOrders: (params, call) => http.call(searchOrdersEndpoint, params, call),
    async getOrder(orderId, includedData, call) {
      return (await http.call(getOrderEndpoint, { orderId, includedData }, call)).order;
    },
    async getOrdersV0(params, call) {
      return (await http.call(getOrdersV0Endpoint, params, call)).payload;
    },
    async getOrderV0(orderId, call) {
      return (await http.call(getOrderV0Endpoint, orderId, call)).payload;
    },
    getOrderItemsV0,
    async getOrderAddressV0(orderId, call) {
      return (await http.call(getOrderAddressV0Endpoint, orderId, call)).payload;
    },
    async getOrderBuyerInfoV0(orderId, call) {
      return (await http.call(getOrderBuyerInfoV0Endpoint, orderId, call)).payload;
    },
    async getOrderBundlesV0(orders, call) {
      let notFoundRequestId: string | null = null;
      const bundles = await inPool(orders, V0_CONCURRENCY, async ({ orderId, summary }): Promise<OrderBundleV0Wire | null> => {
        try {
          const order = summary ?? (await http.call(getOrderV0Endpoint, orderId, call)).payload;
          const items = await allItemsV0(orderId, call);
          const address = (await http.call(getOrderAddressV0Endpoint, orderId, call)).payload;
          const buyer = (await http.call(getOrderBuyerInfoV0Endpoint, orderId, call)).payload;
          return { order, items, address: address ?? null, buyer: buyer ?? null };
        } catch (error) {
          // Amazon's 404 at any step: the order is gone (or never was) for this seller.
          if (!NotFoundError.isInstance(error)) throw error;
          notFoundRequestId = error.requestId;
          return null;
        }
      });
      return { bundles: bundles.filter((bundle) => bundle !== null), notFoundRequestId };
    },
    async confirmShipment(orderId, body, call) {
      await http.call(confirmShipmentEndpoint, { orderId, body }, call);
    },
  };
}

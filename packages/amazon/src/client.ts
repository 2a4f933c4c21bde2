import {
  createMallClient,
  createTokenBucketLimiter,
  credentialKey,
  isConnectorWide,
  isOutage,
  MallkitError,
  mapWithConcurrency,
  NotFoundError,
  readAllPages,
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
  type OrderBundleV0Read,
  type OrderBundleV0Wire,
} from './api/orders-v0.js';
import { AMAZON_USAGE_PLANS, isAmazonOperation, operationOfKey, parseRateLimitHeader, type AmazonOperation, type UsagePlan } from './api/usage-plans.js';
import { createLwaAuth, type LwaAuth } from './auth/lwa.js';
import { classifyLwa, createAmazonClassifier } from './errors.js';
import { AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL, AMAZON_LWA_TOKEN_URL, AMAZON_PACKAGE_VERSION, checkAmazonOptions, type AmazonConnectorOptions } from './options.js';

/** The most pages of items one v0 order may have: Amazon sends up to 100 items a page, an order has far fewer. */
const MAX_ITEM_PAGES = 50;
/** v0 fan-out: orders read side by side; the per-operation throttle sets the pace. */
const V0_CONCURRENCY = 4;
/**
 * Outages (a 5xx, a timeout or a dropped connection after the retries) on this many orders of one
 * v0 batch mean that Amazon is out, not that those orders are broken: the batch stops with the
 * error instead of spending every other order's retry budget on the same outage.
 */
const V0_OUTAGES_PER_BATCH = 2;

/** searchOrders' answer: each order as sent, checked one by one by the connector. */
export interface SearchOrdersAnswer {
  /** The page's orders as sent (each an `AmazonOrder2026` when it has the documented shape). */
  readonly orders: readonly unknown[];
  /** `nextToken` for the next page; absent on the last. */
  readonly pagination?: { readonly nextToken?: string | undefined } | undefined;
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
  /** Everything the v0 path reads of one order (what v2026 returns inline): the order (unless `summary` is given), every item page, the address and the buyer. */
  getOrderBundleV0(orderId: string, summary?: unknown, call?: SendOptions): Promise<OrderBundleV0Wire>;
  /**
   * The v0 fan-out, four orders at a time, one result per order in the order given. A 404, or a
   * failure of one order's items, address or buyer call (an unreadable or lying answer, a 4xx, a
   * 5xx after the retries), is that order's result. Thrown: a failure of the order summary read
   * (as v2026's getOrder), an error about the whole connector (credentials, permission,
   * throttling, maintenance), an abort, and outages on two orders of the batch.
   */
  getOrderBundlesV0(orders: ReadonlyArray<{ readonly orderId: string; readonly summary?: unknown }>, call?: SendOptions): Promise<OrderBundleV0Read[]>;
  /** v0 confirmShipment: resolves on 204. */
  confirmShipment(orderId: string, body: ConfirmShipmentBody, call?: SendOptions): Promise<void>;
}

/** Creates the raw client. The connector uses it; it is exported for calls the connector does not wrap. */
export function createAmazonClient(options: AmazonConnectorOptions): AmazonClient {
  checkAmazonOptions(options, 'createAmazonClient');
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

  /** Every item page of one order, through the kit's guards: a NextToken or a page seen before ends in ResponseFormatError. */
  const allItemsV0 = (orderId: string, call?: SendOptions): Promise<unknown[]> =>
    readAllPages<unknown>({
      mall: 'amazon',
      operation: 'getOrderItemsV0',
      maxPages: MAX_ITEM_PAGES,
      fetchPage: async (nextToken) => {
        const page = await getOrderItemsV0(orderId, nextToken, call);
        return { items: page.OrderItems, next: page.NextToken };
      },
      key: (item) => JSON.stringify(item),
      ...(call?.signal ? { signal: call.signal } : {}),
      logger: http.logger,
    });

  /** What v2026 returns inline and v0 needs three calls for: every item page, the address and the buyer. */
  const withDetailsV0 = async (orderId: string, order: unknown, call?: SendOptions): Promise<OrderBundleV0Wire> => {
    const items = await allItemsV0(orderId, call);
    const address = (await http.call(getOrderAddressV0Endpoint, orderId, call)).payload;
    const buyer = (await http.call(getOrderBuyerInfoV0Endpoint, orderId, call)).payload;
    return { order, items, address: address ?? null, buyer: buyer ?? null };
  };

  const getOrderV0: AmazonClient['getOrderV0'] = async (orderId, call) => (await http.call(getOrderV0Endpoint, orderId, call)).payload;

  const getOrderBundlesV0: AmazonClient['getOrderBundlesV0'] = (orders, call) => {
    let outages = 0;
    /** An error of one order's items, address or buyer call, as that order's result; what is not the order's own is thrown. */
    const resultOf = (orderId: string, error: unknown): OrderBundleV0Read => {
      if (call?.signal?.aborted || !MallkitError.isInstance(error) || isConnectorWide(error)) throw error;
      if (NotFoundError.isInstance(error)) return { orderId, missing: error };
      if (isOutage(error) && (outages += 1) >= V0_OUTAGES_PER_BATCH) throw error;
      return { orderId, failed: error };
    };
    return mapWithConcurrency(orders, V0_CONCURRENCY, async ({ orderId, summary }): Promise<OrderBundleV0Read> => {
      let order = summary;
      if (order === undefined) {
        // The order itself fails the read as v2026's getOrder does; only its 404 means "no such order".
        try {
          order = await getOrderV0(orderId, call);
        } catch (error) {
          if (NotFoundError.isInstance(error)) return { orderId, missing: error };
          throw error;
        }
      }
      try {
        return { orderId, bundle: await withDetailsV0(orderId, order, call) };
      } catch (error) {
        return resultOf(orderId, error);
      }
    });
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
    getOrderV0,
    getOrderItemsV0,
    async getOrderAddressV0(orderId, call) {
      return (await http.call(getOrderAddressV0Endpoint, orderId, call)).payload;
    },
    async getOrderBuyerInfoV0(orderId, call) {
      return (await http.call(getOrderBuyerInfoV0Endpoint, orderId, call)).payload;
    },
    getOrderBundleV0: async (orderId, summary, call) => withDetailsV0(orderId, summary ?? (await getOrderV0(orderId, call)), call),
    getOrderBundlesV0,
    async confirmShipment(orderId, body, call) {
      await http.call(confirmShipmentEndpoint, { orderId, body }, call);
    },
  };
}

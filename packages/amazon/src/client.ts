import {
  createHttpPipeline,
  createRedactor,
  credentialKey,
  defaultLogger,
  resolveLimiter,
  systemClock,
  ResponseFormatError,
  type Clock,
  type HttpPipeline,
  type HttpRequest,
  type HttpResponse,
  type Limiter,
  type TokenBucketRate,
  createTokenBucketLimiter,
  type SendOptions,
} from '@mallkit/core';
import type { z } from 'zod';
import {
  getOrderRequest,
  getOrderResponseSchema,
  searchOrdersRequest,
  searchOrdersResponseSchema,
  type IncludedData,
  type SearchOrdersParams,
} from './api/orders-2026.js';
import {
  confirmShipmentRequest,
  getOrderAddressV0Request,
  getOrderAddressV0ResponseSchema,
  getOrderBuyerInfoV0Request,
  getOrderBuyerInfoV0ResponseSchema,
  getOrderItemsV0Request,
  getOrderItemsV0ResponseSchema,
  getOrdersV0Request,
  getOrdersV0ResponseSchema,
  getOrderV0Request,
  getOrderV0ResponseSchema,
  type ConfirmShipmentBody,
  type GetOrdersV0Params,
} from './api/orders-v0.js';
import { createLwaAuth, type LwaAuth } from './auth/lwa.js';
import { AMAZON_FE_PRODUCTION_URL, AMAZON_FE_SANDBOX_URL, AMAZON_LWA_TOKEN_URL } from './endpoints.js';
import { createAmazonClassifier, createLwaClassifier } from './errors.js';
import type { AmazonConnectorOptions } from './options.js';
import {
  AMAZON_USAGE_PLANS,
  parseRateLimitHeader,
  type AmazonOperation,
  type UsagePlan,
} from './rate-limits.js';

/** The package version, sent in the User-Agent Amazon asks every caller for. */
export const AMAZON_PACKAGE_VERSION = '0.1.0';

/**
 * The raw SP-API client under the connector: one typed method per operation, answers parsed with
 * the wire schemas, every call through the throttle, auth, retry and error table.
 */
export interface AmazonClient {
  readonly pipeline: HttpPipeline;
  readonly auth: LwaAuth;
  readonly clock: Clock;
  /** v2026 searchOrders. */
  searchOrders(params: SearchOrdersParams, options?: SendOptions): Promise<z.infer<typeof searchOrdersResponseSchema>>;
  /** v2026 getOrder. */
  getOrder(orderId: string, includedData: readonly IncludedData[], options?: SendOptions): Promise<z.infer<typeof getOrderResponseSchema>>;
  /** v0 getOrders (deprecated). */
  getOrdersV0(params: GetOrdersV0Params, options?: SendOptions): Promise<z.infer<typeof getOrdersV0ResponseSchema>>;
  /** v0 getOrder (deprecated). */
  getOrderV0(orderId: string, options?: SendOptions): Promise<z.infer<typeof getOrderV0ResponseSchema>>;
  /** v0 getOrderItems (deprecated), one page. */
  getOrderItemsV0(orderId: string, nextToken: string | undefined, options?: SendOptions): Promise<z.infer<typeof getOrderItemsV0ResponseSchema>>;
  /** v0 getOrderAddress (deprecated). */
  getOrderAddressV0(orderId: string, options?: SendOptions): Promise<z.infer<typeof getOrderAddressV0ResponseSchema>>;
  /** v0 getOrderBuyerInfo (deprecated). */
  getOrderBuyerInfoV0(orderId: string, options?: SendOptions): Promise<z.infer<typeof getOrderBuyerInfoV0ResponseSchema>>;
  /** v0 confirmShipment: resolves on 204. */
  confirmShipment(orderId: string, body: ConfirmShipmentBody, options?: SendOptions): Promise<void>;
  /** The rate (req/s) the client currently paces an operation at. */
  rateOf(operation: AmazonOperation): number;
}

function isOperation(value: string): value is AmazonOperation {
  return value in AMAZON_USAGE_PLANS;
}

/** Creates the raw client. The connector uses it; it is exported for calls the connector does not wrap. */
export function createAmazonClient(options: AmazonConnectorOptions): AmazonClient {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const redactor = createRedactor([options.clientSecret, options.refreshToken]);
  const plans: Record<AmazonOperation, UsagePlan> = { ...AMAZON_USAGE_PLANS, ...options.usagePlans };
  const base = credentialKey('amazon', options.clientId, options.refreshToken);
  const baseUrl = options.baseUrl ?? (options.sandbox ? AMAZON_FE_SANDBOX_URL : AMAZON_FE_PRODUCTION_URL);
  // A rate learned from x-amzn-RateLimit-Limit, per operation; only when the connector owns the throttle.
  const learned = new Map<AmazonOperation, number>();
  const adapts = options.rateLimit === undefined;

  // One bucket per (seller, operation), mirroring Amazon's; its rate is read on every request, so a
  // rate learned from x-amzn-RateLimit-Limit applies to the same bucket without a second burst.
  const keyFor = (operation: AmazonOperation): string => `${base}|${operation}`;

  const rateOf = (operation: string): number => {
    if (!isOperation(operation)) return 1;
    return learned.get(operation) ?? plans[operation].rate;
  };

  const bucketFor = (key: string): TokenBucketRate => {
    const operation = key.split('|').pop() ?? '';
    const plan = isOperation(operation) ? plans[operation] : { rate: 1, burst: 1 };
    return { ratePerSecond: rateOf(operation), burst: plan.burst };
  };

  // An explicit RateLimit applies per (seller, operation) key instead of the usage-plan table.
  const limiter: Limiter = resolveLimiter(options.rateLimit, createTokenBucketLimiter(bucketFor, { clock }));

  const common = {
    mall: 'amazon' as const,
    redactor,
    clock,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    headers: { 'User-Agent': `mallkit-amazon/${AMAZON_PACKAGE_VERSION} (Language=TypeScript; Platform=Node)` },
  };

  const lwaPipeline = createHttpPipeline({
    ...common,
    baseUrl: options.lwaTokenUrl ?? AMAZON_LWA_TOKEN_URL,
    limiter: { acquire: async () => 0 },
    limiterKey: `${base}|lwa`,
    classify: createLwaClassifier((text) => redactor.text(text)),
  });

  const auth = createLwaAuth({
    credentials: { clientId: options.clientId, clientSecret: options.clientSecret, refreshToken: options.refreshToken },
    tokenUrl: options.lwaTokenUrl ?? AMAZON_LWA_TOKEN_URL,
    pipeline: lwaPipeline,
    cacheKey: `${base}|token`,
    clock,
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
  });

  const pipeline = createHttpPipeline({
    ...common,
    baseUrl,
    limiter,
    limiterKey: base,
    classify: createAmazonClassifier(rateOf, (text) => redactor.text(text)),
    authorize: (request, signal) => auth.authorize(request, signal),
    onCredentialRejected: (error, request) => auth.onCredentialRejected(error, request),
  });

  /** Sends, then follows x-amzn-RateLimit-Limit when it differs from the rate the throttle uses. */
  const send = async (request: HttpRequest, call: SendOptions = {}): Promise<HttpResponse> => {
    const response = await pipeline.send(request, call);
    const operation = request.operation;
    const rate = parseRateLimitHeader(response.headers.get('x-amzn-ratelimit-limit'));
    if (adapts && rate !== null && isOperation(operation) && Math.abs(rate - rateOf(operation)) > 1e-9) {
      if (Math.abs(rate - plans[operation].rate) < 1e-9) learned.delete(operation);
      else learned.set(operation, rate);
      logger.info(`amazon ${operation}: Amazon reports ${rate} req/s; pacing follows it`);
    }
    return response;
  };

  const parse = <S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> => {
    const result = schema.safeParse(response.json());
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new ResponseFormatError(
      `amazon ${response.operation}: unexpected answer shape at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? ''}`,
      { mall: 'amazon', operation: response.operation, httpStatus: response.status, requestId: response.requestId, excerpt: redactor.text(response.text.slice(0, 300)) },
    );
  };

  return {
    pipeline,
    auth,
    clock,
    rateOf,
    async searchOrders(params, call) {
      return parse(await send(searchOrdersRequest(params, keyFor('searchOrders')), call), searchOrdersResponseSchema);
    },
    async getOrder(orderId, includedData, call) {
      return parse(await send(getOrderRequest(orderId, includedData, keyFor('getOrder')), call), getOrderResponseSchema);
    },
    async getOrdersV0(params, call) {
      return parse(await send(getOrdersV0Request(params, keyFor('getOrdersV0')), call), getOrdersV0ResponseSchema);
    },
    async getOrderV0(orderId, call) {
      return parse(await send(getOrderV0Request(orderId, keyFor('getOrderV0')), call), getOrderV0ResponseSchema);
    },
    async getOrderItemsV0(orderId, nextToken, call) {
      return parse(await send(getOrderItemsV0Request(orderId, nextToken, keyFor('getOrderItemsV0')), call), getOrderItemsV0ResponseSchema);
    },
    async getOrderAddressV0(orderId, call) {
      return parse(await send(getOrderAddressV0Request(orderId, keyFor('getOrderAddressV0')), call), getOrderAddressV0ResponseSchema);
    },
    async getOrderBuyerInfoV0(orderId, call) {
      return parse(await send(getOrderBuyerInfoV0Request(orderId, keyFor('getOrderBuyerInfoV0')), call), getOrderBuyerInfoV0ResponseSchema);
    },
    async confirmShipment(orderId, body, call) {
      await send(confirmShipmentRequest(orderId, body, keyFor('confirmShipment')), call);
    },
  };
}

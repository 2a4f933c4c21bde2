import {
  credentialKey,
  createHttpPipeline,
  createRedactor,
  ResponseFormatError,
  resolveLimiter,
  type CallOptions,
  type ConnectorOptions,
  type HttpPipeline,
  type HttpResponse,
} from '@mallkit/core';
import type { z } from 'zod';
import { esaAuthorization, type RakutenCredentials } from './auth.js';
import { buildConfirmOrderBody, confirmOrderEndpoint, confirmOrderResponseSchema, type ConfirmOrderResponse } from './api/confirm-order.js';
import { buildGetOrderBody, getOrderEndpoint, getOrderResponseSchema, type GetOrderResponse } from './api/get-order.js';
import { buildGetPaymentBody, getPaymentEndpoint, getPaymentResponseSchema, type GetPaymentResponse } from './api/get-payment.js';
import { licenseExpiryEndpoint, licenseExpiryResponseSchema, type LicenseExpiryResponse } from './api/license.js';
import { buildSearchOrderBody, searchOrderEndpoint, searchOrderResponseSchema, type SearchOrderParams, type SearchOrderResponse } from './api/search-order.js';
import {
  updateOrderShippingEndpoint,
  updateOrderShippingResponseSchema,
  type UpdateOrderShippingBody,
  type UpdateOrderShippingResponse,
} from './api/update-order-shipping.js';
import { GET_ORDER_VERSION, RAKUTEN_BASE_URL, RAKUTEN_CONTENT_TYPE, RAKUTEN_DEFAULT_RATE, RAKUTEN_THROTTLE_MARGIN } from './constants.js';
import { classifyRakutenResponse } from './errors.js';

/** Options of {@link createRakutenClient}: the credentials plus everything every connector takes. */
export interface RakutenClientOptions extends ConnectorOptions, RakutenCredentials {
  /** getOrder `version` (default 10, the latest documented). */
  readonly getOrderVersion?: number;
}

/**
 * The raw 楽天ペイ受注API client: one method per endpoint, exact wire bodies in, zod-checked wire
 * answers out, through the pipeline (ESA auth, 1 req/s per licenseKey, retries, error table).
 * The connector is built on it; use it directly for what the normalized contract does not cover.
 */
export interface RakutenClient {
  readonly pipeline: HttpPipeline;
  /** The non-secret throttle key of this licenseKey. */
  readonly limiterKey: string;
  searchOrder(params: SearchOrderParams, options?: CallOptions): Promise<SearchOrderResponse>;
  /** At most 100 order numbers. */
  getOrder(orderNumbers: readonly string[], options?: CallOptions): Promise<GetOrderResponse>;
  /** At most 100 order numbers. Not retried on an unknown outcome: read the orders back instead. */
  confirmOrder(orderNumbers: readonly string[], options?: CallOptions): Promise<ConfirmOrderResponse>;
  updateOrderShipping(body: UpdateOrderShippingBody, options?: CallOptions): Promise<UpdateOrderShippingResponse>;
  getPayment(orderNumber: string, options?: CallOptions): Promise<GetPaymentResponse>;
  /** The License Management API: the licenseKey's expiry (JST, no offset on the wire). */
  getLicenseExpiryDate(options?: CallOptions): Promise<LicenseExpiryResponse>;
}

function parseWith<S extends z.ZodType>(schema: S, response: HttpResponse): z.output<S> {
  const result = schema.safeParse(response.json());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ResponseFormatError(
    `rakuten ${response.operation}: the answer does not have the documented shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`,
    { mall: 'rakuten', operation: response.operation, httpStatus: response.status, requestId: response.requestId, excerpt: response.text.slice(0, 300) },
  );
}

/** Creates the raw client. */
export function createRakutenClient(options: RakutenClientOptions): RakutenClient {
  const credentials: RakutenCredentials = { serviceSecret: options.serviceSecret, licenseKey: options.licenseKey };
  const redactor = createRedactor([options.serviceSecret, options.licenseKey]);
  const authorization = esaAuthorization(credentials);
  redactor.add(authorization.slice(4));
  // Rakuten counts requests per licenseKey, so the throttle is keyed by it. The default limiter lives
  // in this client: connectors (or processes) sharing one key must share a Limiter via `rateLimit`.
  const limiterKey = credentialKey('rakuten', options.licenseKey);
  const pipeline = createHttpPipeline({
    mall: 'rakuten',
    baseUrl: options.baseUrl ?? RAKUTEN_BASE_URL,
    // A 10% margin rather than core's 5%: the first request of a run (connection set-up) reaches
    // the gateway late, so at 1 request/s the next window's requests would otherwise crowd it.
    limiter: resolveLimiter(options.rateLimit, RAKUTEN_DEFAULT_RATE, { margin: RAKUTEN_THROTTLE_MARGIN }),
    limiterKey,
    redactor,
    classify: classifyRakutenResponse,
    headers: { 'Content-Type': RAKUTEN_CONTENT_TYPE },
    authorize: () => ({ Authorization: authorization }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  const version = options.getOrderVersion ?? GET_ORDER_VERSION;

  // Every order endpoint is a POST; reads are marked idempotent so that the pipeline may re-send them.
  const post = async (endpoint: { operation: string; path: string }, json: unknown, idempotent: boolean, call: CallOptions = {}): Promise<HttpResponse> =>
    pipeline.send({ operation: endpoint.operation, method: 'POST', path: endpoint.path, json, idempotent }, call);

  return {
    pipeline,
    limiterKey,
    async searchOrder(params, call) {
      return parseWith(searchOrderResponseSchema, await post(searchOrderEndpoint, buildSearchOrderBody(params), true, call));
    },
    async getOrder(orderNumbers, call) {
      return parseWith(getOrderResponseSchema, await post(getOrderEndpoint, buildGetOrderBody(orderNumbers, version), true, call));
    },
    async confirmOrder(orderNumbers, call) {
      return parseWith(confirmOrderResponseSchema, await post(confirmOrderEndpoint, buildConfirmOrderBody(orderNumbers), false, call));
    },
    async updateOrderShipping(body, call) {
      return parseWith(updateOrderShippingResponseSchema, await post(updateOrderShippingEndpoint, body, false, call));
    },
    async getPayment(orderNumber, call) {
      return parseWith(getPaymentResponseSchema, await post(getPaymentEndpoint, buildGetPaymentBody(orderNumber), true, call));
    },
    async getLicenseExpiryDate(call) {
      const response = await pipeline.send(
        { operation: licenseExpiryEndpoint.operation, method: 'GET', path: licenseExpiryEndpoint.path, query: { licenseKey: options.licenseKey } },
        call ?? {},
      );
      return parseWith(licenseExpiryResponseSchema, response);
    },
  };
}

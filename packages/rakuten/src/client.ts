import { createMallClient, credentialKey, type CallOptions, type MallClient } from '@mallkit/core';
import { esaAuthorization } from './auth/esa.js';
import type { RakutenEnvelope } from './api/common.js';
import { confirmOrderEndpoint } from './api/confirm-order.js';
import { GET_ORDER_VERSION, GET_PAYMENT_VERSION } from './api/constants.js';
import { getOrderEndpoint, type GetOrderResponse } from './api/get-order.js';
import { getPaymentEndpoint, type GetPaymentResponse } from './api/get-payment.js';
import { licenseExpiryEndpoint, type LicenseExpiryResponse } from './api/license.js';
import { searchOrderEndpoint, type SearchOrderParams, type SearchOrderResponse } from './api/search-order.js';
import { updateOrderShippingEndpoint, type UpdateOrderShippingBody } from './api/update-order-shipping.js';
import { classifyRakutenResponse } from './errors.js';
import { checkRakutenOptions, RAKUTEN_BASE_URL, RAKUTEN_DEFAULT_RATE, type RakutenClientOptions } from './options.js';

/**
 * The raw 楽天ペイ受注API client: one method per endpoint, exact wire bodies in, zod-checked wire
 * answers out, through the kit's client (ESA auth, 1 req/s per licenseKey, retries, Rakuten's
 * error table, redaction of both credentials). The connector is built on it; use it directly for
 * what the normalized contract does not cover.
 */
export interface RakutenClient extends MallClient {
  /** One page of order numbers. */
  searchOrder(params: SearchOrderParams, options?: CallOptions): Promise<SearchOrderResponse>;
  /** At most 100 order numbers; each order of the answer is left unchecked (the connector checks them one by one). */
  getOrder(orderNumbers: readonly string[], options?: CallOptions): Promise<GetOrderResponse>;
  /** At most 100 order numbers. Not retried after an unknown outcome: read the orders back instead. */
  confirmOrder(orderNumbers: readonly string[], options?: CallOptions): Promise<RakutenEnvelope>;
  /** One order. Not retried after an unknown outcome: read the order back instead. */
  updateOrderShipping(body: UpdateOrderShippingBody, options?: CallOptions): Promise<RakutenEnvelope>;
  /** The payments of one order. */
  getPayment(orderNumber: string, options?: CallOptions): Promise<GetPaymentResponse>;
  /** The License Management API: the licenseKey's expiry (JST, no offset on the wire). */
  getLicenseExpiryDate(options?: CallOptions): Promise<LicenseExpiryResponse>;
}

/** Creates the raw client. Throws ValidationError when a credential or the getOrder version is unusable. */
export function createRakutenClient(options: RakutenClientOptions): RakutenClient {
  checkRakutenOptions(options);
  const authorization = esaAuthorization(options);
  const client = createMallClient({
    mall: 'rakuten',
    options,
    baseUrl: RAKUTEN_BASE_URL,
    // The ESA header is a plain encoding of both values, so it is a secret of its own.
    secrets: [options.serviceSecret, options.licenseKey, authorization.slice('ESA '.length)],
    // Rakuten counts requests per licenseKey. The default limiter lives in this client: connectors
    // (or processes) sharing one key must share a Limiter via `rateLimit`.
    limiterKey: credentialKey('rakuten', options.licenseKey),
    // Core's margins (decision 0310): nothing about Rakuten's gateway calls for more.
    defaultRate: RAKUTEN_DEFAULT_RATE,
    classify: classifyRakutenResponse,
    authorize: () => ({ Authorization: authorization }),
  });
  const version = options.getOrderVersion ?? GET_ORDER_VERSION;

  return {
    ...client,
    searchOrder: (params, call) => client.call(searchOrderEndpoint, params, call),
    getOrder: (orderNumbers, call) => client.call(getOrderEndpoint, { orderNumbers, version }, call),
    confirmOrder: (orderNumbers, call) => client.call(confirmOrderEndpoint, orderNumbers, call),
    updateOrderShipping: (body, call) => client.call(updateOrderShippingEndpoint, body, call),
    getPayment: (orderNumber, call) => client.call(getPaymentEndpoint, { orderNumber, version: GET_PAYMENT_VERSION }, call),
    getLicenseExpiryDate: (call) => client.call(licenseExpiryEndpoint, options.licenseKey, call),
  };
}

/**
 * @mallkit/amazon — the Amazon.co.jp Selling Partner API connector for mallkit: LWA access tokens,
 * Orders API v2026-01-01 (with the deprecated v0 behind an option), v0 confirmShipment, and
 * per-operation usage plans.
 *
 * @packageDocumentation
 */
export { createAmazonConnector, AMAZON_CAPABILITIES, type AmazonConnector } from './connector.js';
export { createAmazonClient, AMAZON_PACKAGE_VERSION, type AmazonClient } from './client.js';
export type { AmazonConnectorOptions, OrdersApiVersion } from './options.js';
export {
  AMAZON_FE_PRODUCTION_URL,
  AMAZON_FE_SANDBOX_URL,
  AMAZON_LWA_TOKEN_URL,
  AMAZON_JP_MARKETPLACE_ID,
  AMAZON_JP_SELLER_CENTRAL_URL,
  ORDERS_V0_READ_REMOVAL_DATE,
} from './endpoints.js';
export {
  AMAZON_OPERATIONS,
  AMAZON_USAGE_PLANS,
  scaleUsagePlans,
  type AmazonOperation,
  type UsagePlan,
} from './rate-limits.js';
export { AMAZON_HINTS } from './errors.js';
export { AMAZON_CARRIER_CODES, toAmazonCarrier, type AmazonCarrier } from './mapping/carrier.js';
export { AMAZON_PAYMENT_METHODS } from './mapping/payment.js';
export { amazonWindows, type AmazonOrder, type AmazonRawOrder, type AmazonWindows } from './mapping/order.js';
export { parseYen } from './mapping/money.js';
export { packageReferenceId } from './shipments/package-reference-id.js';
export {
  DEFAULT_INCLUDED_DATA,
  INCLUDED_DATA,
  FULFILLMENT_STATUSES,
  order2026Schema,
  orderItem2026Schema,
  orderPackageSchema,
  customerAddressSchema,
  searchOrdersResponseSchema,
  getOrderResponseSchema,
  type AmazonOrder2026,
  type AmazonOrderItem2026,
  type AmazonOrderPackage,
  type FulfillmentStatus,
  type IncludedData,
  type SearchOrdersParams,
} from './api/orders-2026.js';
export {
  orderV0Schema,
  orderItemV0Schema,
  addressV0Schema,
  type AmazonOrderV0,
  type AmazonOrderItemV0,
  type AmazonOrderV0Bundle,
  type ConfirmShipmentBody,
  type ConfirmShipmentOrderItem,
  type GetOrdersV0Params,
} from './api/orders-v0.js';
export { money2026Schema, moneyV0Schema, spApiErrorSchema, spApiErrorListSchema, type Money2026, type MoneyV0, type SpApiError } from './api/common.js';
export type { LwaAuth, LwaCredentials } from './auth/lwa.js';

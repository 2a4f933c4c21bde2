/**
 * @mallkit/amazon — the Amazon.co.jp Selling Partner API connector for mallkit: LWA access tokens,
 * Orders API v2026-01-01 (with the deprecated v0 behind an option), v0 confirmShipment, and
 * per-operation usage plans.
 *
 * @packageDocumentation
 */
export { createAmazonConnector, AMAZON_CAPABILITIES, type AmazonConnector } from './connector.js';
export { AMAZON_CHANGES, AMAZON_LOOKBACK_DAYS, AMAZON_V0_CHANGES, AMAZON_VISIBILITY_LAG_MS } from './change-visibility.js';
export { createAmazonClient, type AmazonClient, type SearchOrdersAnswer } from './client.js';
export type { AmazonConnectorOptions, OrdersApiVersion, ShipDespiteStatus } from './options.js';
export { AMAZON_OPERATIONS, AMAZON_USAGE_PLANS, type AmazonOperation, type UsagePlan } from './api/usage-plans.js';
export { amazonWindows, type AmazonOrder, type AmazonRawOrder, type AmazonWindows } from './mapping/order.js';
export {
  DEFAULT_INCLUDED_DATA,
  FULFILLMENT_STATUSES,
  INCLUDED_DATA,
  type AmazonCustomerAddress,
  type AmazonOrder2026,
  type AmazonOrderItem2026,
  type AmazonOrderPackage,
  type FulfillmentStatus,
  type IncludedData,
  type SearchOrdersParams,
} from './api/orders-2026.js';
export type {
  AmazonOrderItemV0,
  AmazonOrderV0,
  AmazonOrderV0Bundle,
  ConfirmShipmentBody,
  ConfirmShipmentOrderItem,
  GetOrdersV0Params,
  OrderBundleV0Read,
  OrderBundleV0Wire,
} from './api/orders-v0.js';
export type { LwaAuth } from './auth/lwa.js';

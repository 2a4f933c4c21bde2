/**
 * `@mallkit/shopserve`: the Eストアー ショップサーブ (Shopserve API v2) order connector for mallkit.
 * Orders are keyed by `serial_code`; every wire detail Shopserve does not publish is an assumption
 * you can correct with the `wire` option (see the README's "verified / unverified" table and
 * `capabilities.verification`).
 *
 * @packageDocumentation
 */
export { createShopserveConnector, shopserveCapabilities, type ShopserveConnector } from './connector.js';
export { createShopserveClient, type ShopserveClient } from './client.js';
export {
  INCIDENT_DISCLOSED_ON,
  SHOPSERVE_BASE_URL,
  SHOPSERVE_DEFAULT_RATE_PER_SECOND,
  type ResolvedShopserveOptions,
  type ShopserveConnectorOptions,
} from './options.js';
export { RENEW_MANAGER_KEY } from './errors.js';
export {
  CANONICAL_FIELDS,
  DEFAULT_WIRE_PROFILE,
  SHIPMENT_MAX_ORDER_AGE_DAYS,
  UNVERIFIED_WIRE_DETAILS,
  type CanonicalField,
  type ShopserveDateFormat,
  type ShopserveDayFormat,
  type ShopserveStatusUpdateRoute,
  type ShopserveWireOverrides,
  type ShopserveWireProfile,
  type ShopserveWireValues,
} from './api/wire-profile.js';
export { SHOPSERVE_MAINTENANCE, type MaintenanceWindow } from './api/maintenance.js';
export type { OrderSearch, OrderSearchAnswer, SearchDateType } from './api/search.js';
export type { StatusChange, StatusUpdate } from './api/status-update.js';
export type {
  ShopserveAmounts,
  ShopserveBasic,
  ShopserveDelivery,
  ShopserveDetail,
  ShopserveItem,
  ShopserveItemOption,
  ShopserveOrder,
  ShopservePerson,
} from './api/order-record.js';

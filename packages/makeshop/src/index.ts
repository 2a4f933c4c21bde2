/**
 * `@mallkit/makeshop`: the makeshop connector for mallkit, on makeshop's 次世代 GraphQL API (the
 * legacy REST API is being closed). Orders with 仮注文 flagged, shipments and payment status
 * through documents you can replace, and a live credential probe.
 *
 * @packageDocumentation
 */
export { createMakeshopConnector, MAKESHOP_CAPABILITIES, MAKESHOP_VERIFICATION, type MakeshopOrder } from './connector.js';
export type { MakeshopConnectorOptions } from './options.js';
export { MAKESHOP_CHANGES, MAKESHOP_LOOKBACK_DAYS, MAKESHOP_VISIBILITY_LAG_MS } from './change-visibility.js';
export {
  DEFAULT_MAKESHOP_DOCUMENTS,
  type DeliveryUpdateInput,
  type GetOrderInput,
  type MakeshopDocument,
  type MakeshopDocumentOverrides,
  type SearchOrderInput,
} from './api/documents.js';
export type { MakeshopBasketInfo, MakeshopDeliveryInfo, MakeshopDiscountPerTax, MakeshopWireOrder } from './api/order-schema.js';
export { DELIVERY_STATUSES, MAKESHOP_PAGE_LIMIT, MAKESHOP_RATE_PER_SECOND, MAKESHOP_TIMESTAMP_VALIDITY_SECONDS, type DeliveryStatus } from './api/limits.js';
export { MAKESHOP_CARRIER_CODES } from './mapping/carrier.js';
export { UnknownFieldsError } from './errors.js';

/**
 * @mallkit/yahoo — the Yahoo!ショッピング ストアAPI connector: YConnect v2 OAuth, 公開鍵認証,
 * orders (orderList + orderInfo), confirmation, shipments, payments, with the fraud-review guard.
 *
 * @packageDocumentation
 */
export { createYahooConnector, YAHOO_CAPABILITIES, type YahooConnector } from './connector.js';
export { createYahooClient, YAHOO_DEFAULT_RATE, type YahooClient, type OrderListPage, type ChangeResult } from './client.js';
export { YAHOO_PRODUCTION_BASE_URL, YAHOO_TEST_BASE_URL, type YahooConnectorOptions } from './options.js';
export {
  buildAuthorizationUrl,
  exchangeAuthorizationCode,
  refreshAccessToken,
  YCONNECT_AUTHORIZATION_URL,
  YCONNECT_TOKEN_URL,
  type AuthorizationRequest,
  type AuthorizationUrlInput,
  type CodeExchangeInput,
  type RefreshInput,
  type TokenHelperInput,
  type YConnectTokenSet,
} from './auth/yconnect.js';
export { createPkcePair, createState, pkceChallenge, type PkcePair } from './auth/pkce.js';
export { createPublicKeySigner, parsePublicKey, type PublicKeySigner } from './auth/public-key.js';
export { SIGNED_SESSION_MS, UNSIGNED_SESSION_MS, type PublicKeyVerdict, type YahooSession } from './auth/session.js';
export { HINTS as YAHOO_HINTS, classifyYahooAnswer, createYahooClassifier } from './errors.js';
export { orderInfoSchema, orderItemSchema, type YahooOrderInfo, type YahooOrderItem } from './api/order-info.js';
export { orderListEntrySchema, type YahooOrderListEntry, type OrderListCondition, type OrderListRequest } from './api/order-list.js';
export {
  buildOrderStatusChangeRequest,
  buildOrderShipStatusChangeRequest,
  buildOrderPayStatusChangeRequest,
  type OrderStatusChange,
  type OrderShipStatusChange,
  type OrderPayStatusChange,
  type OrderStatusValue,
} from './api/order-change.js';
export type { YahooWarning } from './api/wire.js';
export * from './mapping.js';

/**
 * @mallkit/yahoo — the Yahoo!ショッピング ストアAPI connector: YConnect v2 OAuth, 公開鍵認証,
 * orders (orderList + orderInfo), confirmation, shipments, payments, with the fraud-review guard.
 *
 * @packageDocumentation
 */
export { createYahooConnector, YAHOO_CAPABILITIES, type YahooConnector } from './connector.js';
export { createYahooClient, type YahooClient, type OrderListPage, type ChangeResult, type YahooWireOrder } from './client.js';
export { YAHOO_CHANGE_LOOKBACK_DAYS, YAHOO_PRODUCTION_BASE_URL, YAHOO_TEST_BASE_URL, type YahooConnectorOptions } from './options.js';
export type { YahooMapperOverrides } from './mapping/codes.js';
export type { YahooOrder } from './mapping/order.js';
export type {
  YahooOrderInfo,
  YahooOrderItem,
  YahooItemOption,
  YahooOrderPay,
  YahooOrderShip,
  YahooOrderDetail,
  YahooOrderSeller,
  YahooOrderBuyer,
  YahooOrderFields,
} from './api/order-info.js';
export type { YahooOrderListEntry, YahooPaymentEntry, OrderListCondition, OrderListRequest } from './api/order-list.js';
export type { OrderChange, OrderStatusChange, OrderShipStatusChange, OrderPayStatusChange, OrderStatusValue } from './api/order-change.js';
export type { YahooWarning, TextFields } from './api/wire.js';
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
export type { PublicKeyVerdict, YahooSession } from './auth/session.js';

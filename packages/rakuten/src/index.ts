/**
 * @mallkit/rakuten — the 楽天市場 RMS 楽天ペイ受注API connector for mallkit: orders (searchOrder +
 * getOrder), confirmation, shipments, payments and licenseKey expiry.
 *
 * @packageDocumentation
 */
export { createRakutenConnector, RAKUTEN_CAPABILITIES, type RakutenConnector, type RakutenConnectorOptions } from './connector.js';
export { createRakutenClient, type RakutenClient, type RakutenClientOptions } from './client.js';
export { esaAuthorization, parseEsaAuthorization, type RakutenCredentials } from './auth.js';
export {
  GET_ORDER_VERSION,
  GET_PAYMENT_VERSION,
  RAKUTEN_BASE_URL,
  RAKUTEN_CONTENT_TYPE,
  RAKUTEN_DEFAULT_RATE,
  RAKUTEN_LIMITS,
  RAKUTEN_PATHS,
  UNSET_PRICE,
} from './constants.js';
export { classifyRakutenResponse, errorFromMessage, fieldOfMessage, gatewayError, type MessageErrorContext } from './errors.js';
export { RAKUTEN_DATE_TYPES } from './operations/list-orders.js';
export * from './api/index.js';
export * from './mapping.js';

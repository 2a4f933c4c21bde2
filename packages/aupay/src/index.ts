/**
 * @mallkit/aupay — the au PAY マーケット (Wow!manager API) connector: orders by order date
 * (searchTradeInfoListProc) and by id (searchTradeInfoProc), the confirm step (新規受付 →
 * 発送待ち), shipments (updateTradeInfoProc + 完了, or 発送後入金待ち for cash on delivery), payment state that does not trust
 * paymentStatus before shipment, and the 90-day API key in checkCredentials.
 *
 * @packageDocumentation
 */
export { createAupayConnector, AUPAY_CAPABILITIES, type AupayConnector, type AupayOrder } from './connector.js';
export { createAupayClient, type AupayClient, type OrderPage, type OrderPageRequest, type ShippingData } from './client.js';
export type { AupayConnectorOptions, AupaySettings } from './options.js';
export {
  AUPAY_PRODUCTION_BASE_URL,
  AUPAY_STAGING_BASE_URL,
  AUPAY_PAGE_SIZE,
  AUPAY_SEARCH_WINDOW_DAYS,
  AUPAY_RATE_PER_SECOND,
  AUPAY_KEY_LIFETIME_DAYS,
} from './api/limits.js';
export type { AupayOrderInfo, AupayOrderDetail } from './api/order-info.js';
export { AUPAY_ORDER_STATUSES, type AupayStatusName } from './mapping/status.js';
export { AUPAY_CARRIER_CODES, type AupayCarrierCode } from './mapping/carrier.js';
export { SHIPPING_DATE_FORMATS, type AupayShippingDateFormat } from './mapping/dates.js';
export type { AupayPaymentRaw } from './mapping/payment-record.js';

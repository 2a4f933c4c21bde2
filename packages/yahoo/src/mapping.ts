/*
 * Wire → normalized and normalized → wire for Yahoo. The pieces live in mapping/*.ts; this file
 * gathers them so that the package has one mapping entry point like every mall package.
 */
export { toOrder, type YahooOrder } from './mapping/order.js';
export { toPaymentRecord } from './mapping/payment.js';
export { mapOrderStatus, isFraudHeld, type YahooStatusFields } from './mapping/status.js';
export { trackingNumberProblem } from './mapping/tracking.js';
export {
  CARRIER_TO_SHIP_COMPANY_CODE,
  YAHOO_PAY_METHODS,
  YAHOO_SHIP_COMPANY_CODES,
  YAHOO_TIME_ZONE_CODES,
  createYahooMappers,
  type YahooMapperOverrides,
  type YahooMappers,
} from './mapping/codes.js';

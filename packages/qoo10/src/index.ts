/**
 * @mallkit/qoo10 — the Qoo10 QSM QAPI connector: orders are carts (PackNo) with their lines
 * (OrderNo), confirmation with 発送予定日, shipments with the carrier's name, payment dates, and the
 * one-year Seller Authorization Key minted and renewed from the QSM login.
 *
 * @packageDocumentation
 */
export { createQoo10Connector, QOO10_CAPABILITIES, type Qoo10Order } from './connector.js';
export { QOO10_CHANGES, QOO10_SYNC_LOOKBACK_DAYS } from './change-visibility.js';
export type { Qoo10ClaimSearch, Qoo10ConnectorOptions } from './options.js';
export {
  QOO10_BASE_URL,
  QOO10_CLAIM_WINDOW_DAYS,
  QOO10_DEFAULT_RATE_PER_SECOND,
  QOO10_LIST_RESULT_CAP,
  SAK_LIFETIME_DAYS,
} from './api/common.js';
export type { Qoo10ShippingRow, ShippingStatusCode } from './api/shipping-info.js';
export type { ClaimStatCode, Qoo10ClaimRow } from './api/claim-info.js';
export type { Qoo10Pack } from './mapping/pack.js';
export { QOO10_CARRIER_NAMES } from './mapping/carrier.js';
export { shippingPlanOf, type Qoo10ShippingPlan } from './mapping/shipping-plan.js';

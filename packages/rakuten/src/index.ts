/**
 * @mallkit/rakuten — the 楽天市場 RMS 楽天ペイ受注API connector for mallkit: orders (searchOrder +
 * getOrder), confirmation, shipments, payments and licenseKey expiry.
 *
 * @packageDocumentation
 */
import type { Order, PaymentRecord } from '@mallkit/core';
import type { RakutenPaymentModel } from './api/get-payment.js';
import type { RakutenOrderModel } from './api/order-model.js';

export { createRakutenConnector, RAKUTEN_CAPABILITIES, type RakutenConnector } from './connector.js';
export { RAKUTEN_DEFAULT_RATE, RAKUTEN_THROTTLE_MARGIN, type RakutenClientOptions, type RakutenConnectorOptions } from './options.js';
export type { RakutenMapperOverrides } from './mapping/mappers.js';
export { createRakutenClient, type RakutenClient } from './client.js';
export { esaAuthorization, type RakutenCredentials } from './auth/esa.js';

// The raw wire types: `order.raw`, `payment.raw`, and the raw client's requests and answers.
export type { RakutenItemModel, RakutenOrderModel, RakutenPackageModel, RakutenPersonModel, RakutenShippingModel } from './api/order-model.js';
export type { RakutenPaymentModel, GetPaymentResponse } from './api/get-payment.js';
export type { RakutenEnvelope, RakutenMessageModel } from './api/common.js';
export type { RakutenDateType, SearchOrderParams, SearchOrderResponse } from './api/search-order.js';
export type { GetOrderResponse } from './api/get-order.js';
export type { ShippingModelInput, UpdateOrderShippingBody } from './api/update-order-shipping.js';
export type { LicenseExpiryResponse } from './api/license.js';

/** A Rakuten order in the normalized model, with getOrder's OrderModel as `raw`. */
export type RakutenOrder = Order<RakutenOrderModel>;
/** A Rakuten payment record, with getPayment's PaymentModel as `raw`. */
export type RakutenPaymentRecord = PaymentRecord<RakutenPaymentModel>;

import {
  credentialKey,
  defaultLogger,
  systemClock,
  type Capabilities,
  type MallConnector,
} from '@mallkit/core';
import type { RakutenPaymentModel } from './api/get-payment.js';
import type { RakutenOrderModel } from './api/order-model.js';
import { createRakutenClient, type RakutenClient, type RakutenClientOptions } from './client.js';
import { RAKUTEN_DEFAULT_RATE, RAKUTEN_LIMITS } from './constants.js';
import { createRakutenMappers, type RakutenMapperOverrides } from './mapping/mappers.js';
import { checkCredentials } from './operations/check-credentials.js';
import { confirmOrders } from './operations/confirm-orders.js';
import { exportShipments } from './operations/export-shipments.js';
import { getOrders } from './operations/get-orders.js';
import { getPayments } from './operations/get-payments.js';
import { listOrders, RAKUTEN_DATE_TYPES } from './operations/list-orders.js';

/** Options of {@link createRakutenConnector}. */
export interface RakutenConnectorOptions extends RakutenClientOptions {
  /** The shop's own conversions (変換設定), winning over the built-in tables. */
  readonly mappers?: RakutenMapperOverrides;
}

/** A Rakuten connector: the mallkit contract, plus the raw client underneath. */
export interface RakutenConnector extends MallConnector<RakutenOrderModel, RakutenPaymentModel> {
  /** The raw 楽天ペイ受注API client the connector uses (same throttle, auth and error table). */
  readonly client: RakutenClient;
}

/** What the Rakuten connector supports, and Rakuten's limits. */
export const RAKUTEN_CAPABILITIES: Capabilities = {
  listOrders: {
    dateTypes: Object.keys(RAKUTEN_DATE_TYPES) as Capabilities['listOrders']['dateTypes'][number][],
    maxWindowDays: RAKUTEN_LIMITS.searchWindowDays,
    maxLookbackDays: RAKUTEN_LIMITS.lookbackDays,
    pageSize: RAKUTEN_LIMITS.pageSize,
    detailBatchSize: RAKUTEN_LIMITS.batchSize,
  },
  confirmOrders: { batchSize: RAKUTEN_LIMITS.batchSize },
  // updateOrderShipping takes one order per request.
  exportShipments: { batchSize: 1 },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: RAKUTEN_DEFAULT_RATE.limit / (RAKUTEN_DEFAULT_RATE.intervalMs / 1000),
};

/**
 * Creates a connector for one Rakuten shop from its serviceSecret and licenseKey (RMS → WEB
 * APIサービス → 利用設定). Requests are throttled to 1 per second per licenseKey unless
 * `rateLimit` says otherwise.
 */
export function createRakutenConnector(options: RakutenConnectorOptions): RakutenConnector {
  const client = createRakutenClient(options);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const mappers = createRakutenMappers(options.mappers);
  // Stable across licenseKey renewals: the serviceSecret does not change.
  const shopId = options.shopId ?? credentialKey('rakuten', options.serviceSecret);
  const ctx = { client, clock, logger, shopId, mappers };
  return {
    mall: 'rakuten',
    shopId,
    capabilities: RAKUTEN_CAPABILITIES,
    client,
    listOrders: (query, call) => listOrders(ctx, query, call),
    getOrders: (ids, call) => getOrders(ctx, ids, call),
    confirmOrders: (ids, call) => confirmOrders(client, ids, call),
    exportShipments: (updates, call) => exportShipments({ client, clock, deliveryCompany: mappers.deliveryCompany }, updates, call),
    getPayments: (query, call) => getPayments(ctx, query, call),
    checkCredentials: (call) => checkCredentials({ client, clock, shopId, warningDays: options.expiryWarningDays ?? 14 }, call),
  };
}

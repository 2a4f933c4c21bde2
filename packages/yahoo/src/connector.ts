import { systemClock, toEpochJst, type CallOptions, type Capabilities, type MallConnector, type PaymentRecord } from '@mallkit/core';
import type { YahooOrderInfo } from './api/order-info.js';
import type { YahooOrderListEntry } from './api/order-list.js';
import { createYahooClient, type YahooClient } from './client.js';
import { createYahooMappers } from './mapping/codes.js';
import { checkCredentials } from './operations/credentials.js';
import { confirmOrders } from './operations/confirm.js';
import type { OperationContext } from './operations/context.js';
import { exportShipments } from './operations/export-shipments.js';
import { getOrders, listOrders, YAHOO_DATE_TYPES } from './operations/list-orders.js';
import { getPayments } from './operations/payments.js';
import type { YahooConnectorOptions } from './options.js';

/** What the Yahoo connector supports, known before any call. */
export const YAHOO_CAPABILITIES: Capabilities = {
  listOrders: { dateTypes: YAHOO_DATE_TYPES, maxWindowDays: null, maxLookbackDays: null, pageSize: 2000, detailBatchSize: 1 },
  confirmOrders: { batchSize: 1 },
  exportShipments: { batchSize: 1 },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: 1,
};

/** The Yahoo!ショッピング connector: the common interface plus the raw client for everything else. */
export interface YahooConnector extends MallConnector<YahooOrderInfo, YahooOrderListEntry> {
  /** The raw order APIs (orderList, orderInfo, the change APIs incl. orderPayStatusChange). */
  readonly client: YahooClient;
}

/**
 * Creates a connector for one Yahoo!ショッピング store. The public key and its version are
 * checked here: a key without a version (or the reverse) throws a ValidationError at once.
 */
export function createYahooConnector(options: YahooConnectorOptions): YahooConnector {
  const client = createYahooClient(options);
  const ctx: OperationContext = {
    client,
    shopId: options.shopId ?? options.sellerId,
    clock: options.clock ?? systemClock,
    mappers: createYahooMappers(options.mappers),
    includeFraudHeld: options.includeFraudHeld ?? true,
    expiryWarningDays: options.expiryWarningDays ?? 14,
    publicKeyExpiresAt: options.publicKeyExpiresAt === undefined ? null : toEpochJst(options.publicKeyExpiresAt),
    publicKeyConfigured: options.publicKey !== undefined && options.publicKey.trim() !== '',
  };
  return {
    mall: 'yahoo',
    shopId: ctx.shopId,
    capabilities: YAHOO_CAPABILITIES,
    client,
    listOrders: (query, call?: CallOptions) => listOrders(ctx, query, call),
    getOrders: (ids, call?: CallOptions) => getOrders(ctx, ids, call),
    confirmOrders: (ids, call?: CallOptions) => confirmOrders(ctx, ids, call),
    exportShipments: (updates, call?: CallOptions) => exportShipments(ctx, updates, call),
    getPayments: (query, call?: CallOptions): AsyncIterable<PaymentRecord<YahooOrderListEntry>> => getPayments(ctx, query, call),
    checkCredentials: (call?: CallOptions) => checkCredentials(ctx, call),
  };
}

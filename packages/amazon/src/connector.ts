import {
  carrierMapper,
  defaultLogger,
  parseInput,
  timeSlotMapper,
  UnsupportedOperationError,
  type BatchResult,
  type CallOptions,
  type Capabilities,
  type CredentialReport,
  type MallConnector,
  type OrderQuery,
  type PaymentQuery,
  type PaymentRecord,
  type ShipmentUpdate,
} from '@mallkit/core';
import { DEFAULT_INCLUDED_DATA } from './api/orders-2026.js';
import { createAmazonClient, type AmazonClient } from './client.js';
import { AMAZON_JP_MARKETPLACE_ID, ORDERS_V0_READ_REMOVAL_DATE } from './endpoints.js';
import type { AmazonOrder, AmazonRawOrder } from './mapping/order.js';
import { amazonPaymentMapper } from './mapping/payment.js';
import { checkCredentials } from './operations/check-credentials.js';
import type { OperationContext } from './operations/context.js';
import { exportShipments } from './operations/export-shipments.js';
import { getOrders } from './operations/get-orders.js';
import { listOrders } from './operations/list-orders.js';
import { amazonCredentialOptionsSchema, type AmazonConnectorOptions } from './options.js';
import { AMAZON_USAGE_PLANS } from './rate-limits.js';

/** What Amazon supports, known before any call. */
export const AMAZON_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({
  listOrders: {
    dateTypes: ['ordered', 'updated'],
    // One search covers any span; JP orders are kept from 2016 on (ordersV0.json info).
    maxWindowDays: null,
    maxLookbackDays: null,
    pageSize: 100,
    // v2026 returns items, buyer and recipient inline: no detail requests.
    detailBatchSize: 1,
  },
  // Amazon has no confirm step: an order is Unshipped (ready to ship) from the start.
  confirmOrders: null,
  exportShipments: { batchSize: 1 },
  // Settlements come from the Finances API, which this package does not cover yet.
  getPayments: null,
  defaultRatePerSecond: AMAZON_USAGE_PLANS.confirmShipment.rate,
});

/** The Amazon connector: the mallkit contract plus the raw client for calls it does not wrap. */
export interface AmazonConnector extends MallConnector<AmazonRawOrder> {
  readonly client: AmazonClient;
  listOrders(query: OrderQuery, options?: CallOptions): AsyncIterable<AmazonOrder>;
  getOrders(ids: readonly string[], options?: CallOptions): Promise<AmazonOrder[]>;
}

/**
 * Creates the Amazon.co.jp connector (SP-API, Far East region): LWA tokens cached and refreshed
 * once for every caller, orders read with Orders API v2026-01-01 (or the deprecated v0 with
 * `ordersApi: 'v0'`), shipments confirmed with v0 confirmShipment, every operation paced by its
 * own usage plan.
 */
export function createAmazonConnector(options: AmazonConnectorOptions): AmazonConnector {
  parseInput(amazonCredentialOptionsSchema, options, 'options', { mall: 'amazon', operation: 'createAmazonConnector' });
  const client = createAmazonClient(options);
  const logger = options.logger ?? defaultLogger;
  const ordersApi = options.ordersApi ?? '2026-01-01';
  if (ordersApi === 'v0') {
    logger.warn(`amazon: ordersApi 'v0' reads are deprecated and will be removed on ${ORDERS_V0_READ_REMOVAL_DATE}; use the default v2026-01-01`);
  }
  const overrides = options.mappers ?? {};
  const ctx: OperationContext = {
    client,
    shopId: options.shopId ?? options.sellerId ?? 'amazon',
    marketplaceId: options.marketplaceId ?? AMAZON_JP_MARKETPLACE_ID,
    ordersApi,
    fulfilledBy: options.fulfilledBy ?? ['MERCHANT'],
    includedData: options.includedData ?? DEFAULT_INCLUDED_DATA,
    mappers: {
      paymentMethod: amazonPaymentMapper(overrides.paymentMethod),
      carrier: carrierMapper.withOverrides(overrides.carrier ?? {}),
      timeSlot: timeSlotMapper.withOverrides(overrides.timeSlot ?? {}),
    },
    carrierCodes: overrides.carrierCodes ?? {},
    logger,
    options,
  };
  const warningDays = options.expiryWarningDays ?? 14;

  const unsupported = (operation: string, hint: { ja: string; en: string }): UnsupportedOperationError =>
    new UnsupportedOperationError(`amazon ${operation}: not supported`, { mall: 'amazon', operation, hint });

  return {
    mall: 'amazon',
    shopId: ctx.shopId,
    capabilities: AMAZON_CAPABILITIES,
    client,
    listOrders: (query: OrderQuery, call?: CallOptions) => listOrders(ctx, query, call),
    getOrders: (ids: readonly string[], call?: CallOptions) => getOrders(ctx, ids, call),
    async confirmOrders(_ids: readonly string[]): Promise<BatchResult> {
      throw unsupported('confirmOrders', {
        ja: 'Amazonには注文確認の手順がありません。注文は最初から「未出荷」で、そのまま出荷通知（exportShipments）できます。',
        en: 'Amazon has no confirm step: orders are Unshipped from the start; confirm the shipment with exportShipments.',
      });
    },
    exportShipments: (updates: readonly ShipmentUpdate[], call?: CallOptions) => exportShipments(ctx, updates, call),
    getPayments(_query: PaymentQuery): AsyncIterable<PaymentRecord> {
      throw unsupported('getPayments', {
        ja: 'Amazonの入金情報は Finances API（ペイメントレポート）から取得します。このパッケージではまだ対応していません。',
        en: 'Amazon payouts come from the Finances API (settlement reports), which this package does not cover yet.',
      });
    },
    checkCredentials: (call?: CallOptions): Promise<CredentialReport> => checkCredentials(ctx, warningDays, call),
  };
}

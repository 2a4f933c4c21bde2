import { createMallClient, credentialKey, type CallOptions, type MallClient } from '@mallkit/core';
import { createFieldRenamer } from './api/field-names.js';
import { maintenanceClosure } from './api/maintenance.js';
import { searchEndpoint, type OrderSearch, type OrderSearchAnswer } from './api/search.js';
import { statusUpdateEndpoint, type StatusUpdate } from './api/status-update.js';
import { basicAuthorization } from './auth/basic.js';
import { createShopserveClassifier } from './errors.js';
import {
  resolveShopserveOptions,
  SHOPSERVE_BASE_URL,
  SHOPSERVE_DEFAULT_RATE_PER_SECOND,
  type ResolvedShopserveOptions,
  type ShopserveConnectorOptions,
} from './options.js';

/** The raw Shopserve client: one method per endpoint, through one pipeline, closed during maintenance. */
export interface ShopserveClient {
  /** The kit's client (pipeline, clock, logger, redactor). */
  readonly mall: MallClient;
  /** The options after checking (wire profile, maintenance window…). */
  readonly settings: ResolvedShopserveOptions;
  /** 注文情報検索 V2-M-0024: one page of a window, or orders by serial code. */
  searchOrders(search: OrderSearch, call?: CallOptions): Promise<OrderSearchAnswer>;
  /** 注文状態更新 V2-M-0012 for one order. */
  updateOrderStatus(update: StatusUpdate, call?: CallOptions): Promise<void>;
}

/**
 * Builds the raw client: checks the options (ValidationError before anything is sent), then one
 * pipeline with Basic auth, the default 1 request/s, Shopserve's error table, every secret
 * registered for redaction, and the maintenance window as the kit's scheduled closure (every call
 * inside it fails with MaintenanceError before anything is sent).
 */
export function createShopserveClient(options: ShopserveConnectorOptions): ShopserveClient {
  const settings = resolveShopserveOptions(options);
  const renamer = createFieldRenamer(settings.wire.fieldNames);
  const authorization = basicAuthorization(settings.shopserveId, settings.managerKey);
  const mall = createMallClient({
    mall: 'shopserve',
    options,
    baseUrl: SHOPSERVE_BASE_URL,
    secrets: [settings.managerKey, authorization, authorization.slice('Basic '.length)],
    limiterKey: credentialKey('shopserve', settings.shopserveId),
    defaultRate: { limit: SHOPSERVE_DEFAULT_RATE_PER_SECOND, intervalMs: 1000 },
    classify: createShopserveClassifier(renamer),
    headers: { Accept: 'application/json' },
    authorize: () => ({ Authorization: authorization }),
    closedAt: maintenanceClosure(settings.maintenanceWindow),
  });
  const search = searchEndpoint(settings.wire, renamer);
  const update = statusUpdateEndpoint(settings.wire, renamer);

  return {
    mall,
    settings,
    searchOrders: (query, call = {}) => mall.call(search, query, call),
    async updateOrderStatus(change, call = {}) {
      await mall.call(update, change, call);
    },
  };
}

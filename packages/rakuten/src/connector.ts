import {
  createOrderLister,
  createOrderReader,
  credentialKey,
  DEFAULT_MAX_PAGES,
  defineConnector,
  runBatchWrite,
  type CallOptions,
  type Capabilities,
  type MallConnector,
  type OrderDateType,
  type ParsedPaymentQuery,
  type ParsedShipmentUpdate,
  type UnreadableOrderError,
} from '@mallkit/core';
import { RAKUTEN_LIMITS } from './api/constants.js';
import { RAKUTEN_CHANGE_VISIBILITY } from './change-visibility.js';
import { orderModelSchema, type RakutenOrderModel, type RakutenOrderState } from './api/order-model.js';
import type { RakutenPaymentModel } from './api/get-payment.js';
import { buildUpdateOrderShippingBody } from './api/update-order-shipping.js';
import { checkCredentials } from './auth/license-key.js';
import { createRakutenClient, type RakutenClient } from './client.js';
import { confirmOutcomes, resolveConfirm } from './mapping/confirm.js';
import { createRakutenMappers } from './mapping/mappers.js';
import { mapOrder } from './mapping/order.js';
import { orderStatesOf } from './mapping/order-state.js';
import { readPayments } from './mapping/payments.js';
import { RAKUTEN_DATE_TYPES, searchPlans, type SearchPlan } from './mapping/search.js';
import { createSearchPager, type SearchCursor } from './mapping/search-paging.js';
import { planShipment, prepareShipment, RAKUTEN_SHIPMENT_RULES, resolveShipment, shipmentOutcome, type PreparedShipment, type ShipmentPlan } from './mapping/shipment.js';
import { checkRakutenConnectorOptions, RAKUTEN_DEFAULT_RATE, type RakutenConnectorOptions } from './options.js';

/** A Rakuten connector: the mallkit contract, plus the raw client underneath. */
export interface RakutenConnector extends MallConnector<RakutenOrderModel, RakutenPaymentModel> {
  /** The raw 楽天ペイ受注API client the connector uses (same throttle, auth and error table). */
  readonly client: RakutenClient;
}

/** What the Rakuten connector supports, Rakuten's limits, and what public material does not confirm. */
export const RAKUTEN_CAPABILITIES: Capabilities = {
  listOrders: {
    dateTypes: Object.keys(RAKUTEN_DATE_TYPES) as OrderDateType[],
    maxWindowDays: RAKUTEN_LIMITS.searchWindowDays,
    maxLookbackDays: RAKUTEN_LIMITS.lookbackDays,
    pageSize: RAKUTEN_LIMITS.pageSize,
    detailBatchSize: RAKUTEN_LIMITS.batchSize,
  },
  confirmOrders: { batchSize: RAKUTEN_LIMITS.batchSize },
  // updateOrderShipping takes one order per request, and records the shippingDate it is given.
  exportShipments: { batchSize: 1, sendsShipDate: true },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: RAKUTEN_DEFAULT_RATE.limit / (RAKUTEN_DEFAULT_RATE.intervalMs / 1000),
  changes: RAKUTEN_CHANGE_VISIBILITY,
  verification: {
    // getPayment: no official copy of the page is public; the fields follow a third-party client's models.
    operations: { getPayments: 'inferred' },
    unverified: [
      'getPayment answer fields (OrderModel.PaymentModelList; paymentStatus codes)',
      'the request rate (1 request/s per licenseKey: no official figure)',
      "updateOrderShipping at orderProgress 100 and 200: refused before sending (vendor manuals), Rakuten's own error code unknown",
      'that a change shows in searchOrder at once (no visibility lag is reported)',
      "決済確定日 (dateType 6) as the moment a prepaid order's money arrives and a payment is settled after shipment",
    ],
  },
};

/**
 * Creates a connector for one Rakuten shop from its serviceSecret and licenseKey (RMS → WEB
 * APIサービス → 利用設定). Requests are throttled to 1 per second per licenseKey unless
 * `rateLimit` says otherwise.
 */
export function createRakutenConnector(options: RakutenConnectorOptions): RakutenConnector {
  checkRakutenConnectorOptions(options);
  const client = createRakutenClient(options);
  const { clock, logger } = client;
  const mappers = createRakutenMappers(options.mappers);
  // Stable across licenseKey renewals: the serviceSecret does not change.
  const shopId = options.shopId ?? credentialKey('rakuten', options.serviceSecret);

  const reader = createOrderReader<RakutenOrderModel>({
    mall: 'rakuten',
    operation: 'getOrder',
    orderSchema: orderModelSchema,
    idOf: (wire) => {
      const id = (wire as { orderNumber?: unknown } | null)?.orderNumber;
      return typeof id === 'string' ? id : null;
    },
    normalize: (raw, warnings) => mapOrder(raw, { shopId, mappers, warnings }),
    batchSize: RAKUTEN_LIMITS.batchSize,
    fetch: async (ids, call) => ({ orders: (await client.getOrder(ids, call)).OrderModelList ?? [] }),
    notFoundHint: (missing) => ({
      ja: `注文番号 ${missing.join(', ')} が見つかりません。番号と、2年（730日）以内の注文かどうかを確認してください。`,
      en: `Order ${missing.join(', ')} was not found. Check the number and that the order is less than 730 days old.`,
    }),
    redact: client.redactor.text,
    logger,
  });

  const listOrders = createOrderLister<RakutenOrderModel, string, SearchCursor, SearchPlan>({
    mall: 'rakuten',
    operation: 'searchOrder',
    capabilities: RAKUTEN_CAPABILITIES.listOrders,
    clock,
    logger,
    inline: false,
    reader,
    entryId: (id) => id,
    resultCap: RAKUTEN_LIMITS.searchResultCap,
    // Searches by order time take as many steps as the window has full pages; each step starts
    // strictly later than the one before, so they end on their own.
    maxPages: DEFAULT_MAX_PAGES,
    plans: searchPlans,
    fetchPage: createSearchPager({ searchOrder: client.searchOrder, getOrder: client.getOrder, logger }),
  });

  /** Order states for the writes, 100 per getOrder; an order whose state cannot be read is its UnreadableOrderError. */
  const readStates = async (ids: readonly string[], call: CallOptions): Promise<Map<string, RakutenOrderState | UnreadableOrderError>> =>
    orderStatesOf((await client.getOrder(ids, call)).OrderModelList ?? [], { redact: client.redactor.text });

  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, RakutenOrderState | UnreadableOrderError>({
      mall: 'rakuten',
      operation: 'confirmOrder',
      items: ids,
      idOf: (id) => id,
      batchSize: RAKUTEN_LIMITS.batchSize,
      write: async (batch) => confirmOutcomes(batch, await client.confirmOrder(batch, call)),
      readStates,
      stateBatchSize: RAKUTEN_LIMITS.batchSize,
      resolve: resolveConfirm,
      call,
    });

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) =>
    runBatchWrite<PreparedShipment, RakutenOrderState | UnreadableOrderError, ShipmentPlan>({
      mall: 'rakuten',
      operation: 'updateOrderShipping',
      items: updates.map((update, index) => prepareShipment(update, index, mappers.deliveryCompany)),
      idOf: (prepared) => prepared.update.orderId,
      batchSize: 1,
      readStates,
      stateBatchSize: RAKUTEN_LIMITS.batchSize,
      // Decided from the state read just before; the plan (package and row) is what write() sends.
      precheck: (prepared, state) => planShipment(state, prepared),
      async write([prepared], _call, { planOf }) {
        const item = prepared as PreparedShipment;
        const plan = planOf(item) as ShipmentPlan;
        return [shipmentOutcome(item, await client.updateOrderShipping(buildUpdateOrderShippingBody(item.update.orderId, plan.basketId, plan.row), call))];
      },
      resolve: resolveShipment,
      // A later update to the same order must see the row this one added.
      refreshBetweenItemsOfOneOrder: true,
      call,
    });

  /** The order numbers of a window of order dates, read through the lister (their details included: see the README). */
  async function* orderNumbersIn(query: Extract<ParsedPaymentQuery, { from: Date }>, call: CallOptions): AsyncGenerator<string> {
    for await (const order of listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call)) yield order.id;
  }

  const connector = defineConnector<RakutenOrderModel, RakutenPaymentModel>({
    mall: 'rakuten',
    shopId,
    capabilities: RAKUTEN_CAPABILITIES,
    clock,
    reader,
    listOrders,
    confirmOrders,
    exportShipments,
    shipmentRules: RAKUTEN_SHIPMENT_RULES,
    getPayments: (query, call) => readPayments('orderIds' in query ? new Set(query.orderIds) : orderNumbersIn(query, call), { getPayment: client.getPayment, mappers }, call),
    checkCredentials: (call) => checkCredentials({ client, clock, shopId, warningDays: options.expiryWarningDays ?? 14 }, call),
  });
  return { ...connector, client };
}

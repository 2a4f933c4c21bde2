import {
  createOrderLister,
  createOrderReader,
  credentialKey,
  defineConnector,
  runBatchWrite,
  type CallOptions,
  type Capabilities,
  type MallConnector,
  type OrderDateType,
  type ParsedPaymentQuery,
  type ParsedShipmentUpdate,
  type WriteOutcome,
} from '@mallkit/core';
import { RAKUTEN_LIMITS } from './api/constants.js';
import { orderModelSchema, type RakutenOrderModel, type RakutenOrderState } from './api/order-model.js';
import type { RakutenPaymentModel } from './api/get-payment.js';
import { buildUpdateOrderShippingBody } from './api/update-order-shipping.js';
import { checkCredentials } from './auth/license-key.js';
import { createRakutenClient, type RakutenClient } from './client.js';
import { confirmOutcomes, resolveConfirm } from './mapping/confirm.js';
import { createRakutenMappers } from './mapping/mappers.js';
import { mapOrder } from './mapping/order.js';
import { orderStatesOf } from './mapping/order-state.js';
import { mapPaymentRecord } from './mapping/payment-record.js';
import { isPlan, planShipment, prepareShipment, RAKUTEN_SHIPMENT_RULES, resolveShipment, shipmentOutcome, type PreparedShipment, type ShipmentPlan } from './mapping/shipment.js';
import { RAKUTEN_DATE_TYPES, searchPage, searchPlans, type SearchPlan } from './mapping/search.js';
import { RAKUTEN_DEFAULT_RATE, type RakutenConnectorOptions } from './options.js';

/** A Rakuten connector: the mallkit contract, plus the raw client underneath. */
export interface RakutenConnector extends MallConnector<RakutenOrderModel, RakutenPaymentModel> {
  /** The raw 楽天ペイ受注API client the connector uses (same throttle, auth and error table). */
  readonly client: RakutenClient;
}

/** What the Rakuten connector supports, and Rakuten's limits. */
export const RAKUTEN_CAPABILITIES: Capabilities = {
  listOrders: {
    dateTypes: Object.keys(RAKUTEN_DATE_TYPES) as OrderDateType[],
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

  const listOrders = createOrderLister<RakutenOrderModel, string, number, SearchPlan>({
    mall: 'rakuten',
    operation: 'searchOrder',
    capabilities: RAKUTEN_CAPABILITIES.listOrders,
    clock,
    logger,
    inline: false,
    reader,
    entryId: (id) => id,
    resultCap: RAKUTEN_LIMITS.searchResultCap,
    plans: searchPlans,
    async fetchPage({ window, plan, cursor }, call) {
      const page = cursor ?? 1;
      return searchPage(await client.searchOrder({ ...plan, from: window.from, to: window.to, page }, call), page);
    },
  });

  /** Order states for the writes, 100 per getOrder; an order whose state cannot be read is absent. */
  const readStates = async (ids: readonly string[], call: CallOptions): Promise<Map<string, RakutenOrderState>> =>
    orderStatesOf((await client.getOrder(ids, call)).OrderModelList ?? []);

  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, RakutenOrderState>({
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

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    // The kit decides each update from the state it read just before (precheck) and sends it right
    // after (one order per request): the plan made there is what write() sends.
    const plans = new Map<PreparedShipment, ShipmentPlan>();
    return runBatchWrite<PreparedShipment, RakutenOrderState>({
      mall: 'rakuten',
      operation: 'updateOrderShipping',
      items: updates.map((update, index) => prepareShipment(update, index, mappers.deliveryCompany)),
      idOf: (prepared) => prepared.update.orderId,
      batchSize: 1,
      readStates,
      stateBatchSize: RAKUTEN_LIMITS.batchSize,
      precheck(prepared, state): 'write' | WriteOutcome {
        const decision = planShipment(state, prepared);
        if (!isPlan(decision)) return decision;
        plans.set(prepared, decision);
        return 'write';
      },
      // One update per request (batchSize 1).
      async write([prepared]) {
        const item = prepared as PreparedShipment;
        const plan = plans.get(item) as ShipmentPlan;
        return [shipmentOutcome(item, await client.updateOrderShipping(buildUpdateOrderShippingBody(item.update.orderId, plan.basketId, plan.row), call))];
      },
      resolve: resolveShipment,
      // A later update to the same order must see the row this one added.
      refreshBetweenItemsOfOneOrder: true,
      call,
    });
  };

  async function* paymentsOf(orderId: string, call: CallOptions) {
    const answer = await client.getPayment(orderId, call);
    for (const payment of answer.OrderModel?.PaymentModelList ?? []) yield mapPaymentRecord(orderId, payment, mappers);
  }

  /** getPayment (one order per request) for each id, or for every order placed in the window. */
  async function* getPayments(query: ParsedPaymentQuery, call: CallOptions) {
    if ('orderIds' in query) {
      for (const id of new Set(query.orderIds)) yield* paymentsOf(id, call);
      return;
    }
    for await (const order of listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call)) yield* paymentsOf(order.id, call);
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
    getPayments,
    checkCredentials: (call) => checkCredentials({ client, clock, shopId, warningDays: options.expiryWarningDays ?? 14 }, call),
  });
  return { ...connector, client };
}

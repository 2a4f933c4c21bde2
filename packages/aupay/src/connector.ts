import {
  CredentialError,
  MallkitError,
  carrierCodeOf,
  createOrderLister,
  createOrderReader,
  credentialReport,
  defineConnector,
  isUnknownOutcome,
  liveCheck,
  runBatchWrite,
  shipDayOf,
  timeSlotMapper,
  type Capabilities,
  type CallOptions,
  type CredentialStatus,
  type MallConnector,
  type Order,
  type ParsedShipmentUpdate,
  type UnreadableOrderError,
  type WriteOutcome,
} from '@mallkit/core';
import { AUPAY_PAGE_SIZE, AUPAY_RATE_PER_SECOND, AUPAY_SEARCH_WINDOW_DAYS } from './api/limits.js';
import type { AupayOrderInfo } from './api/order-info.js';
import { AUPAY_CHANGE_VISIBILITY } from './change-visibility.js';
import { describeApiKey, describeRefusedShopId } from './auth.js';
import { createAupayClient } from './client.js';
import { aupayCarrierCodeOf, createCarrierTable } from './mapping/carrier.js';
import { formatShippingDate, searchDay } from './mapping/dates.js';
import { toOrder, type OrderMappingContext } from './mapping/order.js';
import { nextSearchCursor, type SearchCursor } from './mapping/paging.js';
import { createPaymentMethodTable } from './mapping/payment.js';
import { toPaymentRecord, type AupayPaymentRaw } from './mapping/payment-record.js';
import { readableOrderSchema, readOrRefusal } from './mapping/refusals.js';
import { AUPAY_SHIPMENT_RULES, carrierNotes, checkAupayShipments } from './mapping/shipments.js';
import { createStatusTable } from './mapping/status.js';
import { decideConfirm, decideShipment, failedAfterShipping, resolveConfirm, resolveShipment, type ConfirmPlan, type ShipmentPlan, type WriteContext } from './mapping/writes.js';
import type { AupayConnectorOptions } from './options.js';

/** What au PAY supports, with a page size of `pageSize` orders. */
export function aupayCapabilities(pageSize: number = AUPAY_PAGE_SIZE): Capabilities {
  return {
    // No update timestamp exists on au PAY orders: searches are by order date only.
    listOrders: { dateTypes: ['ordered'], maxWindowDays: AUPAY_SEARCH_WINDOW_DAYS, maxLookbackDays: null, pageSize, detailBatchSize: 1 },
    confirmOrders: { batchSize: 1 },
    exportShipments: { batchSize: 1, sendsShipDate: true },
    getPayments: { byOrderIds: true, byWindow: true },
    defaultRatePerSecond: AUPAY_RATE_PER_SECOND,
    // Without an update time, a sync re-reads the orders placed within a look-back (change-visibility.ts).
    changes: AUPAY_CHANGE_VISIBILITY,
    verification: {
      // Endpoints, parameters and bodies are those of clients checked against the live API; these are not.
      operations: { exportShipments: 'inferred', getPayments: 'inferred' },
      unverified: [
        'the most orders one search page holds (1000 is what clients ask for; paging survives a lower cap)',
        'whether order searches send maxCount (a total)',
        'the shippingDate format of updateTradeInfoProc (YYYY/MM/DD by default; shippingDateFormat)',
        '発送後入金待ち as the status of a shipped cash-on-delivery or 後払い order (shippedStatusPaidAfterDelivery)',
        'the answer for an unknown order id (status 0 with an empty orderInfo, as the item API does)',
        'itemCancelStatus values Y and C as a cancelled line',
        'what paymentDate means exactly, and when a card order in 新規受付 is authorized',
        '新規予約 → 予約中 as the confirm of a reservation',
        'クロネコゆうパケット sent as carrier 1 (Yamato)',
        'the rate limit and its answer (1 request per second per key is sent)',
        'that a change shows in order searches at once (no visibility lag is known)',
      ],
    },
  };
}

/** What au PAY supports with the default page size. */
export const AUPAY_CAPABILITIES: Capabilities = aupayCapabilities();

/** An au PAY connector: the MallConnector contract, with au PAY's wire order as `order.raw`. */
export type AupayConnector = MallConnector<AupayOrderInfo, AupayPaymentRaw>;

/** An au PAY order as the connector yields it: `raw` is the parsed {@link AupayOrderInfo}, where a misspelt field does not compile. */
export type AupayOrder = Order<AupayOrderInfo>;

/** The order id of a wire order, or null when it has none. */
function idOf(wire: unknown): string | null {
  const id = (wire as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'string' ? id : null;
}

/**
 * Creates the connector of one au PAY マーケット shop. The options are checked at once: the shop ID
 * in digits, the API key exactly as issued (a key with spaces around it is refused), the key's
 * issue or expiry date if given. Requests are paced at 1 per second per key by default.
 */
export function createAupayConnector(options: AupayConnectorOptions): AupayConnector {
  const client = createAupayClient(options);
  const { settings } = client;
  const { clock, logger } = client.transport;
  const capabilities = aupayCapabilities(settings.pageSize);
  const statuses = createStatusTable(settings.customStatuses);
  const paymentMethods = createPaymentMethodTable(options.mappers?.paymentMethod);
  const context: OrderMappingContext = {
    shopId: settings.shopId,
    statuses,
    paymentMethods,
    carriers: createCarrierTable(options.mappers?.carrier),
    timeSlots: timeSlotMapper.withOverrides(options.mappers?.timeSlot ?? {}),
  };
  const writeContext: WriteContext = { statuses, paymentMethods, shippedStatus: settings.shippedStatus, shippedStatusPaidAfterDelivery: settings.shippedStatusPaidAfterDelivery };

  const reader = createOrderReader<AupayOrderInfo>({
    mall: 'aupay',
    operation: 'searchTradeInfoProc',
    orderSchema: readableOrderSchema,
    idOf,
    normalize: (raw, warnings) => toOrder(raw, context, warnings),
    batchSize: 1,
    async fetch([id], call) {
      if (id === undefined) return { orders: [] };
      const order = await readOrRefusal(id, () => client.getOrder(id, call));
      return { orders: order === null ? [] : [order] };
    },
    redact: client.transport.redactor.text,
    logger,
  });

  const listOrders = createOrderLister<AupayOrderInfo, unknown, SearchCursor, string | undefined>({
    mall: 'aupay',
    operation: 'searchTradeInfoListProc',
    capabilities: capabilities.listOrders,
    clock,
    logger,
    inline: true,
    reader,
    entryId: idOf,
    // au PAY searches whole order days (YYYYMMDD): the kit aligns windows to JST days and drops the orders outside the query.
    searchUnit: 'day',
    // One search per au PAY status name that means a wanted status; all orders in one search otherwise.
    plans: (query) => (query.statuses ? statuses.namesFor(query.statuses) : [undefined]),
    async fetchPage({ window, plan, cursor }, call) {
      const request = { startDate: searchDay(window.from), endDate: searchDay(window.to), startCount: cursor?.startCount ?? 1 };
      const page = await client.searchOrders(plan === undefined ? request : { ...request, orderStatus: plan }, call);
      return { entries: page.orders, next: nextSearchCursor(cursor, page, logger), total: page.total };
    },
  });

  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, AupayOrderInfo | UnreadableOrderError, ConfirmPlan>({
      mall: 'aupay',
      operation: 'updateTradeStsProc',
      items: ids,
      idOf: (id) => id,
      batchSize: 1,
      call,
      readStates: (wanted, readCall) => reader.states(wanted, readCall),
      precheck: (_id, order) => decideConfirm(order, writeContext),
      async write([id], writeCall, { planOf }) {
        const plan = id === undefined ? undefined : planOf(id);
        if (id === undefined || plan === undefined) return [];
        await client.updateStatus(id, plan.target, writeCall);
        return [{ kind: 'done', warnings: plan.warnings }];
      },
      resolve: (_id, order, doubt, plan) => resolveConfirm(plan, order, doubt, writeContext),
    });

  /** Sends one planned shipment: the shipping data, then the status; a failure between the two is this order's. */
  const ship = async (update: ParsedShipmentUpdate, plan: ShipmentPlan, call: CallOptions): Promise<WriteOutcome> => {
    const { code, known } = aupayCarrierCodeOf(carrierCodeOf(update));
    const sendsShipping = plan.steps.includes('shipping');
    const warnings = [...plan.warnings, ...(sendsShipping ? carrierNotes(update, code, known) : [])];
    if (sendsShipping) {
      const shippingDate = formatShippingDate(shipDayOf(update), settings.shippingDateFormat);
      await client.updateShipping({ orderId: update.orderId, shippingDate, shippingCarrier: code, shippingNumber: update.trackingNumber }, call);
    }
    if (!plan.steps.includes('status')) return { kind: 'done', warnings };
    try {
      await client.updateStatus(update.orderId, plan.target, call);
    } catch (error) {
      // The first half is written: report this order (a retry sends only the status), never as "not sent".
      if (!MallkitError.isInstance(error) || !sendsShipping) throw error;
      return isUnknownOutcome(error) ? { kind: 'doubt', error } : failedAfterShipping(error, update.orderId);
    }
    return { kind: 'done', warnings };
  };

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    checkAupayShipments(updates);
    return runBatchWrite<ParsedShipmentUpdate, AupayOrderInfo | UnreadableOrderError, ShipmentPlan>({
      mall: 'aupay',
      operation: 'updateTradeInfoProc',
      items: updates,
      idOf: (update) => update.orderId,
      batchSize: 1,
      call,
      readStates: (wanted, readCall) => reader.states(wanted, readCall),
      precheck: (update, order) => decideShipment(update, order, writeContext),
      async write([update], writeCall, { planOf }) {
        const plan = update === undefined ? undefined : planOf(update);
        return update === undefined || plan === undefined ? [] : [await ship(update, plan, writeCall)];
      },
      resolve: (update, order, doubt, plan) => resolveShipment(update, order, doubt, plan),
    });
  };

  return defineConnector<AupayOrderInfo, AupayPaymentRaw>({
    mall: 'aupay',
    shopId: settings.shopId,
    capabilities,
    clock,
    reader,
    listOrders,
    confirmOrders,
    exportShipments,
    shipmentRules: AUPAY_SHIPMENT_RULES,
    async *getPayments(query, call) {
      if ('orderIds' in query) {
        for (const order of await reader.getOrders(query.orderIds, call)) yield toPaymentRecord(order);
        return;
      }
      for await (const order of listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call)) yield toPaymentRecord(order);
    },
    async checkCredentials(call) {
      const now = clock.now();
      const today = searchDay(now);
      const shop: CredentialStatus[] = [];
      // An ORDER API, not an item one: a key may lack the 受注・決済 group while item APIs work.
      const probe = await liveCheck(async () => {
        try {
          await client.probeOrders({ startDate: today, endDate: today, startCount: 1 }, call);
        } catch (error) {
          // CME0022 is about the shop ID: au PAY checked the key first and took it.
          if (!CredentialError.isInstance(error) || error.credential !== 'shopId') throw error;
          shop.push(describeRefusedShopId(now));
        }
      });
      const apiKey = describeApiKey({ expiresAt: settings.keyExpiresAt, probe, now, warningDays: options.expiryWarningDays ?? 14 });
      return credentialReport('aupay', settings.shopId, now, [apiKey, ...shop]);
    },
  });
}

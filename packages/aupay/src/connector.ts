import {
  CredentialError,
  MallkitError,
  carrierCodeOf,
  createOrderLister,
  createOrderReader,
  credentialReport,
  defineConnector,
  isUnknownOutcome,
  runBatchWrite,
  shipDayOf,
  timeSlotMapper,
  type Capabilities,
  type CallOptions,
  type CredentialStatus,
  type MallConnector,
  type OrderLister,
  type ParsedShipmentUpdate,
  type WriteOutcome,
} from '@mallkit/core';
import { AUPAY_PAGE_SIZE, AUPAY_RATE_PER_SECOND, AUPAY_SEARCH_WINDOW_DAYS } from './api/limits.js';
import { aupayOrderSchema, type AupayOrderInfo } from './api/order-info.js';
import { describeApiKey, describeRefusedShopId, type ProbeVerdict } from './auth.js';
import { createAupayClient, type OrderStateRead } from './client.js';
import { aupayCarrierCodeOf, createCarrierTable } from './mapping/carrier.js';
import { formatShippingDate, searchDay } from './mapping/dates.js';
import { toOrder, type OrderMappingContext } from './mapping/order.js';
import { createPaymentMethodTable } from './mapping/payment.js';
import { toPaymentRecord, type AupayPaymentRaw } from './mapping/payment-record.js';
import { queryBounds, searchDaysOf } from './mapping/search-days.js';
import { carrierNotes, checkAupayShipments } from './mapping/shipments.js';
import { createStatusTable } from './mapping/status.js';
import { decideConfirm, decideShipment, partialShipment, resolveConfirm, resolveShipment, type ConfirmWrite, type ShipmentWrite, type WriteContext } from './mapping/writes.js';
import type { AupayConnectorOptions } from './options.js';

/** What au PAY supports, with a page size of `pageSize` orders. */
export function aupayCapabilities(pageSize: number = AUPAY_PAGE_SIZE): Capabilities {
  return {
    // No update timestamp exists on au PAY orders: searches are by order date only.
    listOrders: { dateTypes: ['ordered'], maxWindowDays: AUPAY_SEARCH_WINDOW_DAYS, maxLookbackDays: null, pageSize, detailBatchSize: 1 },
    confirmOrders: { batchSize: 1 },
    exportShipments: { batchSize: 1 },
    getPayments: { byOrderIds: true, byWindow: true },
    defaultRatePerSecond: AUPAY_RATE_PER_SECOND,
  };
}

/** What au PAY supports with the default page size. */
export const AUPAY_CAPABILITIES: Capabilities = aupayCapabilities();

/** An au PAY connector: the MallConnector contract, with au PAY's wire order as `order.raw`. */
export type AupayConnector = MallConnector<AupayOrderInfo, AupayPaymentRaw>;

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
  const writeContext: WriteContext = { statuses, paymentMethods, shippedStatus: settings.shippedStatus };
  const readStates = (ids: readonly string[], call: CallOptions) => client.readStates(ids, call);

  const reader = createOrderReader<AupayOrderInfo>({
    mall: 'aupay',
    operation: 'searchTradeInfoProc',
    orderSchema: aupayOrderSchema,
    idOf,
    normalize: (raw, warnings) => toOrder(raw, context, warnings),
    batchSize: 1,
    async fetch(ids, call) {
      const order = ids[0] === undefined ? null : await client.getOrder(ids[0], call);
      return { orders: order === null ? [] : [order] };
    },
    redact: client.transport.redactor.text,
    logger,
  });

  const lister = createOrderLister<AupayOrderInfo, unknown, number, string | undefined>({
    mall: 'aupay',
    operation: 'searchTradeInfoListProc',
    capabilities: capabilities.listOrders,
    clock,
    logger,
    inline: true,
    reader,
    entryId: idOf,
    // One search per au PAY status name that means a wanted status; all orders in one search otherwise.
    plans: (query) => (query.statuses ? statuses.namesFor(query.statuses) : [undefined]),
    async fetchPage({ window, plan, cursor, query }, call) {
      const days = searchDaysOf(window, query.from);
      if (days === null) return { entries: [], next: undefined };
      const startCount = cursor ?? 1;
      const page = await client.searchOrders({ ...days, startCount, ...(plan === undefined ? {} : { orderStatus: plan }) }, call);
      const more = page.maxCount !== null ? startCount - 1 + settings.pageSize < page.maxCount : page.resultCount >= settings.pageSize;
      return { entries: page.orders, next: more ? startCount + settings.pageSize : undefined, total: page.maxCount };
    },
  });

  /** The kit's listing, without the orders of the first and last day that fall outside the query. */
  const listOrders: OrderLister<AupayOrderInfo> = async function* (query, call) {
    const bounds = queryBounds(query);
    for await (const order of lister(query, call)) {
      const at = Date.parse(order.orderedAt);
      if (bounds === null || (at >= bounds.from && at <= bounds.to)) yield order;
    }
  };

  const confirmOrders = (ids: readonly string[], call: CallOptions) => {
    const planned = new Map<string, ConfirmWrite>();
    return runBatchWrite<string, OrderStateRead>({
      mall: 'aupay',
      operation: 'updateTradeStsProc',
      items: ids,
      idOf: (id) => id,
      batchSize: 1,
      call,
      readStates,
      precheck(id, state): 'write' | WriteOutcome {
        if (state.kind === 'unreadable') return { kind: 'failed', error: state.error };
        const decision = decideConfirm(state.order, writeContext);
        if (decision.kind !== 'write') return decision;
        planned.set(id, decision);
        return 'write';
      },
      async write([id]) {
        const plan = id === undefined ? undefined : planned.get(id);
        if (id === undefined || plan === undefined) return [];
        await client.updateStatus(id, plan.target, call);
        return [{ kind: 'done', warnings: plan.warnings }];
      },
      resolve(id, state, doubt) {
        const plan = planned.get(id);
        if (plan === undefined || state === undefined || state.kind === 'unreadable') return { kind: 'failed', error: doubt };
        const outcome = resolveConfirm(plan.target, state.order, doubt, writeContext);
        return outcome.kind === 'done' ? { kind: 'done', warnings: plan.warnings } : outcome;
      },
    });
  };

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    checkAupayShipments(updates);
    const planned = new Map<ParsedShipmentUpdate, ShipmentWrite>();
    return runBatchWrite<ParsedShipmentUpdate, OrderStateRead>({
      mall: 'aupay',
      operation: 'updateTradeInfoProc',
      items: updates,
      idOf: (update) => update.orderId,
      batchSize: 1,
      call,
      readStates,
      precheck(update, state): 'write' | WriteOutcome {
        if (state.kind === 'unreadable') return { kind: 'failed', error: state.error };
        const decision = decideShipment(update, state.order, writeContext);
        if (decision.kind !== 'write') return decision;
        planned.set(update, decision);
        return 'write';
      },
      async write([update]) {
        const plan = update === undefined ? undefined : planned.get(update);
        if (update === undefined || plan === undefined) return [];
        const { code, known } = aupayCarrierCodeOf(carrierCodeOf(update));
        const warnings = [...plan.warnings, ...(plan.steps.includes('shipping') ? carrierNotes(update, code, known) : [])];
        if (plan.steps.includes('shipping')) {
          await client.updateShipping(
            { orderId: update.orderId, shippingDate: formatShippingDate(shipDayOf(update), settings.shippingDateFormat), shippingCarrier: code, shippingNumber: update.trackingNumber },
            call,
          );
        }
        if (!plan.steps.includes('status')) return [{ kind: 'done', warnings }];
        try {
          await client.updateStatus(update.orderId, settings.shippedStatus, call);
        } catch (error) {
          // The first half is written: report this order (a retry sends only the status), never as "not sent".
          if (!MallkitError.isInstance(error) || !plan.steps.includes('shipping')) throw error;
          return [isUnknownOutcome(error) ? { kind: 'doubt', error } : { kind: 'failed', error: partialShipment(error, update.orderId) }];
        }
        return [{ kind: 'done', warnings }];
      },
      resolve(update, state, doubt) {
        if (state === undefined || state.kind === 'unreadable') return { kind: 'failed', error: doubt };
        return resolveShipment(update, state.order, doubt, writeContext);
      },
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
      let probe: ProbeVerdict = 'accepted';
      const shop: CredentialStatus[] = [];
      try {
        // An ORDER API, not an item one: a key may lack the 受注・決済 group while item APIs work.
        await client.probeOrders({ startDate: today, endDate: today, startCount: 1 }, call);
      } catch (error) {
        if (!CredentialError.isInstance(error)) throw error;
        if (error.credential === 'shopId') shop.push(describeRefusedShopId(now));
        else probe = 'refused';
      }
      const apiKey = describeApiKey({ expiresAt: settings.keyExpiresAt, probe, now, warningDays: options.expiryWarningDays ?? 14 });
      return credentialReport('aupay', settings.shopId, now, [apiKey, ...shop]);
    },
  });
}

import {
  createOrderLister,
  createOrderReader,
  defineConnector,
  runBatchWrite,
  shipDayOf,
  type CallOptions,
  type Capabilities,
  type MallConnector,
  type ParsedShipmentUpdate,
  type ParsedPaymentQuery,
  type PaymentRecord,
  type UnreadableOrderError,
} from '@mallkit/core';
import { yahooChanges } from './change-visibility.js';
import { LIST_FIELDS, PAYMENT_LIST_FIELDS } from './api/fields.js';
import { orderInfoSchema, type YahooOrderInfo } from './api/order-info.js';
import { changedOrdersPage, conditionOf, plansOf, type ListPlan, type SearchWindow } from './api/order-search.js';
import { ORDER_LIST_MAX_RESULTS, orderListEntrySchema, type OrderListCondition, type YahooOrderListEntry, type YahooPaymentEntry } from './api/order-list.js';
import { checkYahooCredentials } from './auth/report.js';
import { createYahooClientParts, type YahooClient } from './client.js';
import { noSuchOrder, noSuchOrders } from './errors.js';
import { createYahooMappers } from './mapping/codes.js';
import { toOrder } from './mapping/order.js';
import { toListedOrder, toPaymentRecord } from './mapping/payment.js';
import { gatherShipments, YAHOO_SHIPMENT_RULES, type OrderShipments } from './mapping/shipments.js';
import { confirmDecision, confirmOutcome, settleConfirm, settleShipment, shipDecision, shipOutcome, type ShipmentPlan } from './mapping/writes.js';
import { YAHOO_CHANGE_LOOKBACK_DAYS, type YahooConnectorOptions } from './options.js';

/** What a Yahoo connector supports with this look-back for update-time searches. */
function yahooCapabilities(changeLookbackDays: number): Capabilities {
  return {
    listOrders: { dateTypes: ['ordered', 'updated', 'released'], maxWindowDays: null, maxLookbackDays: null, pageSize: ORDER_LIST_MAX_RESULTS, detailBatchSize: 1 },
    confirmOrders: { batchSize: 1 },
    exportShipments: { batchSize: 1, sendsShipDate: true },
    getPayments: { byOrderIds: true, byWindow: true },
    defaultRatePerSecond: 1,
    changes: yahooChanges(changeLookbackDays),
    verification: {
      operations: { listOrders: 'confirmed', getOrders: 'confirmed', confirmOrders: 'confirmed', exportShipments: 'confirmed', getPayments: 'confirmed', checkCredentials: 'confirmed' },
      unverified: [
        'the answer to more than 1 request/s per API (none documented): taken to be the daily cap\'s 403 "Your Request was Forbidden", retried once after a second',
        'the HTTP status of px-04102 and px-04303 (the error table keys on the code)',
        'values of X-SWS-Authorize-Status other than "authorized" (any other value, or none, is "not accepted")',
        'whether the token refresh needs the X-sws signature headers (they are sent)',
        "Yahoo's answer to a non-cancel change of an order under fraud review (refused before sending)",
        'whether orderShipStatusChange keeps a ShipInvoiceNumber it is not sent (the recorded numbers are sent again)',
        'that LastUpdateTime (「注文情報の最終更新日時」) moves with every change, Yahoo\'s own included (a payment, the end of the read-only window), and shows in orderList at once',
      ],
    },
  };
}

/** What the Yahoo connector supports, known before any call (with the default look-back of update-time searches). */
export const YAHOO_CAPABILITIES: Capabilities = yahooCapabilities(YAHOO_CHANGE_LOOKBACK_DAYS);

/** The Yahoo!ショッピング connector: the common interface plus the raw client for everything else. */
export interface YahooConnector extends MallConnector<YahooOrderInfo, YahooPaymentEntry> {
  /** The raw order APIs (orderList, orderInfo, the change APIs incl. orderPayStatusChange). */
  readonly client: YahooClient;
}

/**
 * Creates a connector for one Yahoo!ショッピング store. The options, the public key and its version
 * are checked here: a key without a version (or the reverse) throws a ValidationError at once.
 */
export function createYahooConnector(options: YahooConnectorOptions): YahooConnector {
  const { client, mallClient, options: resolved, orderDetail } = createYahooClientParts(options);
  const { clock, logger } = mallClient;
  const shopId = options.shopId ?? resolved.sellerId;
  const mappers = createYahooMappers(options.mappers);
  const redact = mallClient.redactor.text;
  // What orderList shows: held orders too (flagged), and the 10-minute read-only ones (flagged).
  const visibility: OrderListCondition = { FraudHoldDisplayType: resolved.includeFraudHeld ? '1' : '0', ReadOnlyMode: '2' };
  const capabilities = yahooCapabilities(resolved.changeLookbackDays);
  const condition = (plan: ListPlan, window: SearchWindow): OrderListCondition => conditionOf(plan, window, visibility, resolved.changeLookbackDays);

  const reader = createOrderReader<YahooOrderInfo>({
    mall: 'yahoo',
    operation: 'orderInfo',
    orderSchema: orderInfoSchema,
    idOf: (wire) => firstText((wire as { OrderId?: unknown } | null)?.OrderId),
    normalize: (raw, notes) => toOrder(raw, { shopId, mappers }, notes),
    batchSize: 1,
    fetch: async ([id], call) => ({ orders: id === undefined ? [] : await orderDetail(id, call) }),
    redact,
    logger,
  });

  // Paging by Start/TotalCount, 2,000 per page; orderInfo one order per request (detailBatchSize 1).
  const listOrders = createOrderLister<YahooOrderInfo, YahooOrderListEntry, number, ListPlan>({
    mall: 'yahoo',
    operation: 'orderList',
    capabilities: capabilities.listOrders,
    clock,
    logger,
    // By PublicationTime too: an order released from fraud review after its OrderTime window was
    // read is not missed. So `ordered` also yields orders published in the window (a sync wants them).
    plans: (query) => plansOf(query.dateType),
    fetchPage: ({ window, plan, cursor }, call) => {
      const page = (start: number | undefined) => orderListPage(condition(plan, window), LIST_FIELDS, start, call);
      // By update time: Yahoo lists by OrderTime; only the orders changed within the window go on to orderInfo.
      return plan === 'LastUpdateTime' ? changedOrdersPage(page, window, cursor) : page(cursor);
    },
    entryId: (entry) => firstText(entry.OrderId),
    inline: false,
    reader,
  });

  async function orderListPage(search: OrderListCondition, fields: readonly string[], cursor: number | undefined, call: CallOptions) {
    const start = cursor ?? 1;
    const page = await client.orderList({ condition: search, fields, start, results: ORDER_LIST_MAX_RESULTS }, call);
    const next = start + ORDER_LIST_MAX_RESULTS;
    // Start beyond TotalCount is a paging mistake for Yahoo; an empty page ends the search too.
    return { entries: page.orders, total: page.totalCount, next: page.orders.length > 0 && next <= page.totalCount ? next : undefined };
  }

  // getPayments by window pages orderList the same way, each entry carried as a listed order (see toListedOrder).
  const listPayments = createOrderLister<YahooPaymentEntry, YahooPaymentEntry, number>({
    mall: 'yahoo',
    operation: 'orderList',
    capabilities: { ...capabilities.listOrders, dateTypes: ['ordered'] },
    clock,
    logger,
    fetchPage: ({ window, cursor }, call) => orderListPage(condition('OrderTime', window), PAYMENT_LIST_FIELDS, cursor, call),
    entryId: (entry) => firstText(entry.OrderId),
    inline: true,
    reader: createOrderReader<YahooPaymentEntry>({
      mall: 'yahoo',
      operation: 'orderList',
      orderSchema: orderListEntrySchema,
      idOf: (wire) => firstText((wire as { OrderId?: unknown } | null)?.OrderId),
      normalize: (entry) => toListedOrder(entry, shopId, mappers),
      batchSize: ORDER_LIST_MAX_RESULTS,
      fetch: async () => ({ orders: [] }),
      redact,
      logger,
    }),
  });

  /** Payment records of orders by id: one orderList call each; ids orderList does not show throw NotFoundError before any is yielded. */
  async function* paymentsOf(orderIds: readonly string[], call: CallOptions): AsyncGenerator<PaymentRecord<YahooPaymentEntry>> {
    const entries: YahooPaymentEntry[] = [];
    const missing: string[] = [];
    for (const orderId of new Set(orderIds)) {
      const page = await client.orderList({ condition: { OrderId: orderId, ...visibility }, fields: PAYMENT_LIST_FIELDS, start: 1, results: 1 }, call);
      const entry = page.orders.find((found) => found.OrderId === orderId);
      if (entry) entries.push(entry);
      else missing.push(orderId);
    }
    if (missing.length > 0) throw noSuchOrders(missing, 'getPayments', !resolved.includeFraudHeld);
    for (const entry of entries) yield toPaymentRecord(entry, mappers);
  }

  async function* getPayments(query: ParsedPaymentQuery, call: CallOptions): AsyncGenerator<PaymentRecord<YahooPaymentEntry>> {
    if ('orderIds' in query) {
      yield* paymentsOf(query.orderIds, call);
      return;
    }
    for await (const listed of listPayments({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call)) yield toPaymentRecord(listed.raw, mappers);
  }

  // The state a write decides on is the order itself, read as getOrders reads it: an unreadable one fails alone.
  const write = { mall: 'yahoo', batchSize: 1, readStates: reader.states, stateBatchSize: 1 } as const;

  /** Confirm = mark the order seen with orderChange (IsSeen=true), after the fraud-review and read-only guard. */
  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, YahooOrderInfo | UnreadableOrderError>({
      ...write,
      operation: 'orderChange',
      items: ids,
      idOf: (id) => id,
      call,
      notFound: (id) => noSuchOrder(id, 'orderChange'),
      precheck: (id, state) => confirmDecision(state, id),
      write: async ([id = ''], writeCall) => [confirmOutcome((await client.orderChange({ orderId: id, isSeen: true }, writeCall)).warnings)],
      resolve: (_id, state, doubt) => settleConfirm(state, doubt),
    });

  /**
   * Shipments: the updates of one order go in one orderShipStatusChange (the kit's groupOf), and
   * each plan is made from the order's state, so that numbers already recorded keep their slot.
   */
  function exportShipments(updates: readonly ParsedShipmentUpdate[], call: CallOptions) {
    const gathered = gatherShipments(updates);
    const parcelsOf = (update: ParsedShipmentUpdate): OrderShipments => {
      const parcels = gathered.get(update.orderId);
      // gatherShipments makes one entry per order of the updates: a missing one is a bug here, not an input problem.
      if (parcels === undefined) throw new TypeError(`yahoo exportShipments: no parcels for order ${update.orderId}`);
      return parcels;
    };
    return runBatchWrite<ParsedShipmentUpdate, YahooOrderInfo | UnreadableOrderError, ShipmentPlan>({
      ...write,
      operation: 'orderShipStatusChange',
      items: updates,
      idOf: (update) => update.orderId,
      groupOf: (update) => update.orderId,
      call,
      notFound: (id) => noSuchOrder(id, 'orderShipStatusChange'),
      precheck: (update, state, index) => shipDecision(state, update, index, parcelsOf(update)),
      write: async (batch, writeCall, { planOf }) => {
        const plan = batch[0] === undefined ? undefined : planOf(batch[0]);
        if (plan === undefined) return [];
        const [first, second] = plan.invoiceNumbers;
        const sent = await client.orderShipStatusChange(
          { orderId: plan.orderId, shipStatus: plan.shipStatus, shipCompanyCode: plan.shipCompanyCode, shipInvoiceNumber1: first, shipInvoiceNumber2: second, shipDate: plan.shipDate },
          writeCall,
        );
        // One answer for the order's parcels: each update gets it (groupOf keeps them in this one batch).
        return batch.map((update) => shipOutcome(sent.warnings, shipDayOf(update).replace(/-/g, ''), plan));
      },
      resolve: (update, state, doubt) => settleShipment(state, update.trackingNumber, doubt),
    });
  }

  const connector = defineConnector<YahooOrderInfo, YahooPaymentEntry>({
    mall: 'yahoo',
    shopId,
    capabilities,
    clock,
    reader,
    listOrders,
    shipmentRules: YAHOO_SHIPMENT_RULES,
    confirmOrders,
    exportShipments,
    getPayments,
    checkCredentials: (call) =>
      checkYahooCredentials({ client, clock, shopId, warningDays: options.expiryWarningDays ?? 14, publicKey: options.publicKey, publicKeyExpiresAt: resolved.publicKeyExpiresAt }, call),
  });

  return { ...connector, client };
}

/** A text value, or the first of several (a repeated element), or null. */
function firstText(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : null;
}

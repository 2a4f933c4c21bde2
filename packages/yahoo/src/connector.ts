import {
  createOrderLister,
  createOrderReader,
  defineConnector,
  formatJst,
  MallkitError,
  CredentialError,
  runBatchWrite,
  type CallOptions,
  type Capabilities,
  type Hint,
  type MallConnector,
  type ParsedShipmentUpdate,
  type WriteOutcome,
} from '@mallkit/core';
import { LIST_FIELDS, ORDER_INFO_FIELD_LIST, PAYMENT_LIST_FIELDS } from './api/fields.js';
import { orderInfoSchema, type YahooOrderInfo } from './api/order-info.js';
import { ORDER_LIST_MAX_RESULTS, orderListEntrySchema, type OrderListCondition, type YahooOrderListEntry } from './api/order-list.js';
import { yahooCredentialReport } from './auth/report.js';
import { createYahooClientParts, type YahooClient } from './client.js';
import { noSuchOrder } from './errors.js';
import { createYahooMappers } from './mapping/codes.js';
import { toOrder } from './mapping/order.js';
import { toListedOrder, toPaymentRecord } from './mapping/payment.js';
import { YAHOO_SHIPMENT_RULES } from './mapping/tracking.js';
import {
  confirmDecision,
  confirmOutcome,
  planShipments,
  readState,
  settleConfirm,
  settleShipment,
  shipDecision,
  shipOutcome,
  STATE_FIELDS,
  type ShipmentPlan,
  type StateRead,
} from './mapping/writes.js';
import type { YahooConnectorOptions } from './options.js';

/** What the Yahoo connector supports, known before any call. */
export const YAHOO_CAPABILITIES: Capabilities = {
  listOrders: { dateTypes: ['ordered', 'released'], maxWindowDays: null, maxLookbackDays: null, pageSize: ORDER_LIST_MAX_RESULTS, detailBatchSize: 1 },
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

/** The orderList searches of a listing: by order time, and by publication time (fraud-review releases). */
type ListPlan = 'OrderTime' | 'PublicationTime';

/**
 * Creates a connector for one Yahoo!ショッピング store. The options, the public key and its version
 * are checked here: a key without a version (or the reverse) throws a ValidationError at once.
 */
export function createYahooConnector(options: YahooConnectorOptions): YahooConnector {
  const { client, mallClient, options: resolved, readOrderInfo } = createYahooClientParts(options);
  const { clock, logger } = mallClient;
  const shopId = options.shopId ?? resolved.sellerId;
  const mappers = createYahooMappers(options.mappers);
  const redact = mallClient.redactor.text;
  // What orderList shows: held orders too (flagged), and the 10-minute read-only ones (flagged).
  const visibility: OrderListCondition = { FraudHoldDisplayType: resolved.includeFraudHeld ? '1' : '0', ReadOnlyMode: '2' };
  const condition = (plan: ListPlan, window: { from: Date; to: Date }): OrderListCondition => ({
    [`${plan}From`]: formatJst(window.from, 'compact'),
    [`${plan}To`]: formatJst(window.to, 'compact'),
    ...visibility,
  });

  const reader = createOrderReader<YahooOrderInfo>({
    mall: 'yahoo',
    operation: 'orderInfo',
    orderSchema: orderInfoSchema,
    idOf: (wire) => firstText((wire as { OrderId?: unknown } | null)?.OrderId),
    normalize: (raw, notes) => toOrder(raw, { shopId, mappers }, notes),
    batchSize: 1,
    fetch: async ([id], call) => ({ orders: id === undefined ? [] : await readOrderInfo(id, ORDER_INFO_FIELD_LIST, call) }),
    redact,
    logger,
  });

  // Paging by Start/TotalCount, 2,000 per page; orderInfo one order per request (detailBatchSize 1).
  const listOrders = createOrderLister<YahooOrderInfo, YahooOrderListEntry, number, ListPlan>({
    mall: 'yahoo',
    operation: 'orderList',
    capabilities: YAHOO_CAPABILITIES.listOrders,
    clock,
    logger,
    // By PublicationTime too: an order released from fraud review after its OrderTime window was read is not missed.
    plans: (query) => (query.dateType === 'released' ? ['PublicationTime'] : ['OrderTime', 'PublicationTime']),
    fetchPage: ({ window, plan, cursor }, call) => orderListPage(condition(plan, window), LIST_FIELDS, cursor, call),
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
  const listPayments = createOrderLister<YahooOrderListEntry, YahooOrderListEntry, number>({
    mall: 'yahoo',
    operation: 'orderList',
    capabilities: { ...YAHOO_CAPABILITIES.listOrders, dateTypes: ['ordered'] },
    clock,
    logger,
    fetchPage: ({ window, cursor }, call) => orderListPage(condition('OrderTime', window), PAYMENT_LIST_FIELDS, cursor, call),
    entryId: (entry) => firstText(entry.OrderId),
    inline: true,
    reader: createOrderReader<YahooOrderListEntry>({
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

  const readStates = async (ids: readonly string[], call: CallOptions): Promise<ReadonlyMap<string, StateRead>> => {
    const states = new Map<string, StateRead>();
    for (const id of ids) {
      const [wire] = await readOrderInfo(id, STATE_FIELDS.join(','), call);
      if (wire !== undefined) states.set(id, readState(wire, id, redact));
    }
    return states;
  };
  const write = { mall: 'yahoo', batchSize: 1, readStates, stateBatchSize: 1 } as const;

  const connector = defineConnector<YahooOrderInfo, YahooOrderListEntry>({
    mall: 'yahoo',
    shopId,
    capabilities: YAHOO_CAPABILITIES,
    clock,
    reader,
    listOrders,
    shipmentRules: YAHOO_SHIPMENT_RULES,
    // Confirm = orderStatusChange to 2 処理中, after the fraud-review and read-only guard.
    confirmOrders: (ids, call) =>
      runBatchWrite<string, StateRead>({
        ...write,
        operation: 'orderStatusChange',
        items: ids,
        idOf: (id) => id,
        call,
        notFound: (id) => noSuchOrder(id, 'orderStatusChange'),
        precheck: (id, read) => confirmDecision(read, id),
        write: async ([id = ''], writeCall) => [confirmOutcome((await client.orderStatusChange({ orderId: id, orderStatus: '2' }, writeCall)).warnings)],
        resolve: (_id, read, doubt) => settleConfirm(read, doubt),
      }),
    exportShipments: (updates, call) => exportShipments(updates, call),
    getPayments: async function* (query, call) {
      if ('from' in query) {
        for await (const listed of listPayments({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call)) yield toPaymentRecord(listed.raw, mappers);
        return;
      }
      for (const orderId of query.orderIds) {
        const page = await client.orderList({ condition: { OrderId: orderId, ...visibility }, fields: PAYMENT_LIST_FIELDS, start: 1, results: 1 }, call);
        for (const entry of page.orders) yield toPaymentRecord(entry, mappers);
      }
    },
    checkCredentials: async (call) => {
      const now = clock.now();
      let liveCheckProblem: Hint | null = null;
      try {
        // One live orderList call proves the access token, the session and the signature together.
        await client.orderList({ condition: { OrderTimeFrom: formatJst(now - 60_000, 'compact'), OrderTimeTo: formatJst(now, 'compact') }, fields: ['OrderId'], start: 1, results: 1 }, call);
      } catch (error) {
        if (!MallkitError.isInstance(error)) throw error;
        // A credential failure is recorded by the client's session; anything else is a note, not a verdict.
        if (!CredentialError.isInstance(error)) liveCheckProblem = { ja: `確認の呼び出しに失敗しました: ${error.message}`, en: `The live check failed: ${error.message}` };
      }
      return yahooCredentialReport({
        session: client.session,
        shopId,
        now,
        warningDays: options.expiryWarningDays ?? 14,
        publicKeyConfigured: options.publicKey !== undefined && options.publicKey.trim() !== '',
        publicKeyExpiresAt: resolved.publicKeyExpiresAt,
        liveCheckProblem,
      });
    },
  });

  /**
   * Shipments: the updates of one order become one orderShipStatusChange (a second parcel is
   * ShipInvoiceNumber2); the batch runner still reports every update, and the later updates of an
   * order share its one write.
   */
  function exportShipments(updates: readonly ParsedShipmentUpdate[], call: CallOptions) {
    const plans = planShipments(updates);
    const planOf = (update: ParsedShipmentUpdate): ShipmentPlan => {
      const plan = plans.get(update.orderId);
      // planShipments makes one plan per order of the updates: a missing one is a bug here, not an input problem.
      if (plan === undefined) throw new TypeError(`yahoo exportShipments: no plan for order ${update.orderId}`);
      return plan;
    };
    const sent = new Map<string, Promise<WriteOutcome>>();
    return runBatchWrite<ParsedShipmentUpdate, StateRead>({
      ...write,
      operation: 'orderShipStatusChange',
      items: updates,
      idOf: (update) => update.orderId,
      call,
      notFound: (id) => noSuchOrder(id, 'orderShipStatusChange'),
      precheck: (update, read) => shipDecision(read, planOf(update)),
      write: async ([update], writeCall) => {
        if (update === undefined) return [];
        const plan = planOf(update);
        let outcome = sent.get(plan.orderId);
        if (outcome === undefined) {
          const [first, second] = plan.numbers;
          outcome = client
            .orderShipStatusChange(
              { orderId: plan.orderId, shipStatus: '3', shipCompanyCode: plan.shipCompanyCode, shipInvoiceNumber1: first, shipInvoiceNumber2: second, shipDate: plan.shipDate },
              writeCall,
            )
            .then((result) => shipOutcome(result.warnings));
          sent.set(plan.orderId, outcome);
        }
        return [await outcome];
      },
      resolve: (update, read, doubt) => settleShipment(read, planOf(update), doubt),
    });
  }

  return { ...connector, client };
}

/** A text value, or the first of several (a repeated element), or null. */
function firstText(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : null;
}

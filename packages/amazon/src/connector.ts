import {
  carrierMapper,
  createOrderLister,
  createOrderReader,
  defineConnector,
  NotFoundError,
  parseInput,
  parseJst,
  runBatchWrite,
  timeSlotMapper,
  UnreadableOrderError,
  UnsupportedOperationError,
  type CallOptions,
  type Capabilities,
  type DetailAnswer,
  type MallConnector,
  type OrderLister,
  type OrderQuery,
  type OrderReader,
  type ParsedShipmentUpdate,
} from '@mallkit/core';
import { DEFAULT_INCLUDED_DATA, order2026Schema, searchOrdersParams, type FulfillmentStatus } from './api/orders-2026.js';
import { getOrdersV0Params, orderV0BundleSchema } from './api/orders-v0.js';
import { AMAZON_USAGE_PLANS } from './api/usage-plans.js';
import { amazonCredentialReport } from './auth/credential-report.js';
import { createAmazonClient, type AmazonClient } from './client.js';
import { AMAZON_HINTS, notFoundHint } from './errors.js';
import { normalizeAmazonOrder, type AmazonOrder, type AmazonRawOrder, type OrderMappers } from './mapping/order.js';
import { amazonPaymentMapper } from './mapping/payment.js';
import type { ShipDateInput } from './mapping/ship-date.js';
import { AMAZON_SHIPMENT_RULES, checkShipmentsBeforeSending, planShipment, shipmentLanded, type ShipmentPlan, type ShipmentSettings } from './mapping/shipment.js';
import { statusSearchPlans, v0StatusesFor } from './mapping/status.js';
import { amazonCredentialOptionsSchema, AMAZON_JP_MARKETPLACE_ID, ORDERS_V0_READ_REMOVAL_DATE, type AmazonConnectorOptions } from './options.js';

/** Amazon refuses a `*Before` later than two minutes before the request; five seconds spare absorb clock drift. */
const VISIBILITY_LAG_MS = 2 * 60_000 + 5_000;
/** v0 detail reads handed over at once: a search page, so that the fan-out never waits for a slow order. */
const V0_DETAIL_BATCH = 100;
const V0_REMOVAL = parseJst(ORDERS_V0_READ_REMOVAL_DATE).getTime();

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
  /** The raw SP-API client the connector calls through (same throttle, tokens and error table). */
  readonly client: AmazonClient;
  /** Streams every order of the query once (searchOrders, or the v0 path), `order.raw` typed as {@link AmazonRawOrder}. */
  listOrders(query: OrderQuery, options?: CallOptions): AsyncIterable<AmazonOrder>;
  /** Reads orders by id, in the order given; unknown ids throw NotFoundError naming them. */
  getOrders(ids: readonly string[], options?: CallOptions): Promise<AmazonOrder[]>;
}

/** How one Orders API version reads: by id (getOrders, write checks) and by search (listOrders). */
interface ReadPath {
  readonly reader: OrderReader<AmazonRawOrder>;
  readonly listOrders: OrderLister<AmazonRawOrder>;
}

/** What both read paths share. */
interface PathContext {
  readonly client: AmazonClient;
  readonly options: AmazonConnectorOptions;
  /** What every search asks for besides its window, dates and statuses. */
  readonly scope: { readonly marketplaceId: string; readonly fulfilledBy: ReadonlyArray<'MERCHANT' | 'AMAZON'> };
  readonly normalize: (raw: AmazonRawOrder, notes: Parameters<typeof normalizeAmazonOrder>[1]) => AmazonOrder;
}

function idAt(wire: unknown, ...path: string[]): string | null {
  let value: unknown = wire;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

/** Orders API v2026-01-01: getOrder per id, searchOrders with items, buyer and recipient inline. */
function orders2026Path({ client, options, scope, normalize }: PathContext): ReadPath {
  const includedData = options.includedData ?? DEFAULT_INCLUDED_DATA;
  const reader = createOrderReader<AmazonRawOrder>({
    mall: 'amazon',
    operation: 'getOrder',
    orderSchema: order2026Schema,
    idOf: (wire) => idAt(wire, 'orderId'),
    normalize,
    batchSize: 1,
    async fetch([id = ''], call): Promise<DetailAnswer> {
      try {
        return { orders: [await client.getOrder(id, includedData, call)] };
      } catch (error) {
        // Amazon's 404: the order is simply absent; its request id goes on the NotFoundError.
        if (NotFoundError.isInstance(error)) return { orders: [], requestId: error.requestId };
        throw error;
      }
    },
    notFoundHint,
    redact: client.redactor.text,
    logger: client.logger,
  });
  const listOrders = createOrderLister<AmazonRawOrder, unknown, string, readonly FulfillmentStatus[] | undefined>({
    mall: 'amazon',
    operation: 'searchOrders',
    capabilities: AMAZON_CAPABILITIES.listOrders,
    clock: client.clock,
    logger: client.logger,
    plans: (query) => statusSearchPlans(query.statuses, (wanted) => wanted),
    async fetchPage({ window, plan, cursor, query }, call) {
      const search = { ...scope, dateType: query.dateType === 'updated' ? 'updated' : 'ordered', includedData, statuses: plan } as const;
      const answer = await client.searchOrders(searchOrdersParams(window, search, cursor), call);
      return { entries: answer.orders, next: answer.pagination?.nextToken };
    },
    entryId: (entry) => idAt(entry, 'orderId'),
    inline: true,
    reader,
    visibilityLagMs: VISIBILITY_LAG_MS,
  });
  return { reader, listOrders };
}

/**
 * The deprecated Orders API v0: getOrders pages, then items, address and buyer per order (what
 * v2026 returns inline), four orders at a time. A listing hands the order summaries of its pages
 * to its own detail reads, so that each order costs three calls, not four.
 */
function ordersV0Path({ client, scope, normalize }: PathContext): ReadPath {
  const assertAvailable = (operation: string): void => {
    if (client.clock.now() < V0_REMOVAL) return;
    throw new UnsupportedOperationError(`amazon ${operation}: Orders API v0 reads were removed on ${ORDERS_V0_READ_REMOVAL_DATE}`, { mall: 'amazon', operation, hint: AMAZON_HINTS.v0Removed });
  };
  // Keyed by the listing's call options, the one object the kit hands both to fetchPage and to the
  // reader: summaries never outlive their listing, and getOrders always reads afresh.
  const summaries = new WeakMap<CallOptions, Map<string, unknown>>();

  const reader = createOrderReader<AmazonRawOrder>({
    mall: 'amazon',
    operation: 'getOrderV0',
    orderSchema: orderV0BundleSchema,
    idOf: (wire) => idAt(wire, 'order', 'AmazonOrderId'),
    normalize,
    batchSize: V0_DETAIL_BATCH,
    async fetch(ids, call): Promise<DetailAnswer> {
      assertAvailable('getOrders');
      const listed = summaries.get(call);
      const orders = ids.map((orderId) => ({ orderId, summary: listed?.get(orderId) }));
      for (const id of ids) listed?.delete(id);
      const { bundles, notFoundRequestId } = await client.getOrderBundlesV0(orders, call);
      return { orders: bundles, requestId: notFoundRequestId };
    },
    notFoundHint,
    redact: client.redactor.text,
    logger: client.logger,
  });
  const listOrders = createOrderLister<AmazonRawOrder, unknown, string, readonly string[] | undefined>({
    mall: 'amazon',
    operation: 'getOrdersV0',
    capabilities: { ...AMAZON_CAPABILITIES.listOrders, detailBatchSize: V0_DETAIL_BATCH },
    clock: client.clock,
    logger: client.logger,
    plans: (query) => statusSearchPlans(query.statuses, v0StatusesFor),
    async fetchPage({ window, plan, cursor, query }, call) {
      assertAvailable('listOrders');
      const search = { ...scope, dateType: query.dateType === 'updated' ? 'updated' : 'ordered', statuses: plan } as const;
      const page = await client.getOrdersV0(getOrdersV0Params(window, search, cursor), call);
      const listed = summaries.get(call) ?? new Map<string, unknown>();
      summaries.set(call, listed);
      for (const summary of page.Orders) {
        const id = idAt(summary, 'AmazonOrderId');
        if (id !== null) listed.set(id, summary);
      }
      return { entries: page.Orders, next: page.NextToken };
    },
    entryId: (entry) => idAt(entry, 'AmazonOrderId'),
    inline: false,
    reader,
    visibilityLagMs: VISIBILITY_LAG_MS,
  });
  return { reader, listOrders };
}

/**
 * exportShipments: one v0 confirmShipment per update (the only shipment write Amazon has, not
 * deprecated). Future ship dates are refused for the whole batch before anything is sent; each
 * order is read first (its items, purchase time and packages decide the write), written, and —
 * when the answer is lost — read back to learn whether the package landed.
 */
function shipmentWriter(client: AmazonClient, reader: OrderReader<AmazonRawOrder>, settings: ShipmentSettings) {
  return async (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    const dates = checkShipmentsBeforeSending(updates, client.clock.now());
    const indexOf = new Map(updates.map((update, index) => [update, index]));
    const plans = new Map<ParsedShipmentUpdate, ShipmentPlan>();
    const missing = new Map<string, string | null>();
    return runBatchWrite({
      mall: 'amazon',
      operation: 'confirmShipment',
      items: updates,
      idOf: (update) => update.orderId,
      batchSize: 1,
      call,
      async readStates(ids, stateCall) {
        const { found, requestId } = await reader.readByIds(ids, stateCall);
        for (const id of ids) if (!found.has(id)) missing.set(id, requestId);
        return found;
      },
      // One order at a time: a credential refused on the first read stops the batch before any other
      // request (the usage plans, not concurrency, set the pace of these reads anyway).
      stateBatchSize: 1,
      precheck(update, state) {
        if (UnreadableOrderError.isInstance(state)) return { kind: 'failed', error: state };
        const index = indexOf.get(update) ?? 0;
        const plan = planShipment(state, update, dates[index] as ShipDateInput, index, settings);
        if (!('body' in plan)) return plan;
        plans.set(update, plan);
        return 'write';
      },
      async write([update], writeCall) {
        const plan = update ? plans.get(update) : undefined;
        if (!update || !plan) throw new TypeError('amazon confirmShipment: an update was written without a plan');
        await client.confirmShipment(update.orderId, plan.body, writeCall);
        return [{ kind: 'done' }];
      },
      resolve(update, state, doubt) {
        const plan = plans.get(update);
        const landed = plan !== undefined && state !== undefined && !UnreadableOrderError.isInstance(state) && shipmentLanded(state, plan);
        return landed ? { kind: 'done' } : { kind: 'failed', error: doubt };
      },
      // A second package of the same order must see the first one (its packages, its shipped units).
      refreshBetweenItemsOfOneOrder: true,
      notFound: (id) =>
        new NotFoundError(`amazon confirmShipment: no such order ${id}`, { mall: 'amazon', operation: 'confirmShipment', mallCode: 'NotFound', httpStatus: 404, requestId: missing.get(id) ?? null, hint: notFoundHint([id]) }),
    });
  };
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
  const ordersApi = options.ordersApi ?? '2026-01-01';
  if (ordersApi === 'v0') {
    client.logger.warn(`amazon: ordersApi 'v0' reads are deprecated and will be removed on ${ORDERS_V0_READ_REMOVAL_DATE}; use the default v2026-01-01`);
  }
  const shopId = options.shopId ?? options.sellerId ?? 'amazon';
  const overrides = options.mappers ?? {};
  const mappers: OrderMappers = {
    paymentMethod: amazonPaymentMapper(overrides.paymentMethod),
    carrier: carrierMapper.withOverrides(overrides.carrier ?? {}),
    timeSlot: timeSlotMapper.withOverrides(overrides.timeSlot ?? {}),
  };
  const scope = { marketplaceId: options.marketplaceId ?? AMAZON_JP_MARKETPLACE_ID, fulfilledBy: options.fulfilledBy ?? ['MERCHANT'] } as const;
  const context: PathContext = { client, options, scope, normalize: (raw, notes) => normalizeAmazonOrder(raw, notes, { shopId, mappers }) };
  const path = ordersApi === 'v0' ? ordersV0Path(context) : orders2026Path(context);
  const settings: ShipmentSettings = { marketplaceId: scope.marketplaceId, carrierCodes: overrides.carrierCodes ?? {} };

  const connector = defineConnector<AmazonRawOrder>({
    mall: 'amazon',
    shopId,
    capabilities: AMAZON_CAPABILITIES,
    clock: client.clock,
    reader: path.reader,
    listOrders: path.listOrders,
    exportShipments: shipmentWriter(client, path.reader, settings),
    shipmentRules: AMAZON_SHIPMENT_RULES,
    checkCredentials: (call) =>
      amazonCredentialReport(
        {
          auth: client.auth,
          shopId,
          now: client.clock.now(),
          warningDays: options.expiryWarningDays ?? 14,
          ordersApi,
          authorizedAt: options.authorizedAt,
          clientSecretRotatedAt: options.clientSecretRotatedAt,
        },
        call,
      ),
    unsupported: { confirmOrders: AMAZON_HINTS.confirmUnsupported, getPayments: AMAZON_HINTS.paymentsUnsupported },
  });
  return { ...connector, client };
}

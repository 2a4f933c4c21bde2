import {
  carrierMapper,
  createOrderLister,
  createOrderReader,
  credentialKey,
  defineConnector,
  NotFoundError,
  parseJst,
  runBatchWrite,
  timeSlotMapper,
  UnsupportedOperationError,
  ValidationError,
  withHint,
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
import { getOrdersV0Params, v0DetailAnswer, v0ReaderSchema } from './api/orders-v0.js';
import { AMAZON_USAGE_PLANS } from './api/usage-plans.js';
import { amazonCredentialReport, authorizedProbe, PROBE_ORDER_ID } from './auth/credential-report.js';
import { createAmazonClient, type AmazonClient } from './client.js';
import { AMAZON_CHANGES, AMAZON_V0_CHANGES, AMAZON_VISIBILITY_LAG_MS } from './change-visibility.js';
import { AMAZON_HINTS, notFoundAnswer, notFoundHint } from './errors.js';
import { normalizeAmazonOrder, type AmazonOrder, type AmazonRawOrder, type OrderMappers } from './mapping/order.js';
import { amazonPaymentMapper } from './mapping/payment.js';
import {
  AMAZON_SHIPMENT_RULES,
  checkDestinations,
  planShipment,
  resolveShipment,
  shipmentNotFound,
  type ShipmentPlan,
  type ShipmentSettings,
  type ShipmentState,
} from './mapping/shipment.js';
import { statusSearchPlans, v0StatusesFor } from './mapping/status.js';
import { AMAZON_JP_MARKETPLACE_ID, checkAmazonOptions, ORDERS_V0_READ_REMOVAL_DATE, type AmazonConnectorOptions } from './options.js';

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
  exportShipments: { batchSize: 1, sendsShipDate: true },
  // Settlements come from the Finances API, which this package does not cover yet.
  getPayments: null,
  // One search by update time since the last sync sees every new and changed order (change-visibility.ts).
  changes: AMAZON_CHANGES,
  defaultRatePerSecond: AMAZON_USAGE_PLANS.confirmShipment.rate,
  verification: {
    operations: { listOrders: 'confirmed', getOrders: 'confirmed', exportShipments: 'inferred', checkCredentials: 'confirmed' },
    unverified: [
      "the JP carrierCode strings (Seller Central's list: 'Yamato Transport', 'Sagawa Express', 'Japan Post'…), not confirmed on a live account; mappers.carrierCodes overrides them",
      'what Amazon does with a packageReferenceId sent twice (the connector never re-sends: it reads the order back)',
      'the 50-character limits of trackingNumber, shippingMethod and carrierName (taken from the order-fulfillment feed schema)',
      "Amazon's answer to a future shipDate (refused before sending) and to confirmShipment on a PENDING_AVAILABILITY preorder (refused before sending unless shipDespite)",
      'whether the TAX proceeds of a JP order are included in or added to the item prices (the amounts check accepts both)',
      "checkCredentials' authorized call: a getOrder for an id no seller has, expected to answer 404 when roles and region are right",
    ],
  },
});

/** The v0 path's capabilities: the same, with what v0 reads do not show among the blind spots (change-visibility.ts). */
const AMAZON_V0_CAPABILITIES: Capabilities = Object.freeze<Capabilities>({ ...AMAZON_CAPABILITIES, changes: AMAZON_V0_CHANGES });

/** The Amazon connector: the mallkit contract plus the raw client for calls it does not wrap. */
export interface AmazonConnector extends MallConnector<AmazonRawOrder> {
  /** The raw SP-API client the connector calls through (same throttle, tokens and error table). */
  readonly client: AmazonClient;
  /** Streams every order of the query once (searchOrders, or the v0 path), `order.raw` typed as {@link AmazonRawOrder}. */
  listOrders(query: OrderQuery, options?: CallOptions): AsyncIterable<AmazonOrder>;
  /** Reads orders by id, in the order given; unknown ids throw NotFoundError naming them. */
  getOrders(ids: readonly string[], options?: CallOptions): Promise<AmazonOrder[]>;
}

/** How one Orders API version reads: by id (getOrders, write checks) and by search (listOrders), and its cheapest authorized call. */
interface ReadPath {
  readonly reader: OrderReader<AmazonRawOrder>;
  readonly listOrders: OrderLister<AmazonRawOrder>;
  readonly probe: (call: CallOptions) => Promise<unknown>;
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
        // Amazon's 404: the order is simply absent; what Amazon said goes on the NotFoundError.
        if (NotFoundError.isInstance(error)) return { orders: [], ...notFoundAnswer(error) };
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
    visibilityLagMs: AMAZON_VISIBILITY_LAG_MS,
  });
  return { reader, listOrders, probe: (call) => authorizedProbe(() => client.getOrder(PROBE_ORDER_ID, [], call)) };
}

/**
 * The deprecated Orders API v0: getOrders pages, then items, address and buyer per order (what
 * v2026 returns inline), four orders at a time. A listing's detail reads reuse the order summaries
 * of its pages (the kit hands them over), so that each order costs three calls, not four. An order
 * whose own calls fail is reported alone (onOrderError / IncompleteResultError); the others go on.
 */
function ordersV0Path({ client, scope, normalize }: PathContext): ReadPath {
  const assertAvailable = (operation: string): void => {
    if (client.clock.now() < V0_REMOVAL) return;
    throw new UnsupportedOperationError(`amazon ${operation}: Orders API v0 reads were removed on ${ORDERS_V0_READ_REMOVAL_DATE}`, { mall: 'amazon', operation, hint: AMAZON_HINTS.v0Removed });
  };

  const reader = createOrderReader<AmazonRawOrder>({
    mall: 'amazon',
    operation: 'getOrderV0',
    orderSchema: v0ReaderSchema,
    idOf: (wire) => idAt(wire, 'order', 'AmazonOrderId'),
    normalize,
    batchSize: V0_DETAIL_BATCH,
    async fetch(ids, call, listed): Promise<DetailAnswer> {
      assertAvailable('getOrders');
      return v0DetailAnswer(await client.getOrderBundlesV0(ids.map((orderId) => ({ orderId, summary: listed.get(orderId) })), call));
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
      return { entries: page.Orders, next: page.NextToken };
    },
    entryId: (entry) => idAt(entry, 'AmazonOrderId'),
    inline: false,
    reader,
    visibilityLagMs: AMAZON_VISIBILITY_LAG_MS,
  });
  return { reader, listOrders, probe: (call) => authorizedProbe(() => client.getOrderV0(PROBE_ORDER_ID, call)) };
}

/**
 * exportShipments: one v0 confirmShipment per update (the only shipment write Amazon has, not
 * deprecated). Each order is read first (its state, items, purchase time and packages decide the
 * write: the kit's precheck plan), written, and — when the answer is lost — read back to learn
 * whether the package landed (decision 0003: confirmShipment is never sent twice).
 */
function shipmentWriter(client: AmazonClient, reader: OrderReader<AmazonRawOrder>, settings: ShipmentSettings) {
  /** States by id; an unreadable order is its UnreadableOrderError, a 404 its NotFoundError with Amazon's request id. */
  const readStates = async (ids: readonly string[], call: CallOptions): Promise<Map<string, ShipmentState>> => {
    const { found, requestId, notFound } = await reader.readByIds(ids, call);
    const states = new Map<string, ShipmentState>(found);
    for (const id of ids) if (!found.has(id)) states.set(id, shipmentNotFound(id, { requestId, ...notFound }));
    return states;
  };
  return (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    checkDestinations(updates);
    return runBatchWrite<ParsedShipmentUpdate, ShipmentState, ShipmentPlan>({
      mall: 'amazon',
      operation: 'confirmShipment',
      items: updates,
      idOf: (update) => update.orderId,
      batchSize: 1,
      call,
      readStates,
      // One order at a time: a credential refused on the first read stops the batch before any other
      // request (the usage plans, not concurrency, set the pace of these reads anyway).
      stateBatchSize: 1,
      precheck: (update, order, index) => planShipment(order, update, index, settings),
      async write([update], writeCall, { planOf }) {
        const plan = update ? planOf(update) : undefined;
        if (!update || !plan) throw new TypeError('amazon confirmShipment: an update was written without a plan');
        await client.confirmShipment(update.orderId, plan.body, writeCall);
        return [{ kind: 'done' }];
      },
      resolve: resolveShipment,
      // A second package of the same order must see the first one (its packages, its shipped units).
      refreshBetweenItemsOfOneOrder: true,
    });
  };
}

/** Puts Amazon's JST/UTC hint on core's refusal of a future ship date (the commonest mistake: JST written with `Z`). */
function withShipDateHint(error: unknown): unknown {
  if (!ValidationError.isInstance(error) || !error.issues.some((issue) => issue.field.endsWith('.shippedAt'))) return error;
  return withHint(error, AMAZON_HINTS.shipDate);
}

/**
 * Creates the Amazon.co.jp connector (SP-API, Far East region): LWA tokens cached and refreshed
 * once for every caller, orders read with Orders API v2026-01-01 (or the deprecated v0 with
 * `ordersApi: 'v0'`), shipments confirmed with v0 confirmShipment, every operation paced by its
 * own usage plan.
 */
export function createAmazonConnector(options: AmazonConnectorOptions): AmazonConnector {
  checkAmazonOptions(options, 'createAmazonConnector');
  const client = createAmazonClient(options);
  const ordersApi = options.ordersApi ?? '2026-01-01';
  if (ordersApi === 'v0') {
    client.logger.warn(`amazon: ordersApi 'v0' reads are deprecated and will be removed on ${ORDERS_V0_READ_REMOVAL_DATE}; use the default v2026-01-01`);
  }
  // Two sellers must never share a shopId (it keys de-duplication and cursors): without a seller
  // id, the app and refresh token name the seller (a non-secret digest, as the throttle key).
  const shopId = options.shopId ?? options.sellerId ?? credentialKey('amazon', options.clientId, options.refreshToken);
  const overrides = options.mappers ?? {};
  const mappers: OrderMappers = {
    paymentMethod: amazonPaymentMapper(overrides.paymentMethod),
    carrier: carrierMapper.withOverrides(overrides.carrier ?? {}),
    timeSlot: timeSlotMapper.withOverrides(overrides.timeSlot ?? {}),
  };
  const scope = { marketplaceId: options.marketplaceId ?? AMAZON_JP_MARKETPLACE_ID, fulfilledBy: options.fulfilledBy ?? ['MERCHANT'] } as const;
  const context: PathContext = { client, options, scope, normalize: (raw, notes) => normalizeAmazonOrder(raw, notes, { shopId, mappers }) };
  const path = ordersApi === 'v0' ? ordersV0Path(context) : orders2026Path(context);
  const settings: ShipmentSettings = { marketplaceId: scope.marketplaceId, carrierCodes: overrides.carrierCodes ?? {}, shipDespite: options.shipDespite ?? [] };

  const connector = defineConnector<AmazonRawOrder>({
    mall: 'amazon',
    shopId,
    capabilities: ordersApi === 'v0' ? AMAZON_V0_CAPABILITIES : AMAZON_CAPABILITIES,
    clock: client.clock,
    reader: path.reader,
    listOrders: path.listOrders,
    exportShipments: shipmentWriter(client, path.reader, settings),
    shipmentRules: AMAZON_SHIPMENT_RULES,
    checkCredentials: (call) =>
      amazonCredentialReport(
        {
          auth: client.auth,
          probe: path.probe,
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
  return {
    ...connector,
    client,
    async exportShipments(updates, call) {
      try {
        return await connector.exportShipments(updates, call);
      } catch (error) {
        throw withShipDateHint(error);
      }
    },
  };
}

import {
  createOrderLister,
  createOrderReader,
  defineConnector,
  liveCheck,
  NotFoundError,
  paymentMethodMapper,
  runBatchWrite,
  timeSlotMapper,
  withHint,
  type CallOptions,
  type Capabilities,
  type ConnectorMappers,
  type MallConnector,
  type Order,
  type ParsedShipmentUpdate,
  type UnreadableOrderError,
  type WriteOutcome,
} from '@mallkit/core';
import { serialCodeOf, shopserveOrderSchema, type ShopserveOrder } from './api/order-record.js';
import { nextSearchCursor, type SearchCursor } from './api/search.js';
import type { StatusChange } from './api/status-update.js';
import { UNVERIFIED_WIRE_DETAILS, type ShopserveWireProfile } from './api/wire-profile.js';
import { managerKeyReport } from './auth/credential-report.js';
import { shopserveChangeVisibility } from './change-visibility.js';
import { createShopserveClient, type ShopserveClient } from './client.js';
import { SHOPSERVE_HINTS } from './errors.js';
import { shopserveCarrierMapper } from './mapping/carriers.js';
import { toOrder } from './mapping/order.js';
import { paymentRecordOf } from './mapping/payment.js';
import { confirmDecision, confirmLanded, shipDecision, shipmentLanded, writeAnswered, writeResolved, type WritePlan, type WriteRules } from './mapping/writes.js';
import { SHOPSERVE_DEFAULT_RATE_PER_SECOND, type ShopserveConnectorOptions } from './options.js';

/** A Shopserve connector: the MallConnector contract, with Shopserve's wire order as `order.raw` and as payment records' `raw`. */
export type ShopserveConnector = MallConnector<ShopserveOrder, ShopserveOrder>;

/**
 * One-week windows and two years back (commerce robo); the page size, and whether orders can be
 * searched by 受注更新日時 (and so how an incremental sync sees changes), come from the wire profile.
 * Every operation's request is a documented guess (`verification`): Shopserve shows its order API
 * only inside the shop's admin screen.
 */
export function shopserveCapabilities(wire: ShopserveWireProfile): Capabilities {
  return Object.freeze({
    listOrders: { dateTypes: wire.updatedSearch ? ['ordered', 'updated'] : ['ordered'], maxWindowDays: 7, maxLookbackDays: 730, pageSize: wire.pageSize, detailBatchSize: wire.pageSize },
    confirmOrders: { batchSize: 1 },
    exportShipments: { batchSize: 1, sendsShipDate: true },
    getPayments: { byOrderIds: true, byWindow: true },
    defaultRatePerSecond: SHOPSERVE_DEFAULT_RATE_PER_SECOND,
    verification: {
      operations: {
        listOrders: 'inferred',
        getOrders: 'inferred',
        confirmOrders: 'inferred',
        exportShipments: 'inferred',
        getPayments: 'inferred',
        checkCredentials: 'inferred',
      },
      unverified: UNVERIFIED_WIRE_DETAILS,
    },
    changes: shopserveChangeVisibility(wire),
  } satisfies Capabilities);
}

function connectorMappers(options: ShopserveConnectorOptions, wire: ShopserveWireProfile): ConnectorMappers {
  return {
    carrier: shopserveCarrierMapper(wire, options.mappers?.carrier),
    paymentMethod: paymentMethodMapper.withOverrides(options.mappers?.paymentMethod ?? {}),
    timeSlot: timeSlotMapper.withOverrides(options.mappers?.timeSlot ?? {}),
  };
}

/** An order's raw state as read before and after a write: the wire order, or why it could not be read. */
type State = ShopserveOrder | UnreadableOrderError;

/**
 * Creates the Shopserve connector. Credentials and options are checked at once (ValidationError
 * naming the option). Orders are keyed by `serial_code`; listOrders searches one-week windows up to
 * two years back by order date or updated time; confirmOrders sets 確認済; exportShipments sets
 * 発送済 with carrier, tracking number and 発送予定日, and every write is read back to check that it
 * took effect; getPayments reads the payment axes of orders; every call fails fast with
 * MaintenanceError during the weekly maintenance window. Unverified wire details follow `wire`.
 */
export function createShopserveConnector(options: ShopserveConnectorOptions): ShopserveConnector {
  const client: ShopserveClient = createShopserveClient(options);
  const { settings } = client;
  const { wire } = settings;
  const { clock, logger } = client.mall;
  const shopId = options.shopId ?? settings.shopserveId;
  const capabilities = shopserveCapabilities(wire);
  const mappers = connectorMappers(options, wire);
  const rules: WriteRules = { wire, carriers: mappers.carrier };

  const reader = createOrderReader<ShopserveOrder>({
    mall: 'shopserve',
    operation: 'searchOrders',
    orderSchema: shopserveOrderSchema,
    idOf: serialCodeOf,
    normalize: (raw, notes) => toOrder(raw, { shopId, mappers, wire }, notes),
    batchSize: wire.pageSize,
    fetch: async (ids, call) => ({ orders: (await client.searchOrders({ serialCodes: ids }, call)).orders }),
    notFoundHint: (missing) => ({
      ja: `この serial_code の注文はありません: ${missing.join(', ')}。注文番号ではなく serial_code（order.id）を指定してください。`,
      en: `No order with serial_code ${missing.join(', ')}. Pass the serial_code (order.id), not the order number.`,
    }),
    redact: client.mall.redactor.text,
    logger,
  });

  // Updated-time searches page by key only when Shopserve sorts them; unsorted, offsets are all there is.
  if (wire.updatedSearch && !wire.sortResults) logger.warn('shopserve: wire.sortResults is off, so listings by updated time page by offset and may miss an order changed while they run');

  const listOrders = createOrderLister<ShopserveOrder, unknown, SearchCursor>({
    mall: 'shopserve',
    operation: 'searchOrders',
    capabilities: capabilities.listOrders,
    clock,
    logger,
    inline: true,
    reader,
    entryId: serialCodeOf,
    async fetchPage({ window, cursor, query }, call) {
      const dateType = query.dateType === 'updated' ? 'updated' : 'ordered';
      const since = cursor?.since === undefined ? window.from : new Date(cursor.since);
      const answer = await client.searchOrders({ since, until: window.to, dateType, offset: cursor?.offset ?? 0 }, call);
      const next = nextSearchCursor(cursor, window, answer, dateType === 'updated' && wire.sortResults);
      return { entries: answer.orders, total: answer.total_count, next };
    },
  });

  /** Sends one order's change and says what happened; a 404 for an order just read means the update's path is wrong. */
  const update = async (serialCode: string, plan: WritePlan | undefined, operation: string, call: CallOptions): Promise<WriteOutcome> => {
    const change: StatusChange = plan?.change ?? {};
    try {
      await client.updateOrderStatus({ serialCode, change }, call);
    } catch (error) {
      if (!NotFoundError.isInstance(error)) throw error;
      return { kind: 'failed', error: withHint(error, SHOPSERVE_HINTS.updatePath, `order ${serialCode} was read a moment before`), stop: true };
    }
    return writeAnswered(plan, serialCode, operation, settings.readBackWrites);
  };

  const writeSpec = { mall: 'shopserve', batchSize: 1, readStates: reader.states, stateBatchSize: wire.pageSize } as const;

  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, State, WritePlan>({
      ...writeSpec,
      operation: 'confirmOrders',
      items: ids,
      idOf: (id) => id,
      call,
      precheck: (_id, order) => confirmDecision(order, rules),
      write: async ([id], writeCall, { planOf }) => [await update(id as string, planOf(id as string), 'confirmOrders', writeCall)],
      resolve: (id, order, doubt, plan) => writeResolved(order !== undefined && confirmLanded(order, rules), plan, doubt, id),
    });

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) =>
    runBatchWrite<ParsedShipmentUpdate, State, WritePlan>({
      ...writeSpec,
      operation: 'exportShipments',
      items: updates,
      idOf: (item) => item.orderId,
      call,
      // A second update of the same order must see the first one's tracking number.
      refreshBetweenItemsOfOneOrder: true,
      precheck: (item, order, index) =>
        shipDecision(item, order, { ...rules, now: clock.now(), maxOrderAgeDays: settings.shipmentMaxOrderAgeDays, index }),
      write: async ([item], writeCall, { planOf }) => {
        const shipment = item as ParsedShipmentUpdate;
        return [await update(shipment.orderId, planOf(shipment), 'exportShipments', writeCall)];
      },
      resolve: (item, order, doubt, plan) => writeResolved(order !== undefined && shipmentLanded(item, order, rules), plan, doubt, item.orderId),
    });

  return defineConnector<ShopserveOrder, ShopserveOrder>({
    mall: 'shopserve',
    shopId,
    capabilities,
    clock,
    reader,
    listOrders,
    confirmOrders,
    exportShipments,
    shipmentRules: {
      // Ship dates go to 発送予定日, a planned date: up to `shipDateLookaheadDays` after today.
      shipDates: { maxDaysAhead: settings.shipDateLookaheadDays },
      // Shopserve keeps one shipment per order (one お問い合わせ番号): items cannot be told apart.
      lineItems: settings.shipItemsAsWholeOrder,
    },
    async *getPayments(query, call) {
      const orders: AsyncIterable<Order<ShopserveOrder>> | Iterable<Order<ShopserveOrder>> =
        'orderIds' in query ? await reader.getOrders(query.orderIds, call) : listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call);
      for await (const order of orders) yield paymentRecordOf(order, wire);
    },
    async checkCredentials(call) {
      const now = clock.now();
      // A live probe on the order API itself: it proves the key and the order-API application alike.
      const live = await liveCheck(() => client.searchOrders({ since: new Date(now - 3_600_000), until: new Date(now), dateType: 'ordered', offset: 0 }, call));
      return managerKeyReport({ shopId, now, live, issuedOn: settings.managerKeyIssuedOn, warningDays: options.expiryWarningDays ?? 14 });
    },
  });
}

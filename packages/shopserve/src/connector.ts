import {
  carrierMapper,
  createOrderLister,
  createOrderReader,
  CredentialError,
  defineConnector,
  paymentMethodMapper,
  runBatchWrite,
  timeSlotMapper,
  UnreadableOrderError,
  type CallOptions,
  type Capabilities,
  type ConnectorMappers,
  type MallConnector,
  type OrderOutcome,
  type ParsedShipmentUpdate,
  type WriteOutcome,
} from '@mallkit/core';
import { serialCodeOf, shopserveOrderSchema, type ShopserveOrder } from './api/order-record.js';
import { UNVERIFIED_WIRE_DETAILS, type ShopserveWireProfile } from './api/wire-profile.js';
import { createShopserveClient, type ShopserveClient } from './client.js';
import { managerKeyReport } from './auth/credential-report.js';
import { toOrder } from './mapping/order.js';
import { checkShipDateLookahead } from './mapping/ship-dates.js';
import { confirmChange, confirmDecision, confirmResolved, shipDecision, shipmentChange, shipmentWarnings, shipResolved } from './mapping/writes.js';
import { SHOPSERVE_DEFAULT_RATE_PER_SECOND, type ShopserveConnectorOptions } from './options.js';

/** Shopserve's capabilities, with the wire details mallkit could not verify. */
export interface ShopserveCapabilities extends Capabilities {
  /** Wire details taken on assumption (see the README): override them with the `wire` option once the shop's specification says otherwise. */
  readonly unverified: readonly string[];
}

/** A Shopserve connector: the MallConnector contract, with Shopserve's capabilities type. */
export interface ShopserveConnector extends MallConnector<ShopserveOrder> {
  /** What Shopserve supports, and what is unverified. */
  readonly capabilities: ShopserveCapabilities;
}

/** One-week windows and two years back (commerce robo); the page size comes from the wire profile. */
export function shopserveCapabilities(wire: ShopserveWireProfile): ShopserveCapabilities {
  const capabilities: ShopserveCapabilities = {
    listOrders: { dateTypes: ['ordered', 'updated'], maxWindowDays: 7, maxLookbackDays: 730, pageSize: wire.pageSize, detailBatchSize: wire.pageSize },
    confirmOrders: { batchSize: 1 },
    exportShipments: { batchSize: 1 },
    getPayments: null,
    defaultRatePerSecond: SHOPSERVE_DEFAULT_RATE_PER_SECOND,
    unverified: UNVERIFIED_WIRE_DETAILS,
  };
  return Object.freeze(capabilities);
}

function connectorMappers(options: ShopserveConnectorOptions): ConnectorMappers {
  return {
    carrier: carrierMapper.withOverrides(options.mappers?.carrier ?? {}),
    paymentMethod: paymentMethodMapper.withOverrides(options.mappers?.paymentMethod ?? {}),
    timeSlot: timeSlotMapper.withOverrides(options.mappers?.timeSlot ?? {}),
  };
}

/** An order state as read before a write: the order, or why it could not be read. */
type State = OrderOutcome<ShopserveOrder>;

/** Writes decided on an order that could not be read fail with that reason. */
function readable(state: State, decide: (order: Exclude<State, UnreadableOrderError>) => 'write' | WriteOutcome): 'write' | WriteOutcome {
  return UnreadableOrderError.isInstance(state) ? { kind: 'failed', error: state } : decide(state);
}

/**
 * Creates the Shopserve connector. Credentials and options are checked at once (ValidationError
 * naming the option). Orders are keyed by `serial_code`; listOrders searches one-week windows up to
 * two years back by order date or updated time; confirmOrders sets 確認済; exportShipments sets
 * 発送済 with carrier, tracking number and 発送予定日; every call fails fast with MaintenanceError
 * during the weekly maintenance window. Unverified wire details follow the `wire` option.
 */
export function createShopserveConnector(options: ShopserveConnectorOptions): ShopserveConnector {
  const client: ShopserveClient = createShopserveClient(options);
  const { settings } = client;
  const { wire } = settings;
  const { clock, logger } = client.mall;
  const shopId = options.shopId ?? settings.shopserveId;
  const capabilities = shopserveCapabilities(wire);
  const context = { shopId, mappers: connectorMappers(options), wire };

  const reader = createOrderReader<ShopserveOrder>({
    mall: 'shopserve',
    operation: 'searchOrders',
    orderSchema: shopserveOrderSchema,
    idOf: serialCodeOf,
    normalize: (raw, notes) => toOrder(raw, context, notes),
    batchSize: wire.pageSize,
    fetch: async (ids, call) => ({ orders: (await client.searchOrders({ serialCodes: ids }, call)).orders }),
    notFoundHint: (missing) => ({
      ja: `この serial_code の注文はありません: ${missing.join(', ')}。注文番号ではなく serial_code（order.id）を指定してください。`,
      en: `No order with serial_code ${missing.join(', ')}. Pass the serial_code (order.id), not the order number.`,
    }),
    redact: client.mall.redactor.text,
    logger,
  });

  const readStates = async (ids: readonly string[], call: CallOptions): Promise<Map<string, State>> => (await reader.readByIds(ids, call)).found;

  const listOrders = createOrderLister<ShopserveOrder, unknown, number>({
    mall: 'shopserve',
    operation: 'searchOrders',
    capabilities: capabilities.listOrders,
    clock,
    logger,
    inline: true,
    reader,
    entryId: serialCodeOf,
    async fetchPage({ window, cursor, query }, call) {
      const offset = cursor ?? 0;
      const dateType = query.dateType === 'updated' ? 'updated' : 'ordered';
      const answer = await client.searchOrders({ since: window.from, until: window.to, dateType, offset }, call);
      // Offset paging: the next page starts after what came; an empty page ends the search.
      const reached = offset + answer.orders.length;
      return { entries: answer.orders, total: answer.total_count, next: answer.orders.length > 0 && reached < answer.total_count ? reached : undefined };
    },
  });

  const confirmOrders = (ids: readonly string[], call: CallOptions) =>
    runBatchWrite<string, State>({
      mall: 'shopserve',
      operation: 'confirmOrders',
      items: ids,
      idOf: (id) => id,
      batchSize: 1,
      call,
      readStates,
      stateBatchSize: wire.pageSize,
      precheck: (_id, state) => readable(state, (order) => confirmDecision(order, wire)),
      write: async ([id]) => {
        await client.updateOrderStatus({ serialCode: id as string, change: confirmChange(wire) }, call);
        return [{ kind: 'done' }];
      },
      resolve: (_id, state, doubt) => confirmResolved(state && !UnreadableOrderError.isInstance(state) ? state : undefined, doubt, wire),
    });

  const exportShipments = (updates: readonly ParsedShipmentUpdate[], call: CallOptions) => {
    checkShipDateLookahead(updates, settings.shipDateLookaheadDays, clock.now());
    const seen = new Map<ParsedShipmentUpdate, State>();
    return runBatchWrite<ParsedShipmentUpdate, State>({
      mall: 'shopserve',
      operation: 'exportShipments',
      items: updates,
      idOf: (update) => update.orderId,
      batchSize: 1,
      call,
      readStates,
      stateBatchSize: wire.pageSize,
      // A second update of the same order must see the first one's tracking number.
      refreshBetweenItemsOfOneOrder: true,
      precheck(update, state) {
        seen.set(update, state);
        const rules = { now: clock.now(), maxOrderAgeDays: settings.shipmentMaxOrderAgeDays, field: `updates[${updates.indexOf(update)}].orderId` };
        return readable(state, (order) => shipDecision(update, order, wire, rules));
      },
      write: async ([update]) => {
        const item = update as ParsedShipmentUpdate;
        await client.updateOrderStatus({ serialCode: item.orderId, change: shipmentChange(item, wire) }, call);
        const state = seen.get(item);
        return [{ kind: 'done', warnings: shipmentWarnings(item, state && !UnreadableOrderError.isInstance(state) ? state : undefined) }];
      },
      resolve: (update, state, doubt) => shipResolved(update, state && !UnreadableOrderError.isInstance(state) ? state : undefined, doubt, wire),
    });
  };

  const connector = defineConnector<ShopserveOrder>({
    mall: 'shopserve',
    shopId,
    capabilities,
    clock,
    reader,
    listOrders,
    confirmOrders,
    exportShipments,
    // Ship dates go to 発送予定日 (a planned date): future dates are allowed up to the lookahead, checked above.
    shipmentRules: { futureShipDates: settings.shipDateLookaheadDays > 0 },
    unsupported: {
      getPayments: {
        ja: 'ショップサーブには入金情報だけを読むAPIが公開されていません。入金日は order.payment.paidAt、入金ステータスは order.raw.basic.deposit_status にあります。',
        en: "Shopserve publishes no payment-only API. The payment date is in order.payment.paidAt and the 入金ステータス in order.raw.basic.deposit_status.",
      },
    },
    async checkCredentials(call) {
      const now = clock.now();
      let accepted = true;
      try {
        // A live probe on the order API itself: it proves the key and the order-API application alike.
        await client.searchOrders({ since: new Date(now - 3_600_000), until: new Date(now), dateType: 'ordered', offset: 0 }, call);
      } catch (error) {
        if (!CredentialError.isInstance(error)) throw error;
        accepted = false;
      }
      return managerKeyReport({ shopId, now, accepted, issuedOn: settings.managerKeyIssuedOn, warningDays: options.expiryWarningDays ?? 14 });
    },
  });
  return connector as ShopserveConnector;
}

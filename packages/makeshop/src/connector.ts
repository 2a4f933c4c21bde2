import {
  carrierMapper,
  createOrderLister,
  createOrderReader,
  credentialReport,
  CredentialError,
  defineConnector,
  InvalidRequestError,
  describeCredential,
  formatJst,
  paymentMethodMapper,
  runBatchWrite,
  timeSlotMapper,
  UnreadableOrderError,
  type CallOptions,
  type Capabilities,
  type ConnectorMappers,
  type CredentialState,
  type MallConnector,
  type MallkitError,
  type Order,
  type PaymentRecord,
} from '@mallkit/core';
import { MAKESHOP_PAGE_LIMIT, MAKESHOP_RATE_PER_SECOND, type DeliveryStatus } from './api/limits.js';
import { makeshopOrderSchema, wireOrderId, type MakeshopWireOrder } from './api/order-schema.js';
import { createMakeshopClient } from './client.js';
import { API_KEY_HINT, REINSTALL_HINT, UnknownFieldsError } from './errors.js';
import { carrierCodeMapper } from './mapping/carrier.js';
import { toOrder } from './mapping/order.js';
import { toPaymentRecord } from './mapping/payment.js';
import { deliveryUpdateOf, planShipments, precheckShipment, resolveShipment, type PlannedShipment } from './mapping/shipment.js';
import { deliveryStatusesFor } from './mapping/status.js';
import { checkMakeshopOptions, type MakeshopConnectorOptions } from './options.js';

/**
 * What makeshop supports. No confirm step exists (none in the material found). exportShipments
 * and getPayments work through inferred documents: see {@link MAKESHOP_VERIFICATION}.
 */
export const MAKESHOP_CAPABILITIES: Capabilities = {
  // Only the order date is searchable (startOrderDate / endOrderDate); no window or look-back limit is published.
  listOrders: { dateTypes: ['ordered'], maxWindowDays: null, maxLookbackDays: null, pageSize: MAKESHOP_PAGE_LIMIT, detailBatchSize: 1 },
  confirmOrders: null,
  exportShipments: { batchSize: 1 },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: MAKESHOP_RATE_PER_SECOND,
};

/** How sure this package is of each operation against the live API (see the README's table). */
export const MAKESHOP_VERIFICATION: Readonly<Record<'listOrders' | 'getOrders' | 'exportShipments' | 'getPayments' | 'checkCredentials', 'confirmed' | 'inferred'>> = {
  // searchOrder, SearchOrderRequest and the core order fields were seen in a working client.
  listOrders: 'confirmed',
  // searchOrder filtered by displayOrderNumber: the filter's name is inferred.
  getOrders: 'inferred',
  // The mutation's name and input are not public.
  exportShipments: 'inferred',
  // Payment fields on the order are inferred from the legacy API.
  getPayments: 'inferred',
  // A search of the last minute: confirmed operation and fields.
  checkCredentials: 'confirmed',
};

const MINUTE_MS = 60_000;

/** Creates the makeshop connector of one shop: listOrders, getOrders, exportShipments, getPayments, checkCredentials. */
export function createMakeshopConnector(options: MakeshopConnectorOptions): MallConnector<MakeshopWireOrder, MakeshopWireOrder> {
  const url = checkMakeshopOptions(options);
  const client = createMakeshopClient(options, url);
  const { clock, logger, redactor } = client.mall;
  const mappers: ConnectorMappers = {
    carrier: carrierMapper.withOverrides(options.mappers?.carrier ?? {}),
    paymentMethod: paymentMethodMapper.withOverrides(options.mappers?.paymentMethod ?? {}),
    timeSlot: timeSlotMapper.withOverrides(options.mappers?.timeSlot ?? {}),
  };
  const context = { shopId: options.shopId, mappers, carrierCodes: carrierCodeMapper(options.mappers?.carrier) };

  const reader = createOrderReader<MakeshopWireOrder>({
    mall: 'makeshop',
    operation: 'getOrder',
    orderSchema: makeshopOrderSchema,
    idOf: wireOrderId,
    normalize: (raw, notes) => toOrder(raw, context, notes),
    batchSize: 1,
    fetch: async ([id], call) => ({ orders: id === undefined ? [] : (await client.getOrder(id, call)).orders }),
    redact: redactor.text,
    logger,
  });

  const listOrders = createOrderLister<MakeshopWireOrder, unknown, number, DeliveryStatus | undefined>({
    mall: 'makeshop',
    operation: 'searchOrder',
    capabilities: MAKESHOP_CAPABILITIES.listOrders,
    clock,
    logger,
    inline: true,
    reader,
    entryId: wireOrderId,
    plans: (query) => (options.searchPerDeliveryStatus === false ? [undefined] : deliveryStatusesFor(query.statuses)),
    fetchPage: async ({ window, plan, cursor }, call) => {
      const page = cursor ?? 1;
      const answer = await client.searchOrder(
        {
          startOrderDate: formatJst(window.from, 'compact'),
          endOrderDate: formatJst(window.to, 'compact'),
          ...(plan === undefined ? {} : { deliveryStatus: plan }),
          sortOrder: 'ASC',
          page,
          limit: MAKESHOP_PAGE_LIMIT,
        },
        call,
      );
      // An order found by a delivery-status search is in that status: when makeshop does not send
      // the field itself, the search says it (order.raw then holds it as if sent).
      const entries = plan === undefined ? answer.orders : answer.orders.map((order) => withDeliveryStatus(order, plan));
      return { entries, total: answer.searchedCount, next: page * MAKESHOP_PAGE_LIMIT < answer.searchedCount ? page + 1 : undefined };
    },
  });

  /** Reads orders by id for a batch write, keeping them in `into` (the write needs the destination they resolve). */
  const readStates = async (ids: readonly string[], call: CallOptions, into: Map<string, Order<MakeshopWireOrder>>): Promise<Map<string, Order<MakeshopWireOrder>>> => {
    const { found } = await reader.readByIds(ids, call);
    const readable = new Map([...found].flatMap(([id, outcome]) => (UnreadableOrderError.isInstance(outcome) ? [] : [[id, outcome] as const])));
    for (const [id, order] of readable) into.set(id, order);
    return readable;
  };

  return defineConnector<MakeshopWireOrder, MakeshopWireOrder>({
    mall: 'makeshop',
    shopId: options.shopId,
    capabilities: MAKESHOP_CAPABILITIES,
    clock,
    reader,
    listOrders,
    unsupported: {
      confirmOrders: {
        ja: 'makeshopには注文確認の操作がありません（公開資料に見当たりません）。注文は取得した時点で出荷対象です。',
        en: 'makeshop has no order confirmation (none in the public material): an order is ready to ship once listed.',
      },
    },
    exportShipments: (updates, call) => {
      const planned = planShipments(updates, options.carrierCodes ?? {});
      const states = new Map<string, Order<MakeshopWireOrder>>();
      // The mutation is inferred: when makeshop refuses the document itself, every order would be
      // refused the same way, so the rest of the batch is reported with that error and not sent.
      let refusedDocument: MallkitError | null = null;
      return runBatchWrite<PlannedShipment, Order<MakeshopWireOrder>>({
        mall: 'makeshop',
        operation: 'updateOrderDelivery',
        items: planned,
        idOf: (item) => item.update.orderId,
        batchSize: 1,
        call,
        readStates: (ids, readCall) => readStates(ids, readCall, states),
        stateBatchSize: 1,
        precheck: precheckShipment,
        resolve: resolveShipment,
        refreshBetweenItemsOfOneOrder: true,
        write: async ([item]) => {
          const order = item === undefined ? undefined : states.get(item.update.orderId);
          if (item === undefined || order === undefined) return [];
          if (refusedDocument !== null) return [{ kind: 'failed', error: refusedDocument }];
          try {
            await client.updateOrderDelivery(deliveryUpdateOf(item, order, options.sendShippingMail ?? false), call);
          } catch (error) {
            if (isDocumentRefusal(error)) refusedDocument = error;
            throw error;
          }
          return [{ kind: 'done' }];
        },
      });
    },
    // makeshop keeps payment on the order: the records are read from the orders themselves.
    async *getPayments(query, call): AsyncGenerator<PaymentRecord<MakeshopWireOrder>> {
      const orders = 'orderIds' in query ? await reader.getOrders(query.orderIds, call) : listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call);
      for await (const order of orders) yield toPaymentRecord(order.raw, order.payment.method, order.status.code === 'cancelled');
    },
    async checkCredentials(call) {
      const now = clock.now();
      let refused: 'accessToken' | 'apiKey' | null = null;
      try {
        await client.probe({ startOrderDate: formatJst(now - MINUTE_MS, 'compact'), endOrderDate: formatJst(now, 'compact'), deliveryStatus: 'N', sortOrder: 'ASC', page: 1, limit: 1 }, call);
      } catch (error) {
        if (!CredentialError.isInstance(error)) throw error;
        refused = error.credential === 'apiKey' ? 'apiKey' : 'accessToken';
      }
      const stateOf = (name: 'accessToken' | 'apiKey'): CredentialState | undefined => (refused === null ? undefined : refused === name ? 'invalid' : 'unknown');
      const credential = (name: 'accessToken' | 'apiKey', label: { ja: string; en: string }, renew: { ja: string; en: string }, note: { ja: string; en: string }) => {
        const state = stateOf(name);
        return describeCredential({ name, label, expiresAt: null, source: 'live_check', now, warningDays: options.expiryWarningDays ?? 14, renew, notes: [note], ...(state ? { state } : {}) });
      };
      return credentialReport('makeshop', options.shopId, now, [
        credential('accessToken', { ja: '永続トークン', en: 'persistent token' }, REINSTALL_HINT, {
          ja: '有効期限はありませんが、ショップがアプリをアンインストールすると失効します。',
          en: 'It does not expire, but it is revoked when the shop uninstalls the app.',
        }),
        credential('apiKey', { ja: 'APIキー', en: 'API key' }, API_KEY_HINT, {
          ja: 'テスト環境と本番環境で別のキーです。',
          en: 'The test environment and production have different keys.',
        }),
      ]);
    },
  });
}

/** True when makeshop refused the GraphQL document itself (a field, an argument, its syntax), not one order. */
function isDocumentRefusal(error: unknown): error is MallkitError {
  return InvalidRequestError.isInstance(error) && (error.mallCode === 'GRAPHQL_VALIDATION_FAILED' || error.mallCode === 'GRAPHQL_PARSE_FAILED' || UnknownFieldsError.isInstance(error));
}

/** The order with `deliveryStatus` set from the search that found it, unless makeshop sent one. */
function withDeliveryStatus(order: unknown, status: DeliveryStatus): unknown {
  if (typeof order !== 'object' || order === null || Array.isArray(order)) return order;
  const sent = (order as { deliveryStatus?: unknown }).deliveryStatus;
  return typeof sent === 'string' && sent.trim() !== '' ? order : { ...order, deliveryStatus: status };
}

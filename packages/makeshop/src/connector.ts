import {
  carrierMapper,
  createOrderLister,
  createOrderReader,
  credentialReport,
  CredentialError,
  defineConnector,
  describeCredential,
  formatJst,
  InvalidRequestError,
  liveCheck,
  paymentMethodMapper,
  runBatchWrite,
  timeSlotMapper,
  ValidationError,
  type CallOptions,
  type Capabilities,
  type ConnectorMappers,
  type Hint,
  type MallConnector,
  type Order,
  type MallkitError,
  type OrderOutcome,
  type ParsedShipmentUpdate,
  type PaymentRecord,
  type Verification,
} from '@mallkit/core';
import { withSearchedStatus } from './api/annotations.js';
import type { DeliveryUpdateInput } from './api/documents.js';
import { MAKESHOP_PAGE_LIMIT, MAKESHOP_RATE_PER_SECOND, type DeliveryStatus } from './api/limits.js';
import { makeshopOrderSchema, wireOrderId, type MakeshopWireOrder } from './api/order-schema.js';
import { nextSearchPosition, type SearchPosition } from './api/search-position.js';
import { MAKESHOP_CHANGES } from './change-visibility.js';
import { createMakeshopClient, type MakeshopClient } from './client.js';
import { API_KEY_HINT, REINSTALL_HINT, UnknownFieldsError } from './errors.js';
import { carrierCodeMapper } from './mapping/carrier.js';
import { toOrder } from './mapping/order.js';
import { toPaymentRecord } from './mapping/payment.js';
import { carrierProblem, shipmentDecisions } from './mapping/shipment.js';
import { DELIVERY_STATUS_SEARCH_ORDER, deliveryStatusesFor } from './mapping/status.js';
import { checkMakeshopOptions, type MakeshopConnectorOptions } from './options.js';

/** What public material confirms of makeshop's GraphQL API and what this package infers (see the README's table). */
const VERIFICATION: Verification = {
  operations: {
    // The searchOrder operation and its input are confirmed; the fields an OMS acts on (status, 仮注文, payment, recipient) are inferred.
    listOrders: 'inferred',
    getOrders: 'inferred',
    exportShipments: 'inferred',
    getPayments: 'inferred',
    // A search of the last minute asking for the count: confirmed operation and fields.
    checkCredentials: 'confirmed',
  },
  unverified: [
    'SearchedOrder fields other than displayOrderNumber, orderDate, memberId, sumPrice, senderPrefecture, discountPerTax and deliveryInfos.basketInfos (names inferred from the legacy order API)',
    'orderStatus on the order and its values (legacy 0 キャンセル, 1 通常, 99 仮注文): how the GraphQL API marks a 仮注文',
    'deliveryStatus as an order field (a confirmed search input), and whether SearchOrderRequest may leave it out',
    'paymentStatus, paymentDate and paymentMethodName (legacy payment_status 0/1)',
    'getOrder: searchOrder filtered by displayOrderNumber',
    'updateOrderDelivery: the mutation name and its input (displayOrderNumber, deliveryId, deliveryStatus, carrierCode, slipNumber, shippingDate, sendMail)',
    'slipNumber, carrierCode and shippingDate of a destination (legacy deliverynum, carrier, ship date)',
    'carrier codes 001–031 (legacy API)',
    'error codes and messages (Apollo conventions), including the wording of a revoked token',
    'the rate limit (the legacy API allowed 1 request per second)',
  ],
};

/** What makeshop supports. No confirm step exists (none in the material found); `verification` says what is inferred. */
export const MAKESHOP_CAPABILITIES: Capabilities = {
  // Only the order date is searchable (startOrderDate / endOrderDate); no window or look-back limit is published.
  listOrders: { dateTypes: ['ordered'], maxWindowDays: null, maxLookbackDays: null, pageSize: MAKESHOP_PAGE_LIMIT, detailBatchSize: 1 },
  confirmOrders: null,
  // The inferred mutation takes a ship date (legacy deliver: 発送日).
  exportShipments: { batchSize: 1, sendsShipDate: true },
  getPayments: { byOrderIds: true, byWindow: true },
  defaultRatePerSecond: MAKESHOP_RATE_PER_SECOND,
  verification: VERIFICATION,
  // No update-time search: a sync re-reads the orders placed within a look-back (change-visibility.ts).
  changes: MAKESHOP_CHANGES,
};

/** How sure this package is of each operation against the live API: `MAKESHOP_CAPABILITIES.verification.operations`. */
export const MAKESHOP_VERIFICATION: Verification['operations'] = VERIFICATION.operations;

const MINUTE_MS = 60_000;

/** The capabilities of one connector: its verification also names the inferred fields makeshop refused at run time. */
function capabilitiesOf(client: MakeshopClient): Capabilities {
  return {
    ...MAKESHOP_CAPABILITIES,
    get verification(): Verification {
      const dropped = client.droppedFields();
      if (dropped.length === 0) return VERIFICATION;
      return { ...VERIFICATION, unverified: [...VERIFICATION.unverified, `makeshop does not know the inferred field(s) ${dropped.join(', ')}: no longer asked for, so what they tell is unknown`] };
    },
  };
}

/** True when makeshop refused the GraphQL document itself (a field, an argument, its syntax, the user's variables), not one order. */
function isDocumentRefusal(error: unknown): error is MallkitError {
  if (ValidationError.isInstance(error)) return error.issues.some((issue) => issue.field.startsWith('documents.'));
  return InvalidRequestError.isInstance(error) && (error.mallCode === 'GRAPHQL_VALIDATION_FAILED' || error.mallCode === 'GRAPHQL_PARSE_FAILED' || UnknownFieldsError.isInstance(error));
}

/**
 * Reads one order by number. When makeshop sends no deliveryStatus on its orders (the inferred
 * field was refused, or a replaced document leaves it out), the number is searched in each
 * delivery status until found, so that the search tells the order's status as it does in a
 * listing: up to four more requests. Only with this package's own variables (`searchStatusTrusted`):
 * replaced variables may not pass the status on, and the search would then find the order in any.
 */
async function readOrder(client: MakeshopClient, displayOrderNumber: string, call: CallOptions, searchStatusTrusted: boolean): Promise<readonly unknown[]> {
  const sendsStatus = !client.droppedFields().includes('deliveryStatus');
  if (sendsStatus || !searchStatusTrusted) {
    const { orders } = await client.getOrder({ displayOrderNumber }, call);
    const [first] = orders;
    if (!searchStatusTrusted || first === undefined || (typeof first === 'object' && first !== null && 'deliveryStatus' in first)) return orders;
  }
  for (const status of DELIVERY_STATUS_SEARCH_ORDER) {
    const { orders } = await client.getOrder({ displayOrderNumber, deliveryStatus: status }, call);
    if (orders.length > 0) return orders.map((order) => withSearchedStatus(order, status));
  }
  return [];
}

/** The live credential check: a search of the last minute, and which credential makeshop refused, if any. */
async function checkCredentials(client: MakeshopClient, options: MakeshopConnectorOptions, call: CallOptions) {
  const now = client.mall.clock.now();
  let refused: 'accessToken' | 'apiKey' | null = null;
  const live = await liveCheck(async () => {
    try {
      await client.probe({ startOrderDate: formatJst(now - MINUTE_MS, 'compact'), endOrderDate: formatJst(now, 'compact'), deliveryStatus: 'N', sortOrder: 'ASC', page: 1, limit: 1 }, call);
    } catch (error) {
      if (CredentialError.isInstance(error)) refused = error.credential === 'apiKey' ? 'apiKey' : 'accessToken';
      throw error;
    }
  });
  const credential = (name: 'accessToken' | 'apiKey', label: Hint, renew: Hint, note: Hint) => {
    // The credential makeshop named is invalid; the other one is unknown (the call never reached it).
    const state = live.state === 'valid' ? undefined : refused === name ? 'invalid' : 'unknown';
    const notes = [note, ...(live.note && state !== undefined ? [live.note] : [])];
    return describeCredential({ name, label, expiresAt: null, source: 'live_check', now, warningDays: options.expiryWarningDays ?? 14, renew, notes, ...(state ? { state } : {}) });
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
}

/** Creates the makeshop connector of one shop: listOrders, getOrders, exportShipments, getPayments, checkCredentials. */
/** A makeshop order as the connector yields it: `raw` is the parsed {@link MakeshopWireOrder}, where a misspelt field does not compile. */
export type MakeshopOrder = Order<MakeshopWireOrder>;

export function createMakeshopConnector(options: MakeshopConnectorOptions): MallConnector<MakeshopWireOrder, MakeshopWireOrder> {
  const url = checkMakeshopOptions(options);
  const client = createMakeshopClient(options, url);
  const { clock, logger, redactor } = client.mall;
  const mappers: ConnectorMappers = {
    carrier: carrierMapper.withOverrides(options.mappers?.carrier ?? {}),
    paymentMethod: paymentMethodMapper.withOverrides(options.mappers?.paymentMethod ?? {}),
    timeSlot: timeSlotMapper.withOverrides(options.mappers?.timeSlot ?? {}),
  };
  const context = { shopId: options.shopId, mappers, carrierCodes: carrierCodeMapper(options.mappers?.carrier), readyWhenPaymentUnknown: options.readyWhenPaymentUnknown ?? false };
  const carrierCodes = options.carrierCodes ?? {};
  const decisions = shipmentDecisions({ carrierCodes, sendMail: options.sendShippingMail ?? false, replaceTrackingNumbers: options.replaceTrackingNumbers ?? false });

  const reader = createOrderReader<MakeshopWireOrder>({
    mall: 'makeshop',
    operation: 'getOrder',
    orderSchema: makeshopOrderSchema,
    idOf: wireOrderId,
    normalize: (raw, notes) => toOrder(raw, context, notes),
    batchSize: 1,
    fetch: async ([id], call) => ({ orders: id === undefined ? [] : await readOrder(client, id, call, options.documents?.getOrder?.variables === undefined) }),
    redact: redactor.text,
    logger,
  });

  const searchStatusTrusted = options.documents?.searchOrder?.variables === undefined;
  const listOrders = createOrderLister<MakeshopWireOrder, unknown, SearchPosition, DeliveryStatus | undefined>({
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
      // Pages follow the order date (search-position.ts), so that orders changing status while the search pages are never skipped.
      const position = cursor ?? { start: formatJst(window.from, 'compact'), page: 1 };
      const answer = await client.searchOrder(
        {
          startOrderDate: position.start,
          endOrderDate: formatJst(window.to, 'compact'),
          ...(plan === undefined ? {} : { deliveryStatus: plan }),
          sortOrder: 'ASC',
          page: position.page,
          limit: MAKESHOP_PAGE_LIMIT,
        },
        call,
      );
      // Each order found by a delivery-status search carries that status beside it (not in its raw fields);
      // not with replaced variables, which may not pass the status on (every order would then look like the first plan's).
      const entries = plan === undefined || !searchStatusTrusted ? answer.orders : answer.orders.map((order) => withSearchedStatus(order, plan));
      return { entries, total: answer.searchedCount, next: nextSearchPosition(position, answer, MAKESHOP_PAGE_LIMIT) };
    },
  });

  return defineConnector<MakeshopWireOrder, MakeshopWireOrder>({
    mall: 'makeshop',
    shopId: options.shopId,
    capabilities: capabilitiesOf(client),
    clock,
    reader,
    listOrders,
    unsupported: {
      confirmOrders: {
        ja: 'makeshopには注文確認の操作がありません（公開資料に見当たりません）。出荷してよいかは注文の状態（ready_to_ship）と警告で判断してください（仮注文・未入金は出荷しないでください）。',
        en: 'makeshop has no order confirmation (none in the public material). Decide what to ship from the order status (ready_to_ship) and its warnings; never ship a 仮注文 or an unpaid pay-first order.',
      },
    },
    shipmentRules: { carrierProblem: carrierProblem(carrierCodes), lineItems: false },
    exportShipments: (updates, call) =>
      runBatchWrite<ParsedShipmentUpdate, OrderOutcome<MakeshopWireOrder>, DeliveryUpdateInput>({
        mall: 'makeshop',
        operation: 'updateOrderDelivery',
        items: updates,
        idOf: (update) => update.orderId,
        batchSize: 1,
        call,
        // The normalized orders (status, destinations, recorded numbers), unreadable ones as their error.
        readStates: async (ids, readCall) => (await reader.readByIds(ids, readCall)).found,
        stateBatchSize: 1,
        precheck: (update, order) => decisions.precheck(update, order),
        resolve: (update, order, doubt, plan) => decisions.resolve(update, order, doubt, plan),
        refreshBetweenItemsOfOneOrder: true,
        write: async ([update], writeCall, { planOf }) => {
          const plan = update === undefined ? undefined : planOf(update);
          if (plan === undefined) return [];
          try {
            await client.updateOrderDelivery(plan, writeCall);
          } catch (error) {
            // makeshop refused the (inferred) document itself: every further order would be refused the same way.
            if (isDocumentRefusal(error)) return [{ kind: 'failed', error, stop: true }];
            throw error;
          }
          return [{ kind: 'done' }];
        },
      }),
    // makeshop keeps payment on the order: the records are read from the orders themselves.
    async *getPayments(query, call): AsyncGenerator<PaymentRecord<MakeshopWireOrder>> {
      const orders = 'orderIds' in query ? await reader.getOrders(query.orderIds, call) : listOrders({ from: query.from, ...(query.to ? { to: query.to } : {}) }, call);
      for await (const order of orders) yield toPaymentRecord(order.raw, order.payment.method, order.status.code === 'cancelled');
    },
    checkCredentials: (call) => checkCredentials(client, options, call),
  });
}

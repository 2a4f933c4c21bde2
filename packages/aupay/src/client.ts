import {
  MallUnavailableError,
  MallkitError,
  NetworkError,
  TimeoutError,
  UnreadableOrderError,
  asArray,
  createMallClient,
  isConnectorWide,
  parseTolerant,
  type CallOptions,
  type MallClient,
} from '@mallkit/core';
import { aupayOrderStateSchema, type AupayOrderState } from './api/order-info.js';
import { searchTradeInfo, searchTradeInfoList, searchTradeNoList, type OrderPageAnswer } from './api/search.js';
import { AUPAY_RATE_PER_SECOND } from './api/limits.js';
import { updateTradeInfo, updateTradeStatus } from './api/update.js';
import { apiKeyLimiterKey, bearerHeaders } from './auth.js';
import { createAupayClassifier } from './errors.js';
import { parseAupayOptions, type AupayConnectorOptions, type AupaySettings } from './options.js';

/** One page of an order-date search, as the connector asks for it. */
export interface OrderPageRequest {
  /** First and last order day, `YYYYMMDD` (JST), inclusive. */
  readonly startDate: string;
  /** Last order day, `YYYYMMDD` (JST), inclusive. */
  readonly endDate: string;
  /** 1-based position of the page's first order. */
  readonly startCount: number;
  /** Only this status (Japanese name or a shop status). */
  readonly orderStatus?: string;
}

/** A page of orders: the wire orders (each checked later on its own) and the counts au PAY gave. */
export interface OrderPage {
  /** The page's orders as sent, each to be checked on its own. */
  readonly orders: readonly unknown[];
  /** Orders in this page, as au PAY counted them (resultCount), or the number of orders received. */
  readonly resultCount: number;
  /** Orders the search holds, when au PAY says (maxCount); null otherwise. */
  readonly maxCount: number | null;
}

/** A shipment as au PAY takes it. */
export interface ShippingData {
  /** The order shipped. */
  readonly orderId: string;
  /** Already formatted by the connector's ship-date formatter. */
  readonly shippingDate: string;
  /** au PAY's carrier code (1, 2, 4, 5, 6, 9). */
  readonly shippingCarrier: string;
  /** The tracking number. */
  readonly shippingNumber: string;
}

/** The state of an order as a write reads it: its fields, or why they could not be read. */
export type OrderStateRead = { readonly kind: 'read'; readonly order: AupayOrderState } | { readonly kind: 'unreadable'; readonly error: MallkitError };

/** The raw Wow!manager client of one shop: one method per endpoint, through one pipeline. */
export interface AupayClient {
  /** The kit's client underneath: throttle, auth, retries, error table, redaction. */
  readonly transport: MallClient;
  /** The checked options. */
  readonly settings: AupaySettings;
  /** One page of searchTradeInfoListProc. */
  searchOrders(request: OrderPageRequest, call?: CallOptions): Promise<OrderPage>;
  /** The order ids of a search (searchTradeNoListProc); answers with the result only. */
  probeOrders(request: OrderPageRequest, call?: CallOptions): Promise<void>;
  /** One order by id (searchTradeInfoProc): the wire order, or null when au PAY does not know it. */
  getOrder(orderId: string, call?: CallOptions): Promise<unknown>;
  /**
   * Reads the fields writes decide on, order by order (searchTradeInfoProc); ids au PAY does not
   * know are absent. One order whose answer au PAY refuses or garbles is `unreadable`; an outage
   * or a connector-wide refusal is thrown, so that a batch stops instead of failing order after order.
   */
  readStates(ids: readonly string[], call?: CallOptions): Promise<Map<string, OrderStateRead>>;
  /** Moves an order to a status (updateTradeStsProc). */
  updateStatus(orderId: string, orderStatus: string, call?: CallOptions): Promise<void>;
  /** Writes ship date, carrier and tracking number (updateTradeInfoProc). */
  updateShipping(data: ShippingData, call?: CallOptions): Promise<void>;
}

function count(value: string | undefined): number | null {
  const parsed = Number(value?.trim() ?? '');
  return value !== undefined && value.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : null;
}

/** True for an `orderInfo` that holds something: au PAY answers an unknown id with an empty element. */
function isPresent(order: unknown): boolean {
  if (order === undefined || order === null || order === '') return false;
  return typeof order !== 'object' || Object.keys(order).length > 0;
}

/** True for failures of the mall as a whole (unreachable, down). */
function isOutage(error: unknown): boolean {
  return NetworkError.isInstance(error) || TimeoutError.isInstance(error) || MallUnavailableError.isInstance(error);
}

function pageOf(answer: OrderPageAnswer): OrderPage {
  const orders = asArray(answer.response.orderInfo).filter(isPresent);
  return { orders, resultCount: count(answer.response.resultCount) ?? orders.length, maxCount: count(answer.response.maxCount) };
}

/**
 * Creates the raw client of one shop. The options are checked first (ValidationError naming the
 * option); the API key is registered as a secret, so it never appears in an error, log or hook.
 */
export function createAupayClient(options: AupayConnectorOptions): AupayClient {
  const { settings, apiKey } = parseAupayOptions(options);
  const { shopId } = settings;
  const clock = options.clock;
  const transport = createMallClient({
    mall: 'aupay',
    options: { ...options, shopId, baseUrl: settings.baseUrl },
    baseUrl: settings.baseUrl,
    secrets: [apiKey],
    limiterKey: apiKeyLimiterKey(apiKey),
    defaultRate: { limit: AUPAY_RATE_PER_SECOND, intervalMs: 1000 },
    classify: createAupayClassifier({ keyExpiresAt: settings.keyExpiresAt, now: () => (clock ? clock.now() : Date.now()) }),
    authorize: bearerHeaders(apiKey),
  });
  const totalCount = settings.pageSize;
  const getOrder = async (orderId: string, call?: CallOptions): Promise<unknown> => {
    const answer = await transport.call(searchTradeInfo, { shopId, orderId }, call);
    return asArray(answer.response.orderInfo).find(isPresent) ?? null;
  };

  return {
    transport,
    settings,
    async searchOrders(request, call) {
      return pageOf(await transport.call(searchTradeInfoList, { shopId, totalCount, ...request }, call));
    },
    async probeOrders(request, call) {
      await transport.call(searchTradeNoList, { shopId, totalCount: 1, ...request }, call);
    },
    getOrder,
    async readStates(ids, call) {
      const states = new Map<string, OrderStateRead>();
      for (const id of ids) {
        try {
          const wire = await getOrder(id, call);
          if (wire === null) continue;
          const parsed = parseTolerant(aupayOrderStateSchema, wire);
          const unreadable = new UnreadableOrderError(`aupay: order ${id} could not be read before writing`, { mall: 'aupay', operation: 'searchTradeInfoProc', orderId: id });
          states.set(id, parsed.success ? { kind: 'read', order: parsed.data } : { kind: 'unreadable', error: unreadable });
        } catch (error) {
          if (!MallkitError.isInstance(error) || isConnectorWide(error) || isOutage(error)) throw error;
          states.set(id, { kind: 'unreadable', error });
        }
      }
      return states;
    },
    async updateStatus(orderId, orderStatus, call) {
      await transport.call(updateTradeStatus, { shopId, orderId, orderStatus }, call);
    },
    async updateShipping(data, call) {
      await transport.call(updateTradeInfo, { shopId, ...data }, call);
    },
  };
}

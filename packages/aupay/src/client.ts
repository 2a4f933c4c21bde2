import { asArray, createMallClient, createRedactor, type CallOptions, type MallClient } from '@mallkit/core';
import { AUPAY_RATE_PER_SECOND } from './api/limits.js';
import { searchTradeInfo, searchTradeInfoList, searchTradeNoList, type OrderPageAnswer } from './api/search.js';
import { updateTradeInfo, updateTradeStatus } from './api/update.js';
import { apiKeyLimiterKey, bearerHeaders } from './auth.js';
import { createAupayClassifier } from './errors.js';
import { parseAupayOptions, type AupayConnectorOptions, type AupaySettings } from './options.js';

/** One page of an order-date search, as the connector asks for it. */
export interface OrderPageRequest {
  /** First order day, `YYYYMMDD` (JST), inclusive. */
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
  /** Orders the whole search holds, when au PAY says so (maxCount, or another total field); null otherwise. */
  readonly total: number | null;
  /** The page size that was asked for (`totalCount`). */
  readonly requested: number;
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
  /** Moves an order to a status (updateTradeStsProc). */
  updateStatus(orderId: string, orderStatus: string, call?: CallOptions): Promise<void>;
  /** Writes ship date, carrier and tracking number (updateTradeInfoProc). */
  updateShipping(data: ShippingData, call?: CallOptions): Promise<void>;
}

function count(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  const parsed = Number(text);
  return text !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : null;
}

/** True for an `orderInfo` that holds something: au PAY answers an unknown id with an empty element. */
function isPresent(order: unknown): boolean {
  if (order === undefined || order === null || order === '') return false;
  return typeof order !== 'object' || Object.keys(order).length > 0;
}

/**
 * The search's total, when the answer gives one: `maxCount` (the item API's name for it), else
 * `totalResultsAvailable`, else a top-level `totalCount` — except a totalCount equal to the page
 * size asked for, which may be the request's own parameter echoed back, not a total (the names are
 * the same; taking an echo as the total would end a listing after its first full page).
 */
export function totalOf(answer: OrderPageAnswer, requested: number): number | null {
  const { maxCount, totalResultsAvailable, totalCount } = answer.response;
  const echoed = count(totalCount);
  return count(maxCount) ?? count(totalResultsAvailable) ?? (echoed === requested ? null : echoed);
}

function pageOf(answer: OrderPageAnswer, requested: number): OrderPage {
  const orders = asArray(answer.response.orderInfo).filter(isPresent);
  return { orders, resultCount: count(answer.response.resultCount) ?? orders.length, total: totalOf(answer, requested), requested };
}

/**
 * Creates the raw client of one shop. The options are checked first (ValidationError naming the
 * option); the API key is registered as a secret, so it never appears in an error, log or hook.
 */
export function createAupayClient(options: AupayConnectorOptions): AupayClient {
  const { settings, apiKey } = parseAupayOptions(options);
  const { shopId } = settings;
  const transport = createMallClient({
    mall: 'aupay',
    options: { ...options, shopId, baseUrl: settings.baseUrl },
    baseUrl: settings.baseUrl,
    secrets: [apiKey],
    limiterKey: apiKeyLimiterKey(apiKey),
    defaultRate: { limit: AUPAY_RATE_PER_SECOND, intervalMs: 1000 },
    // The error table builds excerpts before the pipeline sees the error: it masks the key itself,
    // whatever its shape (core's default patterns only know common token shapes).
    classify: createAupayClassifier({ keyExpiresAt: settings.keyExpiresAt, redact: createRedactor([apiKey]).text }),
    authorize: bearerHeaders(apiKey),
  });
  const pageSize = settings.pageSize;

  return {
    transport,
    settings,
    async searchOrders(request, call) {
      return pageOf(await transport.call(searchTradeInfoList, { shopId, totalCount: pageSize, ...request }, call), pageSize);
    },
    async probeOrders(request, call) {
      await transport.call(searchTradeNoList, { shopId, totalCount: 1, ...request }, call);
    },
    async getOrder(orderId, call) {
      const answer = await transport.call(searchTradeInfo, { shopId, orderId }, call);
      return asArray(answer.response.orderInfo).find(isPresent) ?? null;
    },
    async updateStatus(orderId, orderStatus, call) {
      await transport.call(updateTradeStatus, { shopId, orderId, orderStatus }, call);
    },
    async updateShipping(data, call) {
      await transport.call(updateTradeInfo, { shopId, ...data }, call);
    },
  };
}

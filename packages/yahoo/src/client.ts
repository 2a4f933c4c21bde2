import {
  createMallClient,
  credentialKey,
  describeIssue,
  CredentialError,
  orderIdSchema,
  parseCallOptions,
  parseInput,
  parseTolerant,
  systemClock,
  unreadableOrder,
  type CallOptions,
  type Endpoint,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type MallClient,
  type Redactor,
} from '@mallkit/core';
import type { z } from 'zod';
import { ORDER_INFO_FIELD_LIST } from './api/fields.js';
import {
  orderChangeEndpoint,
  orderChangeSchema,
  orderPayStatusChangeEndpoint,
  orderPayStatusChangeSchema,
  orderShipStatusChangeEndpoint,
  orderShipStatusChangeSchema,
  orderStatusChangeEndpoint,
  orderStatusChangeSchema,
  type ChangeAnswer,
  type OrderChange,
  type OrderPayStatusChange,
  type OrderShipStatusChange,
  type OrderStatusChange,
} from './api/order-change.js';
import { orderInfoEndpoint, orderInfoFieldsSchema, orderInfoSchema, unreadableAnswerWire, type YahooOrderInfo } from './api/order-info.js';
import { orderListEndpoint, orderListRequestSchema, toListEntry, type OrderListRequest, type YahooOrderListEntry } from './api/order-list.js';
import { TOKEN_OPERATION, tokenRefreshEndpoint } from './api/token.js';
import { toWarnings, type YahooWarning } from './api/wire.js';
import { createPublicKeySigner } from './auth/public-key.js';
import { createYahooSession, type YahooSession } from './auth/session.js';
import { toTokenSet, YCONNECT_TOKEN_URL } from './auth/yconnect.js';
import { createYahooClassifier } from './errors.js';
import { resolveYahooOptions, YAHOO_RATE, type ResolvedYahooOptions, type YahooConnectorOptions } from './options.js';

/** One orderList page. */
export interface OrderListPage {
  /** How many orders the whole search matches (not the page size). */
  readonly totalCount: number;
  /** The page's entries, with the fields asked for. */
  readonly orders: readonly YahooOrderListEntry[];
}

/** The answer of a change API: it went through, with these warnings. */
export interface ChangeResult {
  /** Yahoo's warnings (od91113 売上確定済み…); the change was made all the same. */
  readonly warnings: readonly YahooWarning[];
}

/** An orderInfo `<OrderInfo>` as sent, before any check: its fields depend on the `<Field>` list asked. */
export type YahooWireOrder = Readonly<Record<string, unknown>>;

/**
 * The raw Yahoo client: one method per order API, XML in and typed objects out, with auth,
 * 公開鍵 signature, throttle (1 req/s per API path), retries and the error table applied.
 * Every input is checked before anything is sent.
 */
export interface YahooClient {
  /** The store account the client speaks for. */
  readonly sellerId: string;
  /** The YConnect session: access tokens, the refresh token's expiry, the 公開鍵 verdict. */
  readonly session: YahooSession;
  /** Masks the store's secrets (the client secret, refresh and access tokens) in any text. */
  readonly redactor: Redactor;
  /** Where the client logs (the connector's `logger` option). */
  readonly logger: Logger;
  /** orderList (注文検索API): one page. */
  orderList(request: OrderListRequest, call?: CallOptions): Promise<OrderListPage>;
  /**
   * orderInfo (注文詳細API) with the whole field catalogue: the order, or null when Yahoo has none.
   * An order that does not have the documented shape throws UnreadableOrderError.
   */
  orderInfo(orderId: string, call?: CallOptions): Promise<YahooOrderInfo | null>;
  /** orderInfo with your own `<Field>` list (≤ 10,000 bytes): the order as sent, unchecked, or null. */
  orderInfoFields(orderId: string, fields: readonly string[], call?: CallOptions): Promise<YahooWireOrder | null>;
  /** orderChange (注文内容変更API), for what mallkit changes with it: marking an order seen (how confirmOrders confirms). */
  orderChange(change: OrderChange, call?: CallOptions): Promise<ChangeResult>;
  /** orderStatusChange (注文ステータス変更API). */
  orderStatusChange(change: OrderStatusChange, call?: CallOptions): Promise<ChangeResult>;
  /** orderShipStatusChange (出荷ステータス変更API). */
  orderShipStatusChange(change: OrderShipStatusChange, call?: CallOptions): Promise<ChangeResult>;
  /** orderPayStatusChange (入金ステータス変更API), for methods the shop manages (bank transfer, store-defined). */
  orderPayStatusChange(change: OrderPayStatusChange, call?: CallOptions): Promise<ChangeResult>;
}

/** The client and what the connector shares with it: core's mall client (clock, logger, redactor), the checked options. */
export interface YahooClientParts {
  readonly client: YahooClient;
  readonly mallClient: MallClient;
  readonly options: ResolvedYahooOptions;
  /**
   * orderInfo with the fields the mapping reads (plus `extraOrderInfoFields`), for the kit's reader: the orders of the answer as sent (0 or
   * 1), checked one by one later. An answer about this order that stays unreadable after the
   * retries is handed on as that order's text (see unreadableAnswerWire), so that it fails alone.
   */
  orderDetail(orderId: string, call: CallOptions): Promise<readonly unknown[]>;
}

/** Unreadable orderInfo answers in a row after which it is the mall that is broken, not one order: the error is thrown. */
const UNREADABLE_ANSWERS_IN_A_ROW = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the client and the parts the connector uses. The options and the public key are checked here. */
export function createYahooClientParts(userOptions: YahooConnectorOptions): YahooClientParts {
  const options = resolveYahooOptions(userOptions);
  const { sellerId } = options;
  const signer = createPublicKeySigner(userOptions.publicKey, userOptions.publicKeyVersion);
  const storeKey = credentialKey('yahoo', options.clientId, sellerId);
  const tokenEndpoint = tokenRefreshEndpoint(userOptions.tokenUrl ?? YCONNECT_TOKEN_URL, options.clientId, options.clientSecret);
  const clock = userOptions.clock ?? systemClock;
  const tokenUsed = new WeakMap<HttpRequest, string>();
  let warnedUnsigned = false;

  const session = createYahooSession({
    cacheKey: storeKey,
    refreshToken: options.refreshToken,
    authorizedAt: options.authorizedAt,
    signed: signer !== null,
    clock,
    ...(userOptions.tokenStore ? { store: userOptions.tokenStore } : {}),
    ...(userOptions.onRefresh ? { onRefresh: userOptions.onRefresh } : {}),
    onSecret: (value) => mallClient.redactor.add(value),
    refresh: async (refreshToken, signal) => toTokenSet(await mallClient.call(tokenEndpoint, refreshToken, signal ? { signal } : {}), clock.now()),
  });

  // The signature carries the time: the connector's clock keeps it in step with a sandbox's.
  const signature = (): Record<string, string> => (signer ? signer.headers(sellerId, clock.now() / 1000) : {});

  const mallClient: MallClient = createMallClient({
    mall: 'yahoo',
    options: userOptions,
    baseUrl: options.baseUrl,
    secrets: [options.clientSecret, options.refreshToken],
    limiterKey: storeKey,
    defaultRate: YAHOO_RATE,
    classify: createYahooClassifier((text) => mallClient.redactor.text(text)),
    async authorize(request, signal) {
      // Integrators also sign the refresh; it is harmless and may matter for the 4-week session.
      if (request.operation === TOKEN_OPERATION) return signature();
      const accessToken = await session.tokens.get(signal);
      tokenUsed.set(request, accessToken);
      return { Authorization: `Bearer ${accessToken}`, ...signature() };
    },
    async onCredentialRejected(error, request) {
      // Only an expired access token is cured by a refresh; px-04102 and the rest need the shop.
      if (request.operation === TOKEN_OPERATION || error.credential !== 'accessToken') return false;
      const used = tokenUsed.get(request);
      if (used) await session.tokens.invalidate(used);
      await session.tokens.get();
      return true;
    },
    onAnswer(response: HttpResponse, request: HttpRequest) {
      if (request.operation === TOKEN_OPERATION) return;
      session.clearRejection('refreshToken');
      session.clearRejection('accessToken');
      if (!session.observeAuthorizeStatus(response.headers.get('x-sws-authorize-status')) || warnedUnsigned) return;
      warnedUnsigned = true;
      const verdict = session.publicKey;
      mallClient.logger.warn(
        'yahoo: 公開鍵認証 was not accepted (X-SWS-Authorize-Status is not "authorized"): the session is now limited to 12 hours. Check the public key and its version in ストアクリエイターPro 「設定 > 暗号鍵管理」.',
        { operation: request.operation, authorizeStatus: verdict.status === 'rejected' ? verdict.value : null },
      );
    },
  });

  /** Sends one endpoint call (its call options checked first); a refused credential is remembered for the credential report. */
  async function send<Input, Answer>(endpoint: Endpoint<Input, Answer>, input: Input, call: CallOptions = {}): Promise<Answer> {
    const checked = parseCallOptions(call, { mall: 'yahoo', operation: endpoint.operation });
    try {
      return await mallClient.call(endpoint, input, checked);
    } catch (error) {
      if (CredentialError.isInstance(error)) session.reject(error);
      throw error;
    }
  }

  const readOrderInfo = async (orderId: string, fields: string, call: CallOptions): Promise<readonly unknown[]> => {
    const answer = await send(orderInfoEndpoint, { sellerId, orderId, fields }, call);
    return answer.ResultSet.Result?.OrderInfo ?? [];
  };

  let unreadableInARow = 0;
  const orderDetail = async (orderId: string, call: CallOptions): Promise<readonly unknown[]> => {
    try {
      // Only what the mapping reads (plus extraOrderInfoFields): the raw client's orderInfo asks for everything.
      const orders = await readOrderInfo(orderId, options.orderInfoFields, call);
      unreadableInARow = 0;
      return orders;
    } catch (error) {
      const wire = unreadableAnswerWire(error, orderId);
      unreadableInARow = wire === null ? 0 : unreadableInARow + 1;
      if (wire === null || unreadableInARow > UNREADABLE_ANSWERS_IN_A_ROW) throw error;
      mallClient.logger.warn(`yahoo orderInfo: the answer for order ${orderId} stayed unreadable; it is reported as that order's error`, { orderId, error: String(error) });
      return [wire];
    }
  };

  const check = <S extends z.ZodType>(schema: S, input: unknown, root: string, operation: string): z.output<S> =>
    parseInput(schema, input, root, { mall: 'yahoo', operation });

  const change = async <T extends { readonly operationUser?: string | undefined }>(
    endpoint: Endpoint<{ sellerId: string; change: T }, ChangeAnswer>,
    input: T,
    call: CallOptions | undefined,
  ): Promise<ChangeResult> => {
    const withUser = input.operationUser !== undefined || options.operationUser === undefined ? input : { ...input, operationUser: options.operationUser };
    const answer = await send(endpoint, { sellerId, change: withUser }, call);
    return { warnings: toWarnings(answer.ResultSet.Result?.Warning) };
  };

  const client: YahooClient = {
    sellerId,
    session,
    redactor: mallClient.redactor,
    logger: mallClient.logger,
    async orderList(request, call) {
      const search = check(orderListRequestSchema, request, 'request', 'orderList');
      const answer = await send(orderListEndpoint, { sellerId, search }, call);
      const found = answer.Result.Search;
      return { totalCount: Number(found?.TotalCount ?? '0'), orders: (found?.OrderInfo ?? []).filter(isRecord).map(toListEntry) };
    },
    async orderInfo(orderId, call = {}) {
      const [wire] = await readOrderInfo(check(orderIdSchema, orderId, 'orderId', 'orderInfo'), ORDER_INFO_FIELD_LIST, call);
      if (wire === undefined) return null;
      const parsed = parseTolerant(orderInfoSchema, wire);
      if (parsed.success) return parsed.data;
      throw unreadableOrder(wire, orderId, describeIssue(parsed.error), { mall: 'yahoo', operation: 'orderInfo', redact: mallClient.redactor.text });
    },
    async orderInfoFields(orderId, fields, call = {}) {
      const list = check(orderInfoFieldsSchema, fields, 'fields', 'orderInfo').join(',');
      const [wire] = await readOrderInfo(check(orderIdSchema, orderId, 'orderId', 'orderInfo'), list, call);
      return isRecord(wire) ? wire : null;
    },
    orderChange: async (input, call) => change(orderChangeEndpoint, check(orderChangeSchema, input, 'change', 'orderChange'), call),
    orderStatusChange: async (input, call) => change(orderStatusChangeEndpoint, check(orderStatusChangeSchema, input, 'change', 'orderStatusChange'), call),
    orderShipStatusChange: async (input, call) => change(orderShipStatusChangeEndpoint, check(orderShipStatusChangeSchema, input, 'change', 'orderShipStatusChange'), call),
    orderPayStatusChange: async (input, call) => change(orderPayStatusChangeEndpoint, check(orderPayStatusChangeSchema, input, 'change', 'orderPayStatusChange'), call),
  };

  return { client, mallClient, options, orderDetail };
}

/** Creates the raw client. The options, the public key and its version are checked here, before anything is sent. */
export function createYahooClient(options: YahooConnectorOptions): YahooClient {
  return createYahooClientParts(options).client;
}

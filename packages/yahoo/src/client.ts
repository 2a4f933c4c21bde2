import {
  CredentialError,
  ResponseFormatError,
  createHttpPipeline,
  createRedactor,
  credentialKey,
  defaultLogger,
  resolveLimiter,
  systemClock,
  type CallOptions,
  type HttpPipeline,
  type HttpRequest,
  type HttpResponse,
  type Logger,
  type Redactor,
  toEpochJst,
} from '@mallkit/core';
import type { z } from 'zod';
import { buildOrderInfoRequest, orderInfoResponseSchema, ORDER_INFO_PATH, type YahooOrderInfo } from './api/order-info.js';
import {
  buildOrderListRequest,
  orderListResponseSchema,
  ORDER_LIST_PATH,
  type OrderListRequest,
  type YahooOrderListEntry,
} from './api/order-list.js';
import {
  buildOrderPayStatusChangeRequest,
  buildOrderShipStatusChangeRequest,
  buildOrderStatusChangeRequest,
  changeResponseSchema,
  ORDER_PAY_STATUS_CHANGE_PATH,
  ORDER_SHIP_STATUS_CHANGE_PATH,
  ORDER_STATUS_CHANGE_PATH,
  type OrderPayStatusChange,
  type OrderShipStatusChange,
  type OrderStatusChange,
} from './api/order-change.js';
import { parseYahooXml, toWarnings, type YahooWarning } from './api/wire.js';
import { createPublicKeySigner, type PublicKeySigner } from './auth/public-key.js';
import { createYahooSession, type YahooSession } from './auth/session.js';
import { readTokenAnswer, tokenRequest, YCONNECT_TOKEN_URL } from './auth/yconnect.js';
import { createYahooClassifier, TOKEN_OPERATION } from './errors.js';
import { YAHOO_PRODUCTION_BASE_URL, YAHOO_TEST_BASE_URL, type YahooConnectorOptions } from './options.js';

/** Yahoo's documented rate: 1 request per second per API (URL). */
export const YAHOO_DEFAULT_RATE = { limit: 1, intervalMs: 1000 } as const;

/** One orderList page. */
export interface OrderListPage {
  readonly totalCount: number;
  readonly orders: readonly YahooOrderListEntry[];
}

/** The answer of a change API: it went through, with these warnings. */
export interface ChangeResult {
  readonly warnings: readonly YahooWarning[];
}

/**
 * The raw Yahoo client: one method per order API, XML in and typed objects out, with auth,
 * 公開鍵 signature, throttle (1 req/s per API path), retries and the error table applied.
 */
export interface YahooClient {
  readonly sellerId: string;
  readonly session: YahooSession;
  readonly redactor: Redactor;
  readonly logger: Logger;
  /** orderList (注文検索API): one page. */
  orderList(request: OrderListRequest, call?: CallOptions): Promise<OrderListPage>;
  /** orderInfo (注文詳細API): one order, or null when Yahoo has no such order. `fields` defaults to the catalogue. */
  orderInfo(orderId: string, call?: CallOptions, fields?: string): Promise<YahooOrderInfo | null>;
  /** orderStatusChange (注文ステータス変更API). */
  orderStatusChange(change: OrderStatusChange, call?: CallOptions): Promise<ChangeResult>;
  /** orderShipStatusChange (出荷ステータス変更API). */
  orderShipStatusChange(change: OrderShipStatusChange, call?: CallOptions): Promise<ChangeResult>;
  /** orderPayStatusChange (入金ステータス変更API), for methods the shop manages (bank transfer, store-defined). */
  orderPayStatusChange(change: OrderPayStatusChange, call?: CallOptions): Promise<ChangeResult>;
}

/** Creates the raw client. The public key and its version are validated here, before anything is sent. */
export function createYahooClient(options: YahooConnectorOptions): YahooClient {
  const signer: PublicKeySigner | null = createPublicKeySigner(options.publicKey, options.publicKeyVersion);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const redactor = createRedactor([options.clientSecret, options.refreshToken]);
  const storeKey = credentialKey('yahoo', options.clientId, options.sellerId);
  const baseUrl = options.baseUrl ?? (options.sellerId.startsWith('snbx-') ? YAHOO_TEST_BASE_URL : YAHOO_PRODUCTION_BASE_URL);
  const tokenUrl = options.tokenUrl ?? YCONNECT_TOKEN_URL;
  const sellerId = options.sellerId;
  // The signature carries the time; the connector's clock keeps it in step with a sandbox's.
  const signatureHeaders = (): Record<string, string> => (signer ? signer.headers(sellerId, clock.now() / 1000) : {});

  const tokenUsed = new WeakMap<HttpRequest, string>();

  const session = createYahooSession({
    cacheKey: storeKey,
    refreshToken: options.refreshToken,
    authorizedAt: options.authorizedAt === undefined ? null : toEpochJst(options.authorizedAt),
    signed: signer !== null,
    clock,
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
    ...(options.onRefresh ? { onRefresh: options.onRefresh } : {}),
    onSecret: (value) => redactor.add(value),
    async refresh(refreshToken, signal) {
      const { body, headers } = tokenRequest(options.clientId, options.clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken });
      const response = await pipeline.send(
        // Safe to repeat: Yahoo keeps the refresh token string across refreshes.
        { operation: TOKEN_OPERATION, method: 'POST', path: tokenUrl, body, headers, idempotent: true, limiterKey: `${storeKey}:token` },
        signal ? { signal } : {},
      );
      const tokens = readTokenAnswer(response.json(), clock.now());
      if (!tokens) throw new ResponseFormatError('yahoo token.refresh: no access_token', { mall: 'yahoo', operation: TOKEN_OPERATION });
      return tokens;
    },
  });

  // Declared after the session: the session's refresh only runs once a request is under way.
  const pipeline: HttpPipeline = createHttpPipeline({
    mall: 'yahoo',
    baseUrl,
    limiter: resolveLimiter(options.rateLimit, YAHOO_DEFAULT_RATE),
    limiterKey: storeKey,
    redactor,
    classify: createYahooClassifier(redactor.text),
    clock,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    async authorize(request, signal) {
      // Integrators also sign the refresh; it is harmless and may matter for the 4-week session.
      if (request.operation === TOKEN_OPERATION) return signatureHeaders();
      const accessToken = await session.tokens.get(signal);
      tokenUsed.set(request, accessToken);
      return { Authorization: `Bearer ${accessToken}`, ...signatureHeaders() };
    },
    async onCredentialRejected(error, request) {
      // Only an expired access token is cured by a refresh; px-04102 and the rest need the shop.
      if (request.operation === TOKEN_OPERATION || error.credential !== 'accessToken') return false;
      const used = tokenUsed.get(request);
      if (used) await session.tokens.invalidate(used);
      await session.tokens.get();
      return true;
    },
  });

  const warnedStatus = { value: false };
  async function send<S extends z.ZodType>(operation: string, path: string, body: string, schema: S, call: CallOptions, idempotent: boolean): Promise<z.output<S>> {
    let response: HttpResponse;
    try {
      response = await pipeline.send(
        {
          operation,
          method: 'POST',
          path,
          body,
          headers: { 'Content-Type': 'application/xml; charset=UTF-8' },
          idempotent,
          // Yahoo's limit is per API URL: each path gets its own 1 req/s budget.
          limiterKey: `${storeKey}:${path}`,
        },
        call,
      );
    } catch (error) {
      if (CredentialError.isInstance(error)) session.reject(error);
      throw error;
    }
    session.clearRejection('refreshToken');
    session.clearRejection('accessToken');
    if (session.observeAuthorizeStatus(response.headers.get('x-sws-authorize-status')) && !warnedStatus.value) {
      warnedStatus.value = true;
      const verdict = session.publicKey;
      logger.warn(
        'yahoo: 公開鍵認証 was not accepted (X-SWS-Authorize-Status is not "authorized"): the session is now limited to 12 hours. Check the public key and its version in ストアクリエイターPro 「設定 > 暗号鍵管理」.',
        { operation, authorizeStatus: verdict.status === 'rejected' ? verdict.value : null },
      );
    }
    const parsed = schema.safeParse(response.parsed(parseYahooXml));
    if (!parsed.success) {
      throw new ResponseFormatError(`yahoo ${operation}: the answer does not have the documented shape (${parsed.error.issues[0]?.message ?? 'invalid'})`, {
        mall: 'yahoo',
        operation,
        httpStatus: response.status,
        requestId: response.requestId,
        excerpt: redactor.text(response.text.slice(0, 300)),
      });
    }
    return parsed.data;
  }

  const change = async (operation: string, path: string, body: string, call: CallOptions): Promise<ChangeResult> => {
    const answer = await send(operation, path, body, changeResponseSchema, call, false);
    const result = typeof answer.ResultSet === 'object' ? answer.ResultSet.Result : undefined;
    return { warnings: toWarnings(result?.Warning) };
  };

  return {
    sellerId,
    session,
    redactor,
    logger,
    async orderList(request, call = {}) {
      const answer = await send('orderList', ORDER_LIST_PATH, buildOrderListRequest(sellerId, request), orderListResponseSchema, call, true);
      const search = answer.Result.Search;
      return { totalCount: Number(search?.TotalCount ?? '0'), orders: search?.OrderInfo ?? [] };
    },
    async orderInfo(orderId, call = {}, fields) {
      const answer = await send('orderInfo', ORDER_INFO_PATH, buildOrderInfoRequest(sellerId, orderId, fields), orderInfoResponseSchema, call, true);
      return answer.ResultSet.Result?.OrderInfo?.[0] ?? null;
    },
    orderStatusChange: (input, call = {}) =>
      change('orderStatusChange', ORDER_STATUS_CHANGE_PATH, buildOrderStatusChangeRequest(sellerId, withUser(input, options.operationUser)), call),
    orderShipStatusChange: (input, call = {}) =>
      change('orderShipStatusChange', ORDER_SHIP_STATUS_CHANGE_PATH, buildOrderShipStatusChangeRequest(sellerId, withUser(input, options.operationUser)), call),
    orderPayStatusChange: (input, call = {}) =>
      change('orderPayStatusChange', ORDER_PAY_STATUS_CHANGE_PATH, buildOrderPayStatusChangeRequest(sellerId, withUser(input, options.operationUser)), call),
  };
}

function withUser<T extends { readonly operationUser?: string }>(input: T, user: string | undefined): T {
  return input.operationUser !== undefined || user === undefined ? input : { ...input, operationUser: user };
}

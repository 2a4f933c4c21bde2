import {
  CredentialError,
  InvalidRequestError,
  isMaintenanceAnswer,
  MaintenanceError,
  MallUnavailableError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  type ErrorClassifier,
  type HttpRequest,
  type HttpResponse,
  type Hint,
  type MallkitError,
} from '@mallkit/core';
import { XmlParseError } from '@mallkit/core/xml';
import { TOKEN_OPERATION } from './api/token.js';
import { YAHOO_XML } from './api/wire.js';
import { classifyTokenAnswer } from './auth/yconnect.js';

/*
 * Yahoo's error table (specs/yahoo.md §5). Errors come in four shapes: an `<Error>` root (auth,
 * common errors), orderList's `<Result><Status>NG</Status><Error>`, the change APIs'
 * `<ResultSet ng="1">` with `Result/Status=NG`, and OAuth failures marked by WWW-Authenticate.
 * Warnings (`Result/Warning`) are successes and are not handled here.
 */

/** Hints, one per situation the shop can act on. */
export const HINTS = {
  reauthorize: {
    ja: 'Yahoo!ショッピングの受注アクセスキーの有効期限が切れました(公開鍵なしは12時間、公開鍵ありは最大4週間)。公開鍵認証を設定し、ストアのYahoo! JAPAN IDで認可(Authorizationリクエスト)からやり直してください。',
    en: 'The Yahoo! Shopping order-API session expired (12 hours without 公開鍵認証, up to 4 weeks with it). Set up the public key and re-authorize the store from the authorization request.',
  },
  accessToken: {
    ja: 'アクセストークンが拒否されました。リフレッシュしても解決しない場合は認可からやり直してください。',
    en: 'The access token was rejected. If a refresh does not help, re-authorize the store.',
  },
  orderApiNotApproved: {
    ja: 'このアプリケーションIDは注文APIの利用が許可されていません。「注文API利用申請フォーム」から申請してください(設定完了まで約1週間〜10日)。',
    en: 'This Client ID is not approved for the order APIs. Apply through the 注文API利用申請フォーム (about 1–10 days).',
  },
  forbidden: {
    ja: '注文APIの利用申請、接続元IPアドレスの登録、Client IDのスコープ「ストア向け操作関連の機能」を確認してください。',
    en: 'Check the order-API application, the registered source IP addresses, and the Client ID scope (ストア向け操作関連の機能).',
  },
  requestForbidden: {
    ja: 'Yahoo!が「Your Request was Forbidden」を返しました(1秒おいて1回だけ再送します)。1日のリクエスト上限(アプリケーションIDごとに50,000回、毎日0時にリセット)に達したか、アプリケーションIDが許可されていないか、同じストア・アプリケーションIDを使う別のプログラムが1秒1回(API毎)の制限を超えています。翌日まで待つかアプリケーションIDを追加し、複数のプログラムで使う場合はレート制限を共有してください(rateLimit オプション / @mallkit/redis)。',
    en: 'Yahoo answered "Your Request was Forbidden" (the call is sent once more after a second): the daily cap (50,000 requests per Client ID, reset at 00:00 JST) is reached, the Client ID is not allowed, or another program on the same store and Client ID exceeds 1 request/s per API. Wait for the reset or add Client IDs; share one rate limit between programs (the rateLimit option, @mallkit/redis).',
  },
  maintenance: {
    ja: 'Yahoo!ショッピングはメンテナンス中です。時間をおいて再実行してください。',
    en: 'Yahoo! Shopping is in maintenance. Try again later.',
  },
  invalidRequest: {
    ja: 'リクエストパラメータエラーです。送信内容(XMLの形式と値)を確認してください。',
    en: 'Yahoo rejected the request parameters. Check the XML body and its values.',
  },
  orderState: {
    ja: '注文の状態が変更を許しません(不正注文審査中・キャンセル済み・読み取り専用など)。ストアクリエイターProで注文を確認してください。',
    en: 'The order state does not allow this change (fraud review, cancelled, read-only…). Check the order in Store Creator Pro.',
  },
  renewPublicKey: {
    ja: 'ストアクリエイターPro「設定 > 暗号鍵管理」で公開鍵を再発行(有効期限1年)し、新しい公開鍵とバージョンを設定してください。',
    en: 'Issue a new public key in Store Creator Pro (設定 > 暗号鍵管理; keys last one year) and set the new key and version.',
  },
  noPublicKey: {
    ja: '公開鍵認証が未設定のため、受注アクセスキーは12時間で失効します。公開鍵を設定すると最大4週間になります。',
    en: 'No public key is set: the order-API session expires after 12 hours. With 公開鍵認証 it lasts up to 4 weeks.',
  },
  clientSecret: {
    ja: '「アプリケーションの管理」でClient IDとシークレットを確認してください。',
    en: 'Check the Client ID and secret in the developer dashboard.',
  },
  publicKeyLifetime: { ja: '公開鍵の有効期限は1年です。', en: 'Public keys are valid for one year.' },
} as const satisfies Record<string, Hint>;

/** Why a write is refused before it is sent, from the order's state (see mapping/writes.ts). */
export type WriteRefusal =
  | { readonly reason: 'fraud_review'; readonly fraudHoldStatus: string }
  | { readonly reason: 'read_only' }
  | { readonly reason: 'cancelled' }
  | { readonly reason: 'completed' }
  /** Both ShipInvoiceNumber slots hold other numbers (`field`: the update, `updates[i]`). */
  | { readonly reason: 'slots_full'; readonly field: string; readonly recorded: readonly string[] }
  /** A parcel is recorded with another 配送会社コード, which Yahoo keeps once per order. */
  | { readonly reason: 'carrier_conflict'; readonly field: string; readonly recorded: string; readonly requested: string };

function refusalHint(refusal: WriteRefusal): Hint {
  switch (refusal.reason) {
    case 'fraud_review':
      return {
        ja: `不正注文審査中の注文です(FraudHoldStatus=${refusal.fraudHoldStatus})。キャンセル以外の操作はできません。審査の結果を待ってください。`,
        en: `the order is under fraud review (FraudHoldStatus=${refusal.fraudHoldStatus}): only cancellation is allowed until the review ends`,
      };
    case 'read_only':
      return {
        ja: '注文後10分間の読み取り専用の注文です(購入者がキャンセルできる期間)。10分後に再実行してください。',
        en: 'the order is read-only for its first 10 minutes (the buyer may still cancel): try again later',
      };
    case 'cancelled':
      return { ja: 'キャンセル済みの注文です。', en: 'the order is cancelled' };
    case 'completed':
      return { ja: '完了済みの注文です。', en: 'the order is already completed' };
    case 'slots_full':
      return {
        ja: `${refusal.field}: 配送伝票番号1・2はすでに別の番号(${refusal.recorded.join(', ')})で埋まっています。Yahoo!ショッピングは1注文に伝票番号を2つまでしか持てません。ストアクリエイターProで確認してください。`,
        en: `${refusal.field}: both ShipInvoiceNumber slots already hold other numbers (${refusal.recorded.join(', ')}); Yahoo keeps two per order. Check the order in Store Creator Pro`,
      };
    case 'carrier_conflict':
      return {
        ja: `${refusal.field}: 登録済みの伝票番号は配送会社コード${refusal.recorded}です。Yahoo!ショッピングは1注文に配送会社を1社しか持てないため、${refusal.requested}で送ると登録済みの伝票の配送会社が変わってしまいます。同じ配送会社で送るか、ストアクリエイターProで修正してください。`,
        en: `${refusal.field}: the recorded parcel is with ShipCompanyCode ${refusal.recorded}; Yahoo keeps one carrier per order, so ${refusal.requested} would relabel it. Send it with the same carrier, or fix the order in Store Creator Pro`,
      };
  }
}

/**
 * The error of a write refused locally: Yahoo allows only cancellation on an order under fraud
 * review and nothing on a read-only one, and would answer a vague NG; the OMS gets a clear
 * OrderStateError naming the order and what to do instead.
 */
export function refusedWrite(orderId: string, operation: string, refusal: WriteRefusal): OrderStateError {
  const hint = refusalHint(refusal);
  return new OrderStateError(`yahoo ${operation}: order ${orderId}: ${hint.en}`, { mall: 'yahoo', operation, orderId, mallCode: null, hint });
}

/** The error for an order Yahoo does not have (orderInfo answered none). */
export function noSuchOrder(orderId: string, operation: string): NotFoundError {
  return new NotFoundError(`yahoo ${operation}: no such order: ${orderId}`, {
    mall: 'yahoo',
    operation,
    hint: { ja: `注文番号を確認してください: ${orderId}`, en: `Check the order id: ${orderId}` },
  });
}

/** The error for ids orderList does not show (getPayments by ids); `hiddenHeld`: held orders are hidden by `includeFraudHeld: false`. */
export function noSuchOrders(orderIds: readonly string[], operation: string, hiddenHeld: boolean): NotFoundError {
  const list = orderIds.join(', ');
  return new NotFoundError(`yahoo ${operation}: no such order: ${list}`, {
    mall: 'yahoo',
    operation,
    hint: hiddenHeld
      ? { ja: `注文番号を確認してください: ${list}。includeFraudHeld: false のため、不正注文審査中の注文は表示されません。`, en: `Check the order ids: ${list}. Orders under fraud review are hidden (includeFraudHeld: false).` }
      : { ja: `注文番号を確認してください: ${list}`, en: `Check the order ids: ${list}` },
  });
}

interface ParsedError {
  readonly code: string | null;
  readonly message: string;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function errorOf(value: unknown): ParsedError | null {
  const error = record(value);
  if (!error) return null;
  return { code: text(error.Code) || null, message: text(error.Message) ?? '' };
}

/** What the body says, by shape: the error it carries (if any) and whether it is a known root. */
interface Reading {
  readonly known: boolean;
  readonly error: ParsedError | null;
  /** Status NG without any `<Error>` (the change APIs may omit it). */
  readonly ng: boolean;
}

function read(document: unknown): Reading {
  const root = record(document);
  if (!root) return { known: false, error: null, ng: false };
  if ('Error' in root) return { known: true, error: errorOf(root.Error) ?? { code: null, message: '' }, ng: true };
  const result = record(root.Result);
  if (result) {
    const ng = text(result.Status) === 'NG';
    return { known: true, error: errorOf(result.Error), ng };
  }
  const resultSet = record(root.ResultSet) ?? (root.ResultSet === '' ? {} : null);
  if (resultSet) {
    const inner = record(resultSet.Result);
    const ng = text(inner?.Status) === 'NG' || (text(resultSet['@_ng']) ?? '0') !== '0';
    return { known: true, error: errorOf(inner?.Error), ng };
  }
  return { known: false, error: null, ng: false };
}

/** Message of a bare `<Error>` without a code ("Your Request was Forbidden", auth failures). */
function describe(error: ParsedError | null, status: number): string {
  if (!error) return `HTTP ${status}`;
  return error.code ? `${error.code}: ${error.message}` : error.message || `HTTP ${status}`;
}

/** Yahoo's rate window: 1 request per second per API URL. */
const PER_SECOND_WINDOW_MS = 1_000;

/** What the table needs besides the answer. */
interface TableContext {
  /** Masks the connector's secrets in messages before any error is built. */
  readonly redact: (text: string) => string;
  /** True when this request was answered "Your Request was Forbidden" before (and remembers it). */
  readonly forbiddenBefore: (request: HttpRequest) => boolean;
}

/** The table itself, for an answer already read. */
function classifyReading(response: HttpResponse, request: HttpRequest, reading: Reading, context: TableContext): MallkitError | null | undefined {
  const { status } = response;
  const { operation } = request;
  const redact = context.redact;
  const base = { mall: 'yahoo' as const, operation, httpStatus: status, requestId: response.requestId };
  const error = reading.error;
  const code = error?.code ?? null;
  // Redacted before the error exists: a stack trace keeps the message it was created with.
  const message = redact(`yahoo ${operation}: ${describe(error, status)}`);
  const withCode = { ...base, mallCode: code };
  const wwwAuthenticate = response.headers.get('www-authenticate') ?? '';
  const body = error?.message ?? '';

  if (code === 'px-04102') {
    return new CredentialError(message, { ...withCode, credential: 'refreshToken', reason: 'expired', hint: HINTS.reauthorize });
  }
  if (code === 'px-04303') return new PermissionError(message, { ...withCode, hint: HINTS.orderApiNotApproved });
  if (/insufficient_scope/.test(wwwAuthenticate) || /insufficient_scope/.test(body)) {
    return new PermissionError(message, { ...withCode, mallCode: code ?? 'insufficient_scope', hint: HINTS.forbidden });
  }
  if (/invalid_token/.test(wwwAuthenticate) || /invalid_token/.test(body) || (status === 401 && wwwAuthenticate !== '')) {
    return new CredentialError(message, { ...withCode, mallCode: code ?? 'invalid_token', credential: 'accessToken', reason: 'expired', hint: HINTS.accessToken });
  }
  if (status === 401) {
    // "Authentication parameters in your request incompleted" (X-YahooJ-AuthError): a missing or garbled auth header.
    return new CredentialError(message, { ...withCode, credential: 'accessToken', hint: HINTS.accessToken });
  }
  if (/Your Request was Forbidden/i.test(body)) {
    // Yahoo documents this answer for the daily cap (faq.html); an overrun of 1 request/s per API
    // (another program on the same store) may look the same, since Yahoo documents no answer for
    // it. The first one is retried after Yahoo's one-second window; the second is final.
    const final = context.forbiddenBefore(request);
    return new RateLimitError(message, { ...withCode, retryable: !final, ...(final ? {} : { retryAfterMs: PER_SECOND_WINDOW_MS }), hint: HINTS.requestForbidden });
  }
  if (status === 403) return new PermissionError(message, { ...withCode, hint: HINTS.forbidden });
  // 503, or an error page that says メンテナンス (never a 200: an order's own text may say it).
  if (status >= 500 && isMaintenanceAnswer(response)) return new MaintenanceError(message, { ...withCode, hint: HINTS.maintenance });
  if (status >= 500) return new MallUnavailableError(message, withCode);
  if (status === 404) return new NotFoundError(message, withCode);
  if (status >= 400) return new InvalidRequestError(message, { ...withCode, hint: HINTS.invalidRequest });
  if (reading.ng) {
    // A change API refusing an update is about the order, not the request's shape (specs §5.1 ③).
    const changeApi = /Change$/.test(operation);
    return changeApi
      ? new OrderStateError(message, { ...withCode, hint: HINTS.orderState })
      : new InvalidRequestError(message, { ...withCode, hint: HINTS.invalidRequest });
  }
  return null;
}

/** The same parse function as the answer reader's, so that an answer is parsed once. */
const readYahooXml = YAHOO_XML.read;

/**
 * Creates the connector's error table: Yahoo's table for the order APIs, the OAuth table for the
 * token endpoint. `redact` masks the connector's secrets in messages before any error is built.
 */
export function createYahooClassifier(redact: (text: string) => string): ErrorClassifier {
  // The pipeline hands every attempt of one call the same request object.
  const forbidden = new WeakSet<HttpRequest>();
  const forbiddenBefore = (request: HttpRequest): boolean => {
    const seen = forbidden.has(request);
    forbidden.add(request);
    return seen;
  };
  return (response, request) => classifyYahooAnswer(response, request, { redact, forbiddenBefore });
}

/*
 * A successful answer the table cannot read (an HTML page with status 200, a body cut short, an
 * unknown root) is left to the kit's answer reader: it throws inside the attempt, so that a read is
 * retried and a write becomes an unknown outcome that is read back.
 */
function classifyYahooAnswer(response: HttpResponse, request: HttpRequest, context: TableContext): MallkitError | null | undefined {
  if (request.operation === TOKEN_OPERATION) {
    const error = classifyTokenAnswer(response.status, response.text, { operation: request.operation, grant: 'refresh_token', requestId: response.requestId, redact: context.redact });
    return response.ok && ResponseFormatError.isInstance(error) ? null : error;
  }
  // HTML error pages (maintenance, gateways) and empty bodies: the status decides. The body is not
  // echoed: an HTML page says nothing the status does not, and may quote the request.
  const unknown: Reading = { known: false, error: null, ng: false };
  const body = response.text.trim();
  const looksXml = body.startsWith('<') && !/^<(!doctype\s+)?html/i.test(body);
  if (!looksXml) return response.ok ? null : classifyReading(response, request, unknown, context);
  let document: unknown;
  try {
    document = response.parsed(readYahooXml);
  } catch (cause) {
    if (XmlParseError.isInstance(cause)) return response.ok ? null : classifyReading(response, request, unknown, context);
    throw cause;
  }
  const reading = read(document);
  return response.ok && !reading.known ? null : classifyReading(response, request, reading, context);
}

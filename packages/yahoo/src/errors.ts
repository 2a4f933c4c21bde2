import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  MallUnavailableError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  XmlParseError,
  type HttpRequest,
  type HttpResponse,
  type Hint,
  type MallkitError,
} from '@mallkit/core';
import { parseYahooXml } from './api/wire.js';
import { classifyTokenAnswer } from './auth/yconnect.js';

/*
 * Yahoo's error table (specs/yahoo.md §5). Errors come in four shapes: an `<Error>` root (auth,
 * common errors), orderList's `<Result><Status>NG</Status><Error>`, the change APIs'
 * `<ResultSet ng="1">` with `Result/Status=NG`, and OAuth failures marked by WWW-Authenticate.
 * Warnings (`Result/Warning`) are successes and are not handled here.
 */

/** Operation name of the token refresh, which answers JSON, not XML. */
export const TOKEN_OPERATION = 'token.refresh';

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
  dailyCap: {
    ja: '1日のリクエスト上限(アプリケーションIDごとに50,000回)に達したか、アプリケーションIDが許可されていません。毎日0時にリセットされます。翌日まで待つか、アプリケーションIDを追加してください。',
    en: 'The daily request cap (50,000 per Client ID) is reached, or the Client ID is not allowed. It resets at 00:00 JST: wait, or add Client IDs.',
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
} as const satisfies Record<string, Hint>;

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

/**
 * The table itself, for an answer already read. Exported for tests: `classifyYahooAnswer` is what
 * the pipeline uses.
 */
export function classifyReading(
  response: Pick<HttpResponse, 'status' | 'headers' | 'requestId'>,
  operation: string,
  reading: Reading,
  redact: (text: string) => string = (value) => value,
): MallkitError | null | undefined {
  const { status } = response;
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
    return new RateLimitError(message, { ...withCode, retryable: false, hint: HINTS.dailyCap });
  }
  if (status === 403) return new PermissionError(message, { ...withCode, hint: HINTS.forbidden });
  if (status === 503) return new MaintenanceError(message, { ...withCode, hint: HINTS.maintenance });
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
  if (!reading.known) return new ResponseFormatError(`yahoo ${operation}: unexpected answer (HTTP ${status})`, base);
  return null;
}

function formatError(response: HttpResponse, operation: string, cause: unknown, redact: (text: string) => string): MallkitError {
  return new ResponseFormatError(`yahoo ${operation}: the answer (HTTP ${response.status}) is not readable XML`, {
    mall: 'yahoo',
    operation,
    httpStatus: response.status,
    requestId: response.requestId,
    excerpt: redact(response.text.slice(0, 300)),
    cause,
  });
}

/**
 * Creates the pipeline's classifier: Yahoo's table for the order APIs, the OAuth table for the
 * token endpoint. `redact` masks the connector's secrets in messages before any error is built.
 */
export function createYahooClassifier(redact: (text: string) => string): (response: HttpResponse, request: HttpRequest) => MallkitError | null | undefined {
  return (response, request) => classifyYahooAnswer(response, request, redact);
}

/** Classifies one answer (see {@link createYahooClassifier}). */
export function classifyYahooAnswer(
  response: HttpResponse,
  request: HttpRequest,
  redact: (text: string) => string = (value) => value,
): MallkitError | null | undefined {
  if (request.operation === TOKEN_OPERATION) {
    return classifyTokenAnswer(response.status, response.text, { operation: request.operation, grant: 'refresh_token', requestId: response.requestId, redact });
  }
  const body = response.text.trim();
  const looksXml = body.startsWith('<') && !/^<(!doctype\s+)?html/i.test(body);
  if (!looksXml) {
    if (response.ok) return formatError(response, request.operation, null, redact);
    // HTML error pages (maintenance, gateways) and empty bodies: the status decides.
    // The body is not echoed: an HTML page says nothing the status does not, and may quote the request.
    return classifyReading(response, request.operation, { known: false, error: null, ng: false }, redact);
  }
  let document: unknown;
  try {
    document = response.parsed(parseYahooXml);
  } catch (cause) {
    if (!response.ok && cause instanceof XmlParseError) return classifyReading(response, request.operation, { known: false, error: null, ng: false }, redact);
    return formatError(response, request.operation, cause, redact);
  }
  return classifyReading(response, request.operation, read(document), redact);
}

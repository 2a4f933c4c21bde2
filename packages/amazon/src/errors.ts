import {
  ClockSkewError,
  CredentialError,
  InvalidRequestError,
  MallUnavailableError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  type DetailAnswer,
  type ErrorClassifier,
  type Hint,
  type HttpRequest,
  type HttpResponse,
  defaultRedactor,
  type MallkitError,
} from '@mallkit/core';
import { spApiErrorListSchema, type SpApiError } from './api/common.js';
import { ORDERS_V0_READ_REMOVAL_DATE } from './options.js';

const MALL = 'amazon' as const;

/** What the shop should do, ja + en: the error table's hints and the connector's own refusals. */
export const AMAZON_HINTS = {
  reauthorize: {
    ja: 'セラーセントラル（アプリとサービス > アプリの管理）でアプリを再認可し、新しいリフレッシュトークンを設定してください。認可は365日ごとに更新が必要です。',
    en: 'Re-authorize the app in Seller Central (Apps and Services > Manage Your Apps) and set the new refresh token. Authorizations must be renewed every 365 days.',
  },
  rotateSecret: {
    ja: 'LWAクライアントシークレットが無効か期限切れです（180日ごとのローテーションが必要）。Solution Provider Portal / デベロッパーセントラルで新しいシークレットを発行し、clientSecret を更新してください。',
    en: 'The LWA client secret is wrong or expired (it must be rotated every 180 days). Issue a new secret in the Solution Provider Portal / Developer Central and update clientSecret.',
  },
  checkClientId: {
    ja: 'LWAクライアントIDとシークレットの組み合わせを確認してください（アプリの「LWA認証情報」）。',
    en: 'Check the LWA client id and secret pair (the app\'s "LWA credentials").',
  },
  permission: {
    ja: 'アクセスが拒否されました。アプリに必要なロール（注文の閲覧・出荷通知、購入者・配送先情報）が付与されているか、極東（FE）リージョンのエンドポイントを使っているか、出品者が認可を取り消していないかを確認してください。',
    en: 'Access denied. Check that the app has the roles it needs (orders, shipment confirmation, buyer and recipient data), that the Far East (FE) endpoint is used, and that the seller has not revoked the authorization.',
  },
  notEligible: {
    ja: 'このアカウントはAPIを利用できません。API連携には大口出品（プロフェッショナル）アカウントが必要です。なお、このメッセージは廃止済みのAmazon MWSのものです（2024年以降はSP-APIのみ）。',
    en: 'This account may not use the API: API access needs a Professional (大口出品) selling account. This message comes from Amazon MWS, which is retired; only the SP-API works since 2024.',
  },
  clockSkew: {
    ja: 'リクエストの時刻が未来すぎると判定されました。サーバーの時計（NTP同期とタイムゾーン）を正しく設定してください。なお、このメッセージは廃止済みのAmazon MWSのものです（SP-APIは署名不要）。',
    en: 'The request time was judged too far in the future. Fix the machine\'s clock (NTP sync and time zone). This message comes from Amazon MWS, which is retired; the SP-API needs no signature.',
  },
  developerAccess: {
    ja: '開発者のアクセス権限が失効しています。セラーセントラルで開発者（アプリ）の認可を更新してください（年1回必要）。MWSは廃止済みのため、SP-APIアプリとして再認可してください。',
    en: 'The developer\'s access has lapsed. Renew the developer (app) authorization in Seller Central, which is needed once a year. MWS is retired: re-authorize as an SP-API app.',
  },
  invalidInput: {
    ja: 'Amazonがリクエストを不正と判断しました。メッセージの項目を確認してください。',
    en: 'Amazon rejected the request as invalid; check the field the message names.',
  },
  throttled: {
    ja: 'Amazonのレート制限に達しました。待てる時間内なら待って再試行します（searchOrders は1回分の回復に約3分）。同じ出品者・アプリで他のプログラムがAPIを呼んでいる場合は、@mallkit/redis で呼び出し枠を共有してください。',
    en: "Amazon's rate limit was hit; the call is retried when the wait fits the retry options (searchOrders needs about 3 minutes per request). When other programs call the API for the same seller and app, share one budget with @mallkit/redis.",
  },
  unavailable: {
    ja: 'Amazon側で一時的な障害が発生しています。時間をおいて再実行してください。',
    en: 'Amazon is temporarily failing; try again later.',
  },
  accessTokenExpired: {
    ja: 'アクセストークンが期限切れです。自動で再取得して再送します。繰り返す場合はサーバーの時計を確認してください。',
    en: 'The access token expired; it is refreshed and the request sent again. If this repeats, check the machine\'s clock.',
  },
  confirmUnsupported: {
    ja: 'Amazonには注文確認の手順がありません。注文は最初から「未出荷」で、そのまま出荷通知（exportShipments）できます。',
    en: 'Amazon has no confirm step: orders are Unshipped from the start; confirm the shipment with exportShipments.',
  },
  paymentsUnsupported: {
    ja: 'Amazonの入金情報は Finances API（ペイメントレポート）から取得します。このパッケージではまだ対応していません。',
    en: 'Amazon payouts come from the Finances API (settlement reports), which this package does not cover yet.',
  },
  shipDate: {
    ja: '出荷日は注文日時以降かつ現在以前である必要があります（未来日はAmazonがエラーにします）。日本時間の時刻に「Z」や「+00:00」を付けると9時間先の未来日時になるため、+09:00 を付けるか YYYY-MM-DD（日本時間の日付）で指定してください。',
    en: 'The ship date must lie between the purchase time and now (Amazon refuses future dates). JST wall-clock time labelled `Z` or `+00:00` lands 9 hours in the future: add +09:00 or pass a YYYY-MM-DD date (a JST day).',
  },
  v0Removed: {
    ja: `Orders API v0 の読み取りは ${ORDERS_V0_READ_REMOVAL_DATE} に廃止されました。ordersApi オプションを外して v2026-01-01 を使ってください。`,
    en: `Orders API v0 reads were removed on ${ORDERS_V0_READ_REMOVAL_DATE}. Drop the ordersApi option to use v2026-01-01.`,
  },
} as const satisfies Record<string, Hint>;

/** What Amazon's 404 told, for the NotFoundError the kit's reader builds (request id, status, Amazon's code). */
export function notFoundAnswer(error: NotFoundError): Pick<DetailAnswer, 'requestId' | 'notFound'> {
  return { requestId: error.requestId, notFound: { httpStatus: error.httpStatus, mallCode: error.mallCode } };
}

/** The hint of an order id Amazon does not know for this seller. */
export function notFoundHint(ids: readonly string[]): Hint {
  return {
    ja: `注文番号を確認してください（${ids.join(', ')}）。別の出品者アカウントやマーケットプレイスの注文ではありませんか。`,
    en: `Check the order ids (${ids.join(', ')}): they may belong to another seller account or marketplace.`,
  };
}

/** The first error of an SP-API error body, or null when the body is not an SP-API error list. */
export function firstSpApiError(response: HttpResponse): SpApiError | null {
  try {
    const parsed = spApiErrorListSchema.safeParse(JSON.parse(response.text));
    return parsed.success ? (parsed.data.errors[0] ?? null) : null;
  } catch {
    return null;
  }
}

const MWS_NOT_ELIGIBLE = /does not have an eligible Amazon account/i;
const MWS_SIGNATURE_FUTURE = /signature is too far in the future/i;
// MWS named the operation ("Feeds.SubmitFeed", "Reports.Request Report", "orders get order");
// the SP-API's own 403 says "Access to requested resource is denied." and is not this.
const MWS_ACCESS_DENIED = /\bAccess to (?!requested resource)[\w.]+(?: [\w.]+)* (?:is|id) denied|\bAccessDenied\b/i;
const ACCESS_TOKEN_EXPIRED = /access token.*expired|expired.*access token/i;

/**
 * Recognizes the Amazon MWS messages shops still meet in old middleware and logs (an OMS vendor's
 * support FAQ, 速販; MWS error guide https://docs.developer.amazonservices.com/ja_JP/dev_guide/DG_Errors.html).
 * MWS is retired, so each hint also says so.
 */
export function classifyMwsMessage(text: string, base: Record<string, unknown>): MallkitError | null {
  if (MWS_NOT_ELIGIBLE.test(text)) {
    return new PermissionError('amazon: the seller account is not eligible for API access (MWS message)', { ...base, mallCode: 'AccessDenied', hint: AMAZON_HINTS.notEligible });
  }
  if (MWS_SIGNATURE_FUTURE.test(text)) {
    return new ClockSkewError('amazon: request signature is too far in the future (MWS message)', { ...base, mallCode: 'RequestExpired', hint: AMAZON_HINTS.clockSkew });
  }
  if (MWS_ACCESS_DENIED.test(text)) {
    return new PermissionError('amazon: access denied (MWS AccessDenied)', { ...base, mallCode: 'AccessDenied', hint: AMAZON_HINTS.developerAccess });
  }
  return null;
}

/** Rate (req/s) the connector believes for an operation, to size the wait after a 429. */
export type RateOf = (operation: string) => number;

// Excerpts kept on errors are masked here: the pipeline masks messages, not excerpts. The default
// redactor knows every secret a connector of this process registered, and every token shape.
const excerptOf = (text: string): string => defaultRedactor.text(text.slice(0, 300));

/** Builds the SP-API error table. */
export function createAmazonClassifier(rateOf: RateOf): ErrorClassifier {
  return (response: HttpResponse, request: HttpRequest): MallkitError | null => {
    if (response.ok) return null;
    const base = { mall: MALL, operation: request.operation, httpStatus: response.status, requestId: response.requestId };
    const error = firstSpApiError(response);
    const text = error ? `${error.code} ${error.message} ${error.details ?? ''}` : response.text;
    const said = error ? `${error.code}: ${error.message}${error.details ? ` (${error.details})` : ''}` : `HTTP ${response.status}`;
    const message = `amazon ${request.operation}: ${said}`;
    const withCode = { ...base, mallCode: error?.code ?? null };

    const mws = classifyMwsMessage(text, withCode);
    if (mws) return mws;

    switch (true) {
      case response.status === 429: {
        const rate = rateOf(request.operation);
        // No Retry-After on 429s: one token's refill is the shortest wait that can succeed (searchOrders:
        // about 179 s). Retrying sooner only spends the retry budget on more 429s; a wait longer than
        // the pipeline's maxRetryAfterMs ends the retries and the caller sees how long to wait.
        return new RateLimitError(message, { ...withCode, hint: AMAZON_HINTS.throttled, retryAfterMs: Math.ceil(1000 / rate) });
      }
      case (response.status === 401 || response.status === 403) && ACCESS_TOKEN_EXPIRED.test(text):
      case response.status === 401:
        return new CredentialError(message, { ...withCode, credential: 'accessToken', reason: 'expired', hint: AMAZON_HINTS.accessTokenExpired });
      case response.status === 403:
        return new PermissionError(message, { ...withCode, hint: AMAZON_HINTS.permission });
      case response.status === 404:
        return new NotFoundError(message, withCode);
      case response.status >= 500:
        return new MallUnavailableError(message, { ...withCode, hint: AMAZON_HINTS.unavailable });
      case response.status >= 400: {
        const field = error ? /^(\w+)\s*:/.exec(error.message)?.[1] ?? null : null;
        if (!error && response.text.trim().startsWith('<')) {
          // API Gateway answers some 4xx with HTML (e.g. a header too large): not an SP-API error list.
          return new InvalidRequestError(`${message}: the gateway refused the request`, { ...withCode, hint: AMAZON_HINTS.invalidInput });
        }
        return new InvalidRequestError(message, { ...withCode, field, hint: AMAZON_HINTS.invalidInput });
      }
      default:
        return new ResponseFormatError(`${message}: unexpected status`, { ...withCode, excerpt: excerptOf(response.text) });
    }
  };
}

/** The LWA error body: `{ error, error_description }`. */
function lwaError(response: HttpResponse): { error: string; description: string } | null {
  try {
    const body = JSON.parse(response.text) as unknown;
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
      const description = 'error_description' in body && typeof body.error_description === 'string' ? body.error_description : '';
      return { error: body.error, description };
    }
  } catch {
    // not JSON: handled below
  }
  return null;
}

/**
 * The LWA token endpoint's error table (amzn/selling-partner-api-docs#2379, jlevers/selling-partner-api#602): invalid_grant means the refresh
 * token is dead (the seller must re-authorize), invalid_client means the client secret is wrong
 * or was not rotated in time.
 */
export const classifyLwa: ErrorClassifier = (response, request) => {
  if (response.ok) return null;
  const base = { mall: MALL, operation: request.operation, httpStatus: response.status, requestId: response.requestId };
  const error = lwaError(response);
  if (!error) {
    return response.status >= 500
      ? new MallUnavailableError(`amazon LWA: HTTP ${response.status}`, { ...base, hint: AMAZON_HINTS.unavailable })
      : new ResponseFormatError(`amazon LWA: HTTP ${response.status} without an LWA error body`, { ...base, excerpt: excerptOf(response.text) });
  }
  const withCode = { ...base, mallCode: error.error };
  const message = `amazon LWA: ${error.error}${error.description ? ` (${error.description})` : ''}`;
  switch (error.error) {
    case 'invalid_grant':
      return new CredentialError(message, { ...withCode, credential: 'refreshToken', reason: 'revoked', hint: AMAZON_HINTS.reauthorize });
    case 'invalid_client':
      return new CredentialError(message, { ...withCode, credential: 'clientSecret', reason: 'invalid', hint: AMAZON_HINTS.rotateSecret });
    case 'unauthorized_client':
    case 'invalid_scope':
      return new CredentialError(message, { ...withCode, credential: 'clientId', reason: 'invalid', hint: AMAZON_HINTS.checkClientId });
    case 'server_error':
    case 'temporarily_unavailable':
      return new MallUnavailableError(message, { ...withCode, hint: AMAZON_HINTS.unavailable });
    default:
      return new InvalidRequestError(message, withCode);
  }
};

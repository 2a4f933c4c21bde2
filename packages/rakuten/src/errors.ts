import {
  CredentialError,
  InvalidRequestError,
  isMaintenanceAnswer,
  MaintenanceError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  type ErrorClassifier,
  type Hint,
  type HttpRequest,
  type HttpResponse,
  type MallkitError,
} from '@mallkit/core';
import { envelopeSchema, gatewayErrorsSchema, gatewayResultsSchema, type RakutenMessageModel } from './api/common.js';
import { CONFIRM_CODES } from './api/confirm-order.js';
import { SHIPPING_CODES } from './api/update-order-shipping.js';

/*
 * Rakuten's error table (specs/rakuten.md §8) and what the shop should do about each error. Two
 * body shapes reach a client:
 *  - the API gateway's, before the order service: `{"errors":[{"code":"GA0001"…}]}` or the older
 *    `{"Results":{"errorCode":"ES01-01"…}}` (auth, permission, QPS);
 *  - the order service's `MessageModelList` with ORDER_EXT_API_* codes (HTTP 400, or HTTP 200 with
 *    per-order errors on batch endpoints, which the writes read themselves).
 * Classification looks at the gateway code first, then the HTTP status, then the message codes. A
 * successful answer is left to the endpoint's schema (the kit's reader), which retries an
 * unreadable answer to a read.
 *
 * The hints follow the words of the screens the shop will use; the RMS menu paths follow the
 * vendors' manuals cited in the README (help.teps.io, stockcrew, next-engine, logiless).
 */

const MALL = 'rakuten' as const;

/** licenseKey rejected: renew it in RMS and paste the new one. */
export const RENEW_LICENSE_KEY_HINT: Hint = {
  ja:
    'licenseKey（ライセンスキー）が期限切れか無効です。RMS → 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」で新しいライセンスキーを発行し、設定に貼り付け直してください。' +
    '新しいキーを発行した瞬間に古いキーは使えなくなるため、同じキーを使う他のシステムも更新が必要です。手入力の場合は I と l の打ち間違いもご確認ください。',
  en:
    'The licenseKey has expired or is invalid. In RMS open 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」, issue a new key and paste it into the settings. ' +
    'Issuing a new key invalidates the old one at once, so every other system using it must be updated too. If the key was typed by hand, check for I/l mix-ups.',
};

/** licenseKey about to expire. */
export const EXPIRING_LICENSE_KEY_HINT: Hint = {
  ja: 'licenseKey（ライセンスキー）の有効期限が近づいています（有効期間は約90日）。RMS → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」で新しいキーを発行し、発行後すぐに設定へ貼り付けてください。',
  en: 'The licenseKey expires soon (keys last about 90 days). Issue a new one in RMS → WEB APIサービス → 利用設定 → 「ライセンスキーの確認・変更」 and paste it into the settings right away.',
};

/** The API function is not enabled for this application in RMS (ES04-01). */
export const ENABLE_FUNCTION_HINT: Hint = {
  ja: 'RMS → 店舗様向け情報・サービス → WEB APIサービス → 利用設定 → 利用機能編集で、「楽天ペイ受注API（RakutenPay_OrderAPI）」の該当機能（rpay.order.searchOrder / getOrder / confirmOrder / updateOrderShipping / getPayment など）を「利用する」に設定してください。',
  en: 'In RMS → WEB APIサービス → 利用設定 → 利用機能編集, set the needed 楽天ペイ受注API (RakutenPay_OrderAPI) functions (rpay.order.searchOrder, getOrder, confirmOrder, updateOrderShipping, getPayment…) to 「利用する」.',
};

/** confirmOrder refused with 105: postage is still -9999. */
export const SET_POSTAGE_FIRST_HINT: Hint = {
  ja: '送料が未設定の注文です（送料 -9999）。RMS の受注管理（または updateOrderSender）で送料を設定してから、もう一度注文確認してください。',
  en: 'The order has no shipping fee yet (postage -9999). Set the postage in RMS order management (or with updateOrderSender) first, then confirm the order again.',
};

/** The order is cancelled. */
export const ORDER_CANCELLED_HINT: Hint = {
  ja: 'この注文はキャンセル済み（またはキャンセル確定待ち）のため、この操作はできません。RMS で注文のステータスを確認してください。',
  en: 'The order is cancelled (or its cancellation is pending), so this operation is not possible. Check the order in RMS.',
};

/** Too many requests. */
export const QPS_HINT: Hint = {
  ja: '楽天のリクエスト数の上限（QPS）を超えました。自動で待ってから再送します。同じライセンスキーを複数のシステムで使っている場合は、rateLimit を共有するか下げてください。',
  en: "Rakuten's request-rate limit (QPS) was exceeded; the request is retried after a pause. If several systems share this licenseKey, share or lower the rateLimit.",
};

/** Maintenance. */
export const MAINTENANCE_HINT: Hint = {
  ja: '楽天 RMS API がメンテナンス中または過負荷です。時間をおいて再度実行してください。',
  en: 'The RMS API is in maintenance or overloaded. Try again later.',
};

/** Operations whose answers carry one MessageModel per order, read by the write itself. */
const PER_ORDER_OPERATIONS: ReadonlySet<string> = new Set(['confirmOrder', 'updateOrderShipping']);

/** What an error built from one MessageModel needs to know. */
export interface MessageErrorContext {
  /** The operation that answered (`confirmOrder`). */
  readonly operation: string;
  /** The HTTP status of the answer that carried the message. */
  readonly httpStatus?: number | null;
  /** Rakuten's request id of that answer, when known. */
  readonly requestId?: string | null;
  /** The order concerned, when the message does not name it. */
  readonly orderId?: string | null;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The gateway error code and message of a body, in either shape, or null. */
export function gatewayError(body: unknown): { code: string; message: string } | null {
  const modern = gatewayErrorsSchema.safeParse(body);
  if (modern.success) {
    const first = modern.data.errors[0];
    if (first) return { code: first.code, message: first.message ?? '' };
  }
  const legacy = gatewayResultsSchema.safeParse(body);
  if (legacy.success) return { code: legacy.data.Results.errorCode, message: legacy.data.Results.message ?? '' };
  return null;
}

/**
 * The field a validation message names: Rakuten writes 「startDatetimeの書式が不正です。」 or
 * 「dateTypeの項目を指定して下さい。」, the field first in ASCII.
 */
export function fieldOfMessage(message: string | null | undefined): string | null {
  const match = /^([A-Za-z][A-Za-z0-9_.[\]]*)\s*(?:\/\s*[A-Za-z][A-Za-z0-9_.]*)?\s*(?:の|を|は|が)/.exec(message?.trim() ?? '');
  return match?.[1] ?? null;
}

/** Turns one ERROR MessageModel into the matching mallkit error (per-order results use it too). */
export function errorFromMessage(message: RakutenMessageModel, ctx: MessageErrorContext): MallkitError {
  const base = {
    mall: MALL,
    mallCode: message.messageCode,
    httpStatus: ctx.httpStatus ?? null,
    requestId: ctx.requestId ?? null,
    operation: ctx.operation,
  };
  const orderId = message.orderNumber ?? ctx.orderId ?? null;
  const text = message.message ?? message.messageCode;
  const about = orderId ? `order ${orderId}: ` : '';
  switch (message.messageCode) {
    case CONFIRM_CODES.cancelled:
    case SHIPPING_CODES.cancelled:
      return new OrderStateError(`rakuten ${ctx.operation}: ${about}the order is cancelled (${text})`, { ...base, orderId, hint: ORDER_CANCELLED_HINT });
    case CONFIRM_CODES.postageUnset:
      return new OrderStateError(`rakuten ${ctx.operation}: ${about}postage is not set (-9999), so the order cannot be confirmed (${text})`, {
        ...base,
        orderId,
        hint: SET_POSTAGE_FIRST_HINT,
      });
    case CONFIRM_CODES.alreadyMoved:
      return new OrderStateError(`rakuten ${ctx.operation}: ${about}the order is no longer awaiting confirmation (${text})`, { ...base, orderId });
    default:
      break;
  }
  // _0xx codes are request validation (009 missing, 010 empty, 011 format); _1xx are business rules.
  const validation = /_ERROR_0\d\d$/.test(message.messageCode);
  if (!validation && orderId) {
    return new OrderStateError(`rakuten ${ctx.operation}: ${about}${text} (${message.messageCode})`, { ...base, orderId });
  }
  const field = fieldOfMessage(message.message);
  return new InvalidRequestError(`rakuten ${ctx.operation}: ${about}${text} (${message.messageCode})`, {
    ...base,
    field,
    hint: {
      ja: `楽天が入力を受け付けませんでした: ${text}${field ? `（項目: ${field}）` : ''}`,
      en: `Rakuten rejected the request${field ? ` (field ${field})` : ''}: ${text}`,
    },
  });
}

function fromGateway(gateway: { code: string; message: string }, response: HttpResponse, request: HttpRequest): MallkitError | undefined {
  const base = { mall: MALL, mallCode: gateway.code, httpStatus: response.status, requestId: response.requestId, operation: request.operation };
  const what = `rakuten ${request.operation}: ${gateway.code} ${gateway.message}`.trim();
  if (gateway.code === 'GA0003' || /qps/i.test(gateway.message)) return new RateLimitError(what, { ...base, hint: QPS_HINT });
  if (gateway.code === 'ES04-01') {
    return new PermissionError(`${what}: the function is not enabled for this application in RMS`, { ...base, hint: ENABLE_FUNCTION_HINT });
  }
  if (gateway.code === 'GA0001' || gateway.code === 'ES01-01' || response.status === 401) {
    return new CredentialError(`${what}: the licenseKey (or serviceSecret) was rejected`, {
      ...base,
      credential: 'licenseKey',
      reason: 'invalid',
      hint: RENEW_LICENSE_KEY_HINT,
    });
  }
  return undefined;
}

/** Rakuten's error classifier (core's `ErrorClassifier`): applied by the pipeline to every answer. */
export const classifyRakutenResponse: ErrorClassifier = (response, request) => {
  // A successful answer is checked by the endpoint's schema, inside the same attempt.
  if (response.ok) return null;
  const base = { mall: MALL, httpStatus: response.status, requestId: response.requestId, operation: request.operation };
  const body = tryJson(response.text);
  const gateway = gatewayError(body);
  if (gateway) {
    const error = fromGateway(gateway, response, request);
    if (error) return error;
  }
  if (response.status === 401) {
    return new CredentialError(`rakuten ${request.operation}: HTTP 401, the licenseKey (or serviceSecret) was rejected`, {
      ...base,
      credential: 'licenseKey',
      reason: 'invalid',
      hint: RENEW_LICENSE_KEY_HINT,
    });
  }
  // Rakuten's maintenance page is plain text (「API In Maintenance」, seen with 503); core knows such pages.
  if (isMaintenanceAnswer(response)) {
    return new MaintenanceError(`rakuten ${request.operation}: HTTP ${response.status}, the RMS API is in maintenance or overloaded`, { ...base, hint: MAINTENANCE_HINT });
  }
  if (response.status === 429 || (response.status === 403 && /qps/i.test(response.text))) {
    return new RateLimitError(`rakuten ${request.operation}: HTTP ${response.status}, request rate exceeded`, { ...base, hint: QPS_HINT });
  }
  const envelope = envelopeSchema.safeParse(body);
  const errors = envelope.success ? (envelope.data.MessageModelList ?? []).filter((m) => m.messageType === 'ERROR') : [];
  // Per-order refusals of a write (each naming its order) are results, not a failed call: the
  // write reads them from the body and reports them order by order.
  if (PER_ORDER_OPERATIONS.has(request.operation) && errors.length > 0 && errors.every((m) => m.orderNumber) && response.status < 500) {
    return null;
  }
  const firstError = errors[0];
  if (firstError && response.status < 500) {
    return errorFromMessage(firstError, { operation: request.operation, httpStatus: response.status, requestId: response.requestId });
  }
  // Everything else (404, 405, 500, 502…) follows the generic table.
  return undefined;
};

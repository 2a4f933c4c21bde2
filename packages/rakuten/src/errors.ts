import type {
  MallkitError} from '@mallkit/core';
import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  type ErrorClassifier,
  type HttpRequest,
  type HttpResponse,
} from '@mallkit/core';
import { envelopeSchema, gatewayErrorsSchema, gatewayResultsSchema, type RakutenMessageModel } from './api/common.js';
import { CONFIRM_CODES } from './api/confirm-order.js';
import { SHIPPING_CODES } from './api/update-order-shipping.js';
import {
  ENABLE_FUNCTION_HINT,
  MAINTENANCE_HINT,
  ORDER_CANCELLED_HINT,
  QPS_HINT,
  RENEW_LICENSE_KEY_HINT,
  SET_POSTAGE_FIRST_HINT,
} from './hints.js';

/*
 * Rakuten's error table (specs/rakuten.md §8). Two body shapes reach a client:
 *  - the API gateway's, before the order service: `{"errors":[{"code":"GA0001"…}]}` or the older
 *    `{"Results":{"errorCode":"ES01-01"…}}` (auth, permission, QPS);
 *  - the order service's `MessageModelList` with ORDER_EXT_API_* codes (HTTP 400, or HTTP 200 with
 *    per-order errors on batch endpoints, which the operations read themselves).
 * Classification looks at the gateway code first, then the HTTP status, then the message codes.
 */

const MALL = 'rakuten' as const;

/** Operations whose answers carry one MessageModel per order, read by the operation itself. */
const PER_ORDER_OPERATIONS: ReadonlySet<string> = new Set(['confirmOrder', 'updateOrderShipping']);

/** What an error built from one MessageModel needs to know. */
export interface MessageErrorContext {
  readonly operation: string;
  readonly httpStatus?: number | null;
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
  const base = { mall: MALL, httpStatus: response.status, requestId: response.requestId, operation: request.operation };
  if (response.ok) {
    // A 200 that is not JSON (a proxy's page, a cut transfer) is unreadable, not a success. Retryable:
    // the pipeline re-sends reads only, so a write with such an answer is resolved by reading back.
    try {
      response.json();
      return null;
    } catch (error) {
      return ResponseFormatError.isInstance(error)
        ? new ResponseFormatError(error.message, { ...base, excerpt: error.excerpt, retryable: true, cause: error })
        : null;
    }
  }
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
  if (response.status === 503) {
    return new MaintenanceError(`rakuten ${request.operation}: HTTP 503, the RMS API is in maintenance or overloaded`, { ...base, hint: MAINTENANCE_HINT });
  }
  if (response.status === 429 || (response.status === 403 && /qps/i.test(response.text))) {
    return new RateLimitError(`rakuten ${request.operation}: HTTP ${response.status}, request rate exceeded`, { ...base, hint: QPS_HINT });
  }
  const envelope = envelopeSchema.safeParse(body);
  const errors = envelope.success ? (envelope.data.MessageModelList ?? []).filter((m) => m.messageType === 'ERROR') : [];
  // Per-order refusals of a write (each naming its order) are results, not a failed call: the
  // operation reads them from the body and reports them order by order.
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

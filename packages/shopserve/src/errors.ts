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
  type ErrorClassifier,
  type Hint,
  type HttpResponse,
} from '@mallkit/core';
import type { FieldRenamer } from './api/field-names.js';
import { CANCELLED_MESSAGE } from './api/wire-profile.js';

/*
 * Shopserve's error table. The error body is UNKNOWN (public clients only log it as text), so the
 * table decides by HTTP status and reads a code and a message tolerantly from whatever body came:
 * `{code, message}`, `{error: {…}}`, `{errors: [{…}]}`, `{error: "…"}` or plain text/HTML. Only
 * 401 (the key refused, by the integrators' account) is confirmed; the other rows are the usual
 * meaning of the status, and the rows marked UNVERIFIED below are mallkit's reading of it.
 */

/** What the shop does when the key is refused: re-issuing voids the old key, and the 2026 intrusion makes a re-issue advisable. */
export const RENEW_MANAGER_KEY: Hint = Object.freeze({
  ja: '管理画面「サーバー → ショップサーブAPI」でマネージャー認証キーを確認してください。キーを再発行すると古いキーは無効になるため、新しいキーを設定し直してください（2026年の不正アクセス公表後に再発行していない場合は再発行を推奨します）。',
  en: 'Check the manager key in the admin screen (サーバー → ショップサーブAPI). Re-issuing the key voids the old one, so set the new key here (re-issuing is advised if you have not done so since the 2026 intrusion was disclosed).',
});

/** Hints of the other rows, by error class. */
export const SHOPSERVE_HINTS = Object.freeze({
  permission: {
    ja: 'ショップサーブAPIの利用申込み（受注APIを含むか）と、ショップIDが正しいかを確認してください。',
    en: 'Check that the shop applied for the Shopserve API (including the order API) and that the shop ID is right.',
  },
  rateLimit: {
    ja: 'ショップサーブが混雑またはリクエスト過多を返しました。rateLimit を下げ、時間をおいて再実行してください。',
    en: 'Shopserve refused the request as too many or too fast. Lower rateLimit and try again later.',
  },
  maintenance: {
    ja: 'ショップサーブはメインテナンス中です。お知らせ（サービスアップデート）の終了時刻以降に再実行してください。',
    en: 'Shopserve is in maintenance. Try again after the end time given in its service notices.',
  },
  unavailable: {
    ja: 'ショップサーブ側のエラーです。時間をおいて再実行してください。',
    en: 'Shopserve failed on its side. Try again later.',
  },
  notFound: {
    ja: 'この serial_code の注文はこのショップにありません。注文番号ではなく serial_code を指定しているか確認してください。すべての注文でこうなる場合は、注文状態更新APIのパスが仕様と違います（wire.statusUpdate で設定）。',
    en: 'No order with this serial_code in this shop: pass the serial_code, not the order number. If every order fails this way, the status-update path differs from Shopserve\'s (set wire.statusUpdate).',
  },
  updatePath: {
    ja: '注文を読み取れた直後に注文状態更新APIが「見つからない」と答えました。パスまたはメソッドが仕様と違います。管理画面の仕様書を確認し、wire.statusUpdate で設定してください。残りの注文は送信していません。',
    en: "The status update answered 'not found' for an order read a moment before: the update's path or method differs from Shopserve's. Check the specification in the admin screen and set wire.statusUpdate. The remaining orders were not sent.",
  },
  searchPath: {
    ja: '注文情報検索APIのパスまたはブロック名がショップサーブの仕様と違います。管理画面の仕様書を確認し、wire.searchPath / wire.blocks で設定してください。',
    en: "The order-search path or block names differ from Shopserve's specification. Check the specification in the admin screen and set wire.searchPath / wire.blocks.",
  },
  orderState: {
    ja: '注文の状態（キャンセル済みなど）により更新できません。受注台帳で注文を確認してください。',
    en: "The order's state (cancelled, for example) does not allow this change. Check the order in the 受注台帳.",
  },
  invalidRequest: {
    ja: 'ショップサーブがリクエストを受け付けませんでした。メッセージを確認し、項目名や値が仕様と違う場合は wire 設定で直してください。',
    en: 'Shopserve refused the request. Read the message; if a field name or value differs from its specification, correct it with the `wire` option.',
  },
} satisfies Record<string, Hint>);

/** A code and a message read from an error body, whatever its shape. */
export interface ErrorBody {
  /** The mall's error code, when the body has one. */
  readonly code: string | null;
  /** The mall's message, or the body's text cut to 200 characters. */
  readonly message: string;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;
}

function fromObject(value: unknown): { code: string | null; message: string | null } {
  if (typeof value !== 'object' || value === null) return { code: null, message: stringOf(value) };
  const record = value as Record<string, unknown>;
  const nested = Array.isArray(record['errors']) ? record['errors'][0] : typeof record['error'] === 'object' ? record['error'] : undefined;
  if (nested !== undefined && nested !== null) {
    const inner = fromObject(nested);
    if (inner.message !== null || inner.code !== null) return inner;
  }
  return {
    code: stringOf(record['code']),
    message: stringOf(record['message']) ?? stringOf(record['error']) ?? stringOf(record['error_description']) ?? stringOf(record['detail']),
  };
}

/** Reads an error body tolerantly (see the file comment). */
export function readErrorBody(text: string, renamer: FieldRenamer): ErrorBody {
  let parsed: unknown;
  try {
    parsed = renamer.toCanonical(JSON.parse(text));
  } catch {
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return { code: null, message: plain.slice(0, 200) };
  }
  const found = fromObject(parsed);
  return { code: found.code, message: (found.message ?? text.slice(0, 200)).slice(0, 200) };
}

/**
 * The classifier of Shopserve answers. Successful answers are not inspected (no error body on
 * HTTP 2xx has been seen; writes are read back instead); every other answer becomes one of core's
 * error classes with the mall's code, its message and a hint.
 */
export function createShopserveClassifier(renamer: FieldRenamer): ErrorClassifier {
  return (response: HttpResponse, request) => {
    if (response.ok) return null;
    const body = readErrorBody(response.text, renamer);
    const base = {
      mall: 'shopserve' as const,
      operation: request.operation,
      httpStatus: response.status,
      mallCode: body.code ?? `HTTP ${response.status}`,
    };
    const message = `shopserve ${request.operation}: HTTP ${response.status}${body.message ? `: ${body.message}` : ''}`;
    const status = response.status;
    if (status === 401) return new CredentialError(message, { ...base, credential: 'managerKey', reason: 'invalid', hint: RENEW_MANAGER_KEY });
    if (status === 403) return new PermissionError(message, { ...base, hint: SHOPSERVE_HINTS.permission });
    if (status === 429) return new RateLimitError(message, { ...base, hint: SHOPSERVE_HINTS.rateLimit });
    // Shopserve's maintenance answer is UNKNOWN: core's reading (503, or a body saying メンテナンス).
    // メインテナンス is Eストアー's own spelling in its notices.
    if (isMaintenanceAnswer(response) || /メインテナンス/.test(body.message)) {
      return new MaintenanceError(message, { ...base, hint: SHOPSERVE_HINTS.maintenance });
    }
    if (status >= 500) return new MallUnavailableError(message, { ...base, hint: SHOPSERVE_HINTS.unavailable });
    // UNVERIFIED: a search names no order, so its 404 can only be a path (or block) Shopserve does not have.
    if (status === 404 && request.operation === 'searchOrders') return new InvalidRequestError(message, { ...base, hint: SHOPSERVE_HINTS.searchPath });
    if (status === 404) return new NotFoundError(message, { ...base, hint: SHOPSERVE_HINTS.notFound });
    // UNVERIFIED: 409, or a 400 whose message speaks of キャンセル, read as the order's state refusing the change.
    if (status === 409 || (status === 400 && CANCELLED_MESSAGE.test(body.message))) {
      return new OrderStateError(message, { ...base, hint: SHOPSERVE_HINTS.orderState });
    }
    return new InvalidRequestError(message, { ...base, hint: SHOPSERVE_HINTS.invalidRequest });
  };
}

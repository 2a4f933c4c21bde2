import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  MallUnavailableError,
  ResponseFormatError,
  formatJst,
  isMaintenanceAnswer,
  type ClassifyContext,
  type ErrorClassifier,
  type Hint,
  type HttpResponse,
  type MallkitError,
} from '@mallkit/core';
import { AUPAY_XML, aupayResultSchema, type AupayResult } from './api/wire.js';

/*
 * au PAY's error table. Every answer is read, HTTP 200 included: au PAY reports errors in the body
 * (`<result><status>1</status><error><code/><message/></error></result>`). Known rows:
 * - `0002` 認証に失敗しました (HTTP 401): a bad or expired key, a caller IP not registered, or a key
 *   without the 受注・決済 API group — au PAY answers all of them alike;
 * - `CME0022`: the shopId is wrong (seen live by ryojrcreators/daily-wholesale-report);
 * - `[field]必須入力項目です`: a required field is missing (seen live when the update body was
 *   wrapped in an extra element);
 * - anything that is not au PAY's XML — an HTML 502 page, or text au PAY sends under load — is
 *   transient (ksnerp `Responser.php`; hunglead Robot-in manual p=3488);
 * - au PAY's XML error envelope behind an HTTP 5xx (a system error, "busy") is the mall failing,
 *   not a refusal of the request: transient, and for a write an unknown outcome that is read back.
 */

/** What to tell the shop, per error. */
export const AUPAY_HINTS = Object.freeze({
  /** 0002: the three causes, in the order to check them. */
  credentialsRefused: {
    ja:
      'au PAY が認証を拒否しました（0002）。次の順に確認してください。' +
      '(1) APIキーが正しく、有効期限内か（発行から90日。期限切れなら Wow!manager → 各種お申し込み → API利用申請 →「APIキーの発行はこちら」で再発行し、新しいキーと有効期限を設定し直す。前後の空白にも注意）。' +
      '(2) このサーバーの送信元IPアドレスが同じ画面の【接続元IPアドレスを登録】に登録されているか。' +
      '(3) APIキーに受注・決済APIの利用権限があるか（商品APIだけが使えるキーでも同じ 0002 になります）。',
    en:
      'au PAY refused the credentials (0002). Check, in this order: ' +
      '(1) the API key is right and not expired (keys last 90 days; issue a new one in Wow!manager → 各種お申し込み → API利用申請 → 「APIキーの発行はこちら」 and set the new key and its expiry date; no spaces around it); ' +
      '(2) this server\'s outgoing IP address is registered under 【接続元IPアドレスを登録】 on the same screen; ' +
      '(3) the key is allowed the 受注・決済 (order) API group (a key limited to the item APIs gets the same 0002).',
  },
  /** 0002 after the expiry date the user gave. */
  keyExpired: {
    ja: 'APIキーの有効期限（発行から90日）が切れています。Wow!manager → 各種お申し込み → API利用申請 →「APIキーの発行はこちら」で再発行し、新しいキーと有効期限を設定してください。接続元IPアドレスの登録も確認してください。',
    en: 'The API key has expired (keys last 90 days). Issue a new one in Wow!manager → 各種お申し込み → API利用申請 → 「APIキーの発行はこちら」, then set the new key and its expiry date. Check the registered 接続元IPアドレス too.',
  },
  /** CME0022. */
  wrongShopId: {
    ja: '店舗ID（shopId）が正しくありません（CME0022）。Wow!manager の店舗ID（数字）を確認してください。',
    en: 'The shop ID (shopId) is wrong (CME0022). Check the shop ID (digits) shown in Wow!manager.',
  },
  /** An answer that is not au PAY's XML. */
  notXml: {
    ja: 'au PAY から XML ではない応答が返りました（混雑時やゲートウェイ障害で起きます）。読み取りは自動で再試行します。書き込みは注文を読み直して結果を確かめます。',
    en: 'au PAY answered something that is not its XML (it happens under load or at a gateway failure). Reads are retried; for writes the order is read back to learn what happened.',
  },
  /** An HTTP 5xx carrying au PAY's own error (a system error, or busy). */
  mallFailed: {
    ja: 'au PAY 側でエラーが発生しました（HTTP 5xx）。読み取りは自動で再試行します。書き込みは注文を読み直して結果を確かめます。続く場合は時間をおいて再実行してください。',
    en: 'au PAY failed on its side (HTTP 5xx). Reads are retried; for writes the order is read back to learn what happened. If it persists, run again later.',
  },
  /** A maintenance page. */
  maintenance: {
    ja: 'au PAY マーケットはメンテナンス中です。終了後に再実行してください。',
    en: 'au PAY マーケット is under maintenance. Run again once it is over.',
  },
  /** A write to a cancelled order. */
  cancelled: {
    ja: 'この注文はキャンセル済み（またはキャンセル受付中）のため変更できません。',
    en: 'The order is cancelled (or its cancellation is under way); it cannot be changed.',
  },
  /** A write to an order under au PAY's fraud review. */
  fraudReview: {
    ja: 'au PAY の不正取引審査中（または審査保留・審査NG）の注文です。審査が終わるまで確認・発送しないでください。',
    en: 'The order is under au PAY\'s fraud review (or on review hold / failed it). Do not confirm or ship it until the review is over.',
  },
  /** A write to an order the shop put on hold. */
  onHold: {
    ja: '保留中の注文です。Wow!manager で保留を解除してから再実行してください。',
    en: 'The order is on hold. Release the hold in Wow!manager, then run again.',
  },
  /** Shipping an order that is not paid. */
  unpaid: {
    ja: '入金（または与信）がまだの注文です。入金を確認してから発送してください。',
    en: 'The order is not paid (or its credit authorization is not finished) yet. Ship it once the payment has arrived.',
  },
  /** A status no table describes. */
  unknownStatus: {
    ja: '店舗独自のステータスの注文です。意味をコネクターの customStatuses に設定するか、Wow!manager でステータスを変更してください。',
    en: 'The order is in a status the shop defined. Tell the connector what it means (customStatuses), or change the status in Wow!manager.',
  },
  /** The shipment was written but the status change was not. */
  partialShipment: {
    ja: '配送会社・伝票番号・発送日は登録されましたが、受注ステータスの変更に失敗しました。同じ内容で exportShipments を再実行すると、ステータスの変更だけを送ります。',
    en: 'The carrier, tracking number and ship date were written, but the status change failed. Run exportShipments again with the same update: only the status change is sent.',
  },
  /** A payment method no table maps, on an order whose next step depends on when it is paid. */
  unmappedPayment: {
    ja: '決済方法（settlementName）が変換表にないため、前払いかどうか判断できません。入金前の発送を防ぐため送信していません。コネクターの mappers.paymentMethod にこの決済方法を追加してから再実行してください。',
    en: 'The payment method (settlementName) is not in the mapping table, so whether it is paid before shipping is unknown; nothing was sent, so that an unpaid order is not shipped. Map it in the connector\'s mappers.paymentMethod, then run again.',
  },
  /** Shipping a paid prepaid order that still sits in 発送前入金待ち. */
  confirmFirst: {
    ja: '入金済みですが、注文はまだ「発送前入金待ち」です。先に confirmOrders で「発送待ち」へ進めてから発送してください（何も送信していません）。',
    en: 'The order is paid but still in 発送前入金待ち. Run confirmOrders first (it moves the order to 発送待ち), then ship it. Nothing was sent.',
  },
  /** Another refusal. */
  refused: {
    ja: 'au PAY がリクエストを受け付けませんでした。エラーメッセージの内容を確認してください。',
    en: 'au PAY refused the request. See the error message for what it objected to.',
  },
} satisfies Readonly<Record<string, Hint>>);

/** What the error table needs to know besides the answer. */
export interface AupayClassifierSettings {
  /** When the key expires (from the connector's options), to say "expired" rather than "refused". */
  readonly keyExpiresAt: Date | null;
  /** Masks the connector's secrets in the excerpts the table keeps. */
  readonly redact: (text: string) => string;
}

/** The `<result>` of an answer, or null when the answer is not au PAY's XML. */
function resultOf(response: HttpResponse): AupayResult | null {
  let body: unknown;
  try {
    body = response.parsed(AUPAY_XML.read);
  } catch {
    return null;
  }
  const result = (body as { response?: { result?: unknown } } | null)?.response?.result;
  const parsed = aupayResultSchema.safeParse(result);
  return parsed.success ? parsed.data : null;
}

function errorOf(result: AupayResult): { code: string | null; message: string } {
  const error = typeof result.error === 'object' ? result.error : undefined;
  const code = error?.code?.trim() || null;
  const message = (error?.message ?? result.message ?? (typeof result.error === 'string' ? result.error : '')).trim();
  return { code, message };
}

/** The 0002 error: `expired` once the key's known expiry has passed, else the three possible causes. */
function refusedCredentials(response: HttpResponse, operation: string, code: string | null, keyExpiresAt: Date | null, now: number): CredentialError {
  const expired = keyExpiresAt !== null && keyExpiresAt.getTime() <= now;
  const what = expired ? `the API key expired on ${formatJst(keyExpiresAt, 'iso')}` : 'the API key was refused (a bad or expired key, an unregistered caller IP, or no permission for the order API group)';
  return new CredentialError(`aupay ${operation}: ${what}`, {
    mall: 'aupay',
    operation,
    mallCode: code,
    httpStatus: response.status,
    credential: 'apiKey',
    reason: expired ? 'expired' : 'invalid',
    hint: expired ? AUPAY_HINTS.keyExpired : AUPAY_HINTS.credentialsRefused,
  });
}

/** The answer of a refused call (`<status>1`), as one of core's classes. */
function refusal(response: HttpResponse, operation: string, result: AupayResult, settings: AupayClassifierSettings, now: number): MallkitError {
  const { code, message } = errorOf(result);
  const base = { mall: 'aupay' as const, operation, mallCode: code, httpStatus: response.status };
  if (code === '0002' || response.status === 401) return refusedCredentials(response, operation, code, settings.keyExpiresAt, now);
  if (code === 'CME0022') {
    return new CredentialError(`aupay ${operation}: the shop ID was refused (CME0022${message ? `: ${message}` : ''})`, {
      ...base,
      credential: 'shopId',
      reason: 'invalid',
      hint: AUPAY_HINTS.wrongShopId,
    });
  }
  if (/メンテナンス|maintenance/iu.test(message)) {
    return new MaintenanceError(`aupay ${operation}: au PAY is under maintenance (${code ?? 'no code'}${message ? `: ${message}` : ''})`, { ...base, hint: AUPAY_HINTS.maintenance });
  }
  // The envelope behind a 5xx is the mall failing (9999 システムエラー, busy), not a refusal of this request.
  if (response.status >= 500) {
    return new MallUnavailableError(`aupay ${operation}: HTTP ${response.status}: ${code ?? 'error'}${message ? ` ${message}` : ''}`, { ...base, hint: AUPAY_HINTS.mallFailed });
  }
  const missing = /^\[([^\]]+)\]\s*必須入力項目です/u.exec(message);
  return new InvalidRequestError(`aupay ${operation}: ${code ?? 'error'}${message ? ` ${message}` : ''}`, {
    ...base,
    field: missing?.[1] ?? null,
    hint: AUPAY_HINTS.refused,
  });
}

/** Creates au PAY's error table for one connector. */
export function createAupayClassifier(settings: AupayClassifierSettings): ErrorClassifier {
  return (response, request, context?: ClassifyContext) => {
    const operation = request.operation;
    const now = context?.now ?? Date.now();
    const result = resultOf(response);
    if (result === null) {
      if (response.status === 401) return refusedCredentials(response, operation, null, settings.keyExpiresAt, now);
      if (isMaintenanceAnswer(response)) {
        return new MaintenanceError(`aupay ${operation}: au PAY is under maintenance (HTTP ${response.status})`, { mall: 'aupay', operation, httpStatus: response.status, hint: AUPAY_HINTS.maintenance });
      }
      // Other HTTP errors (a 502 page…) go to core's status table: 5xx are transient there.
      if (!response.ok) return undefined;
      return new ResponseFormatError(`aupay ${operation}: the answer (HTTP ${response.status}) is not au PAY's XML`, {
        mall: 'aupay',
        operation,
        httpStatus: response.status,
        retryable: true,
        excerpt: settings.redact(response.text.slice(0, 300)),
        hint: AUPAY_HINTS.notXml,
      });
    }
    if (result.status.trim() === '0') return response.ok ? null : undefined;
    return refusal(response, operation, result, settings, now);
  };
}

import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  isMaintenanceAnswer,
  type ErrorClassifier,
  type Hint,
  type HttpResponse,
  type MallkitError,
} from '@mallkit/core';

/*
 * Qoo10's error table. QAPI answers HTTP 200 for everything (observed live), so errors are read
 * from the body, in one of three shapes: `{ResultCode < 0, ResultMsg}`, `{ErrorCode, ErrorMsg}`
 * (a wrong key: `-90001 存在しないAPIです。`, which misleadingly says the API does not exist), and
 * plain text `Can't find service Name X` / `Can't find method Info Y` for an unknown class or
 * method. Codes: jjaejjaehub/passoffer docs/api/qoo10 (from the official QSM method pages), each
 * method's own table where it has one.
 */

/** What the shop does when the Seller Authorization Key is rejected or expired. */
export const RENEW_CERTIFICATION_KEY: Hint = {
  ja: '販売者認証キー（SAK）を再発行してください。QSMのログインIDとパスワードで CertificationAPI.CreateCertificationKey を呼ぶと発行されます（発行回数の制限はありません）。有効期限は1年で、Qoo10からの期限通知はありません。QSMのパスワードを変更した場合も再発行が必要です。',
  en: 'Issue a new Seller Authorization Key (SAK): CertificationAPI.CreateCertificationKey with the QSM login id and password mints one (no known issuance limit). It lives one year, Qoo10 sends no expiry notice, and changing the QSM password voids it.',
};

/** What the shop does when the QSM login used to mint a key is refused. */
export const CHECK_QSM_LOGIN: Hint = {
  ja: 'QSMのログインID・パスワード、またはAPIキーが正しくありません。QSMのパスワードを変更した場合は新しいパスワードを設定してください。APIキーはQSM「Qoo10へお問い合わせ」>［システム］>［API・FTP・QSM権限］で申請します。',
  en: 'The QSM login id or password, or the API key, was refused. If the QSM password was changed, configure the new one. API keys are requested in QSM: Qoo10へお問い合わせ > [システム] > [API・FTP・QSM権限].',
};

const NOT_AUTHORIZED: Hint = {
  ja: 'このAPIを使う権限がありません。QSM「Qoo10へお問い合わせ」>［システム］>［API・FTP・QSM権限］でAPI権限を確認してください。',
  en: 'The key is not allowed to use this API. Check the API rights in QSM: Qoo10へお問い合わせ > [システム] > [API・FTP・QSM権限].',
};

/** -10013: the line is not in 配送要請, the one status SetSellerCheckYN accepts. */
export const NOT_ON_REQUEST: Hint = {
  ja: '注文が「配送要請」ではありません。すでに発注確認済みか、QSMで「発送予定日」を入力したためステータスが「配送準備」に変わった可能性があります（発送予定日を更新するとステータスが変わります）。QSMで注文のステータスを確認してください。',
  en: 'The order is not in 配送要請 (awaiting confirmation). It may be confirmed already, or its 発送予定日 was set in QSM, which moves the order to 配送準備. Check its status in QSM.',
};

const EST_SHIP_DATE: Hint = {
  ja: '発送予定日（EstShipDt）を確認してください。明日以降の日付で、Qoo10が認める範囲内である必要があります。',
  en: 'Check the estimated ship date (EstShipDt): it must be after today and within the range Qoo10 allows.',
};

const MALLKIT_BUG: Hint = {
  ja: 'Qoo10がメソッドを認識しませんでした。mallkit の不具合として報告してください。',
  en: 'Qoo10 did not recognise the method: report it as a mallkit issue.',
};

/** -10001 on a write to one line: that line (or its shop) is not found. */
const LINE_NOT_FOUND: Hint = {
  ja: 'Qoo10がこの注文（OrderNo）を見つけられませんでした（-10001）。注文番号を確認してください。すべての注文で続く場合は、販売者認証キーが正しいショップのものか確認してください。',
  en: 'Qoo10 did not find this order line (-10001). Check the order number; if every order gets it, check that the Seller Authorization Key belongs to this shop.',
};

const MAINTENANCE: Hint = {
  ja: 'Qoo10（QSM API）がメンテナンス中です。しばらくしてから再実行してください。',
  en: 'Qoo10 (QSM API) is under maintenance. Try again later.',
};

const CHECK_REQUEST: Hint = {
  ja: 'Qoo10が要求を受け付けませんでした。エラーコードとメッセージを確認してください。',
  en: 'Qoo10 refused the request; see the code and message.',
};

/** The credential option a key error names: the SAK, or the QSM password when minting failed. */
export const CERTIFICATION_KEY = 'certificationKey';

type Builder = (message: string, base: ErrorBase) => MallkitError;

interface ErrorBase {
  readonly mall: 'qoo10';
  readonly operation: string;
  readonly mallCode: string;
  readonly requestId: string | null;
}

const expired: Builder = (message, base) =>
  new CredentialError(message, { ...base, credential: CERTIFICATION_KEY, reason: 'expired', hint: RENEW_CERTIFICATION_KEY });
const invalidKey: Builder = (message, base) =>
  new CredentialError(message, { ...base, credential: CERTIFICATION_KEY, reason: 'invalid', hint: RENEW_CERTIFICATION_KEY });
const invalid =
  (hint: Hint, field?: string): Builder =>
  (message, base) =>
    new InvalidRequestError(message, { ...base, hint, ...(field ? { field } : {}) });

/** The codes every method shares. */
const COMMON: Readonly<Record<string, Builder>> = {
  '-10000': invalidKey,
  // "Not exists seller info" on a read: the key does not name a shop (writes read it otherwise, below).
  '-10001': invalidKey,
  '-90001': invalidKey,
  '-90002': (message, base) => new PermissionError(message, { ...base, hint: NOT_AUTHORIZED }),
  '-90003': (message, base) => new PermissionError(message, { ...base, hint: NOT_AUTHORIZED }),
  '-90004': expired,
  '-90005': expired,
};

/**
 * -10001 on a write to one line. The common table reads it "Not exists seller info", which would
 * stop the batch as a credential error; but every write is preceded by a read of the same cart with
 * the same key, which the shop's seller info passed, and SetCancelProcess — the one write whose
 * table spells its codes out — uses -10001 for a wrong order number (passoffer SetCancelProcess.md).
 * So on a write it fails that order alone, as not found, and the hint names both readings.
 */
const lineNotFound: Builder = (message, base) => new NotFoundError(message, { ...base, hint: LINE_NOT_FOUND });

/** Codes whose meaning depends on the method. */
const BY_OPERATION: Readonly<Record<string, Readonly<Record<string, Builder>>>> = {
  SetSendingInfo: {
    // SetSendingInfo's page publishes no code table (passoffer SetSendingInfo.md): only -10001 is read specially.
    '-10001': lineNotFound,
  },
  SetSellerCheckYN_V2: {
    '-10001': lineNotFound,
    // -10011…-10018: SetSellerCheckYNBulk's table (passoffer SetSellerCheckYNBulk.md), the same check per line.
    '-10011': invalid({ ja: '一度に確認できるのは500件までです。', en: 'At most 500 orders per request.' }),
    '-10012': (message, base) =>
      new OrderStateError(message, { ...base, hint: { ja: 'すでに発注確認済みです。', en: 'Already confirmed.' } }),
    '-10013': (message, base) => new OrderStateError(message, { ...base, hint: NOT_ON_REQUEST }),
    '-10016': invalid(EST_SHIP_DATE, 'estimatedShipDate'),
    '-10017': invalid(EST_SHIP_DATE, 'estimatedShipDate'),
    '-10018': invalid(EST_SHIP_DATE, 'estimatedShipDate'),
  },
  // GetClaimInfo_V3's own table (passoffer GetClaimInfo_V3.md): -10002 Search Date Error, -10003 over 90 days.
  GetClaimInfo_V3: {
    '-10002': invalid({ ja: '検索期間の日付を確認してください。', en: 'Check the search dates.' }, 'search_Sdate'),
    '-10003': invalid({ ja: 'クレーム検索の期間は90日以内です。', en: 'Claim searches cover at most 90 days.' }, 'search_Edate'),
  },
};

/** Reads the code and message of an error body, or null when the body is not one of Qoo10's JSON shapes. */
function errorBody(response: HttpResponse): { code: number; message: string } | null {
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const raw = record['ResultCode'] ?? record['ErrorCode'];
  if (raw === undefined || raw === null || raw === '') return null;
  const code = Number(raw);
  if (!Number.isFinite(code)) return null;
  const message = String(record['ResultMsg'] ?? record['ErrorMsg'] ?? '');
  return { code, message };
}

/**
 * Turns one of Qoo10's codes into mallkit's error: every code of the published table has a class
 * and a hint; an unknown negative code is an InvalidRequestError keeping the code.
 */
export function qoo10Error(code: number, message: string, operation: string, requestId: string | null = null): MallkitError {
  const mallCode = String(code);
  const base: ErrorBase = { mall: 'qoo10', operation, mallCode, requestId };
  const text = `qoo10 ${operation}: ${mallCode} ${message}`.trim();
  if (operation === 'CreateCertificationKey') {
    // Minting fails for a wrong QSM login or API key; the codes are not published (UNVERIFIED).
    return new CredentialError(text, { ...base, credential: 'password', reason: 'invalid', hint: CHECK_QSM_LOGIN });
  }
  const build = BY_OPERATION[operation]?.[mallCode] ?? COMMON[mallCode] ?? invalid(CHECK_REQUEST);
  return build(text, base);
}

/** Qoo10's error table as the kit's classifier: every answer, HTTP 200 included. */
export const classifyQoo10: ErrorClassifier = (response, request) => {
  // A maintenance page (HTTP 503, or a page saying メンテナンス) is not QAPI's answer: say so, with what to do.
  if (isMaintenanceAnswer(response) && errorBody(response) === null) {
    return new MaintenanceError(`qoo10 ${request.operation}: Qoo10 is under maintenance (HTTP ${response.status})`, {
      mall: 'qoo10',
      operation: request.operation,
      httpStatus: response.status,
      hint: MAINTENANCE,
    });
  }
  // Not 200: the generic status table (5xx retried, 401/403…), Qoo10 itself never sends one.
  if (!response.ok) return undefined;
  const text = response.text.trim();
  const unknownMethod = /^Can't find (service Name|method Info)\b/i.exec(text);
  if (unknownMethod) {
    return new InvalidRequestError(`qoo10 ${request.operation}: ${text.slice(0, 120)}`, {
      mall: 'qoo10',
      operation: request.operation,
      mallCode: unknownMethod[1] === undefined ? null : `Can't find ${unknownMethod[1]}`,
      hint: MALLKIT_BUG,
    });
  }
  const body = errorBody(response);
  // Unreadable or without a code: the answer reader decides (ResponseFormatError, retried for reads).
  if (body === null || body.code === 0) return null;
  return qoo10Error(body.code, body.message, request.operation, response.requestId);
};

import {
  ClockSkewError,
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  MallUnavailableError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  type Clock,
  type ErrorClassifier,
  type Hint,
  type HttpResponse,
  type MallkitError,
  type MallkitErrorOptions,
} from '@mallkit/core';

/*
 * makeshop's error table. makeshop says only that "error details come back in the response"; the
 * shape of `errors[]` and its codes are not public. The table therefore reads what any GraphQL
 * server sends — `errors[].message`, `errors[].extensions.code` (Apollo's standard codes) and the
 * HTTP status — and the words makeshop's own messages are likely to use. Every row is UNVERIFIED
 * against the live API; the sandbox speaks these same shapes.
 */

/** What to do about a revoked or wrong 永続トークン. */
export const REINSTALL_HINT: Hint = {
  ja: '永続トークンが無効です。ショップがアプリをアンインストールすると失効します。ショップにアプリを再インストールしてもらい、インストールWebhookに届く新しい永続トークン（PAT.…）を設定してください。',
  en: 'The persistent token (永続トークン) was refused. It is revoked when the shop uninstalls the app: have the shop reinstall it and configure the new PAT.… token the install webhook receives.',
};

/** What to do about a wrong API key. */
export const API_KEY_HINT: Hint = {
  ja: 'APIキーが無効です。テスト環境（アプリ開発申請）と本番環境（アプリ公開申請）ではAPIキーとエンドポイントが別々に通知されます。makeshopからのメールの値を確認してください。',
  en: 'The API key was refused. The test environment (アプリ開発申請) and production (アプリ公開申請) each get their own API key and endpoint by e-mail: check that both come from the same e-mail.',
};

const CLOCK_HINT: Hint = {
  ja: 'makeshopが x-timestamp（Unix秒、有効期限1時間）を受け付けませんでした。このマシンの時計がずれています。NTP などで時刻を合わせてください。',
  en: 'makeshop refused the x-timestamp (Unix seconds, valid for one hour): this machine\'s clock is off. Synchronize it (NTP).',
};

const PERMISSION_HINT: Hint = {
  ja: 'アプリに注文データへの権限がありません。makeshopの「外部データ連携利用申請」が承認済み（審査に数日〜1週間）か、アプリが注文の参照・更新を許可されているかを確認してください。',
  en: 'The app may not access orders. Check that makeshop approved the 外部データ連携 request (its review takes a few days to a week) and that the app is allowed to read and update orders.',
};

const RATE_HINT: Hint = {
  ja: 'リクエストが多すぎます。makeshop APIは1秒に1回（従来APIの上限）を前提にしています。同じトークンを使う別のプロセスがないか確認してください。',
  en: 'Too many requests. mallkit assumes 1 request per second (the legacy API\'s limit); check that no other process uses the same token.',
};

/** What to do when makeshop does not know a field or argument of a document this package sent. */
export const DOCUMENT_HINT: Hint = {
  ja: 'makeshopがGraphQL文書の項目を受け付けませんでした。READMEの「GraphQL文書の差し替え」を参照し、documents オプションで正しい項目名を指定してください（別名 alias で既定の名前に合わせられます）。',
  en: 'makeshop refused a field or argument of the GraphQL document. See "Replacing a GraphQL document" in the README and pass the right names in the `documents` option (aliases keep the default names).',
};

const MAINTENANCE_HINT: Hint = {
  ja: 'makeshopはメンテナンス中です。時間をおいて再実行してください。',
  en: 'makeshop is under maintenance. Run again later.',
};

/** One entry of a GraphQL `errors[]`. */
interface GraphqlError {
  readonly message: string;
  readonly code: string | null;
}

/** Unknown fields as graphql-js (`Cannot query field "x" on type "T".`) and graphql-java (`Field 'x' in type 'T' is undefined`) word them. */
const UNKNOWN_FIELD = [/Cannot query field ["'](\w+)["'] on type/g, /Field ["'](\w+)["'] in type ["']\w+["'] is undefined/g];

const UNKNOWN_FIELDS = Symbol.for('mallkit.makeshop.unknown-fields');
/**
 * makeshop does not know fields the document asked for (its answer to a selection it cannot
 * resolve). The connector drops such fields by itself when they are ones this package inferred;
 * this error reaches the user only when a confirmed field or the user's own document is refused.
 */
export class UnknownFieldsError extends InvalidRequestError {
  readonly [UNKNOWN_FIELDS] = true;
  /** The field names makeshop named, in the order of its errors. */
  readonly unknownFields: readonly string[];
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions & { unknownFields: readonly string[] }) {
    super(message, { ...options, field: options.unknownFields[0] ?? null });
    this.unknownFields = options.unknownFields;
  }
  /** True for an UnknownFieldsError from any copy of the package. */
  static override isInstance(error: unknown): error is UnknownFieldsError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[UNKNOWN_FIELDS] === true;
  }
}

function graphqlErrors(body: unknown): GraphqlError[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((entry: unknown) => {
    const record = (entry ?? {}) as { message?: unknown; extensions?: { code?: unknown } };
    return {
      message: typeof record.message === 'string' ? record.message : JSON.stringify(entry),
      code: typeof record.extensions?.code === 'string' ? record.extensions.code : null,
    };
  });
}

function unknownFieldsIn(errors: readonly GraphqlError[]): string[] {
  const names: string[] = [];
  for (const { message } of errors) {
    for (const pattern of UNKNOWN_FIELD) for (const match of message.matchAll(pattern)) if (match[1]) names.push(match[1]);
  }
  return [...new Set(names)];
}

function readJson(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}

/** How far this machine's clock is from makeshop's, from the answer's Date header, as words. */
function skewWords(response: HttpResponse, clock: Clock): string {
  const date = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(date)) return '';
  const minutes = Math.round((clock.now() - date) / 60_000);
  return minutes === 0 ? '' : ` (this machine's clock is about ${Math.abs(minutes)} minutes ${minutes > 0 ? 'ahead' : 'behind'})`;
}

/**
 * makeshop's error table as the kit's client takes it: `clock` is the connector's, used to say how
 * far off it is when makeshop refuses the x-timestamp.
 */
export function createMakeshopErrorTable(clock: Clock): ErrorClassifier {
  return (response, request) => {
    const body = readJson(response);
    const errors = graphqlErrors(body);
    const status = response.status;
    if (errors.length === 0) {
      if (response.ok) return null;
      if (status === 503 && /メンテナンス|maintenance/i.test(response.text)) {
        return new MaintenanceError(`makeshop ${request.operation}: maintenance (HTTP 503)`, { mall: 'makeshop', hint: MAINTENANCE_HINT });
      }
      if (status === 401) return tokenRefused(`HTTP 401`, null, request.operation);
      // Anything else without a GraphQL body (a proxy's 5xx page, a 429): the status table.
      return undefined;
    }

    const first = errors[0] as GraphqlError;
    const code = first.code ?? errors.find((error) => error.code !== null)?.code ?? null;
    const text = errors.map((error) => error.message).join(' / ');
    const base = { mall: 'makeshop' as const, operation: request.operation, mallCode: code };
    const message = `makeshop ${request.operation}: ${text}`;

    const unknown = unknownFieldsIn(errors);
    if (unknown.length > 0) return new UnknownFieldsError(message, { ...base, mallCode: code ?? 'GRAPHQL_VALIDATION_FAILED', unknownFields: unknown, hint: DOCUMENT_HINT });
    if (code === 'TIMESTAMP_EXPIRED' || code === 'INVALID_TIMESTAMP' || /timestamp/i.test(text)) {
      return new ClockSkewError(`${message}${skewWords(response, clock)}`, { ...base, hint: CLOCK_HINT });
    }
    if (code === 'INVALID_API_KEY' || /api[\s_-]?key/i.test(text)) {
      return new CredentialError(message, { ...base, credential: 'apiKey', reason: 'invalid', hint: API_KEY_HINT });
    }
    if (code === 'UNAUTHENTICATED' || status === 401 || /token|トークン/i.test(text)) return tokenRefused(text, code, request.operation);
    if (code === 'FORBIDDEN' || status === 403) return new PermissionError(message, { ...base, hint: PERMISSION_HINT });
    if (code === 'TOO_MANY_REQUESTS' || code === 'RATE_LIMITED' || status === 429) return new RateLimitError(message, { ...base, hint: RATE_HINT });
    if (code === 'MAINTENANCE' || status === 503) return new MaintenanceError(message, { ...base, hint: MAINTENANCE_HINT });
    if (code === 'NOT_FOUND') return new NotFoundError(message, { ...base, hint: { ja: '注文番号を確認してください。', en: 'Check the order number.' } });
    if (code === 'INVALID_ORDER_STATUS') {
      return new OrderStateError(message, {
        ...base,
        hint: { ja: `注文の状態により変更できません（${first.message}）。makeshopの管理画面で注文を確認してください。`, en: `The order's state does not allow this (${first.message}). Check the order in makeshop's admin screen.` },
      });
    }
    if (code === 'INTERNAL_SERVER_ERROR' || status >= 500) {
      return new MallUnavailableError(message, { ...base, hint: { ja: 'makeshop側でエラーが起きました。時間をおいて再実行してください。', en: 'makeshop failed on its side. Run again later.' } });
    }
    const aboutTheDocument = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_USER_INPUT';
    return new InvalidRequestError(message, {
      ...base,
      hint: aboutTheDocument ? DOCUMENT_HINT : { ja: `makeshopがリクエストを拒否しました: ${first.message}`, en: `makeshop refused the request: ${first.message}` },
    });
  };
}

function tokenRefused(text: string, code: string | null, operation: string): MallkitError {
  const revoked = /revok|失効|uninstall|アンインストール/i.test(text);
  return new CredentialError(`makeshop ${operation}: the persistent token was refused (${text})`, {
    mall: 'makeshop',
    operation,
    mallCode: code,
    credential: 'accessToken',
    reason: revoked ? 'revoked' : 'invalid',
    hint: REINSTALL_HINT,
  });
}

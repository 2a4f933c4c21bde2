import {
  ClockSkewError,
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
  type MallkitError,
  type MallkitErrorOptions,
} from '@mallkit/core';
import { isPartialOrderResult } from './api/graphql.js';
import { MAKESHOP_TIMESTAMP_VALIDITY_SECONDS } from './api/limits.js';

/*
 * makeshop's error table. makeshop says only that "error details come back in the response"; the
 * shape of `errors[]` and its codes are not public. The table therefore reads what any GraphQL
 * server sends: `errors[].extensions.code` first (Apollo's standard codes, and a few a makeshop
 * would plausibly add), then the HTTP status. Words in messages decide only between the
 * credentials of a 401/403 and only as whole phrases (`x-timestamp`, `x-api-key`, `revoked`): a
 * message such as "Syntax Error: Unexpected token" must never read as a refused token. Every row
 * is UNVERIFIED against the live API; the sandbox speaks these same shapes.
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
const DOCUMENT_HINT: Hint = {
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

/** How far this machine's clock is ahead of makeshop's (negative: behind), from the answer's Date header; null without one. */
function skewMs(response: HttpResponse, now: number): number | null {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : now - date;
}

function skewWords(response: HttpResponse, now: number): string {
  const skew = skewMs(response, now);
  const minutes = skew === null ? 0 : Math.round(skew / 60_000);
  return minutes === 0 ? '' : ` (this machine's clock is about ${Math.abs(minutes)} minutes ${minutes > 0 ? 'ahead' : 'behind'})`;
}

/**
 * A clock this far from makeshop's makes x-timestamp fail its one-hour validity (less a margin for
 * the Date header's whole seconds and the time on the way): a bare 401 is then the clock, not the token.
 */
const SKEW_LIMIT_MS = (MAKESHOP_TIMESTAMP_VALIDITY_SECONDS - 5 * 60) * 1000;

/** Codes this table knows (Apollo's standard ones, and ones a makeshop could add; all unverified). */
const DOCUMENT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND']);

interface Answer {
  readonly response: HttpResponse;
  readonly operation: string;
  readonly now: number;
  /** The messages of `errors[]` joined, or the status when there is none. */
  readonly text: string;
  readonly code: string | null;
  readonly firstMessage: string;
}

const base = (answer: Answer) => ({ mall: 'makeshop' as const, operation: answer.operation, mallCode: answer.code });
const messageOf = (answer: Answer): string => `makeshop ${answer.operation}: ${answer.text}`;

function clockSkew(answer: Answer): MallkitError {
  return new ClockSkewError(`${messageOf(answer)}${skewWords(answer.response, answer.now)}`, { ...base(answer), hint: CLOCK_HINT });
}

function apiKeyRefused(answer: Answer): MallkitError {
  return new CredentialError(messageOf(answer), { ...base(answer), credential: 'apiKey', reason: 'invalid', hint: API_KEY_HINT });
}

/** The token was refused: revoked when makeshop's words say so (unverified wording), else invalid. */
function tokenRefused(answer: Answer): MallkitError {
  const revoked = /\brevoked\b|失効|uninstall|アンインストール/i.test(answer.text);
  return new CredentialError(`makeshop ${answer.operation}: the persistent token was refused (${answer.text})`, {
    ...base(answer),
    credential: 'accessToken',
    reason: revoked ? 'revoked' : 'invalid',
    hint: REINSTALL_HINT,
  });
}

/**
 * A refusal of the credentials (UNAUTHENTICATED, or a 401 without a code): the header it names
 * (`x-timestamp`, `x-api-key`), else a clock far from makeshop's, else the token.
 */
function credentialsRefused(answer: Answer): MallkitError {
  if (/x-timestamp/i.test(answer.text)) return clockSkew(answer);
  if (/x-api-key|\bapi key\b|APIキー/i.test(answer.text)) return apiKeyRefused(answer);
  const skew = skewMs(answer.response, answer.now);
  if (skew !== null && Math.abs(skew) > SKEW_LIMIT_MS) return clockSkew(answer);
  return tokenRefused(answer);
}

/** The classes of makeshop's codes, looked up before anything else. */
function byCode(answer: Answer): MallkitError | undefined {
  const { code } = answer;
  switch (code) {
    case 'TIMESTAMP_EXPIRED':
    case 'INVALID_TIMESTAMP':
      return clockSkew(answer);
    case 'INVALID_API_KEY':
      return apiKeyRefused(answer);
    case 'UNAUTHENTICATED':
      return credentialsRefused(answer);
    case 'FORBIDDEN':
      return new PermissionError(messageOf(answer), { ...base(answer), hint: PERMISSION_HINT });
    case 'TOO_MANY_REQUESTS':
    case 'RATE_LIMITED':
      return new RateLimitError(messageOf(answer), { ...base(answer), hint: RATE_HINT });
    case 'MAINTENANCE':
      return new MaintenanceError(messageOf(answer), { ...base(answer), hint: MAINTENANCE_HINT });
    case 'NOT_FOUND':
      return new NotFoundError(messageOf(answer), { ...base(answer), hint: { ja: '注文番号を確認してください。', en: 'Check the order number.' } });
    case 'INVALID_ORDER_STATUS':
      return new OrderStateError(messageOf(answer), {
        ...base(answer),
        hint: {
          ja: `注文の状態により変更できません（${answer.firstMessage}）。makeshopの管理画面で注文を確認してください。`,
          en: `The order's state does not allow this (${answer.firstMessage}). Check the order in makeshop's admin screen.`,
        },
      });
    case 'INTERNAL_SERVER_ERROR':
      return unavailable(answer);
    default:
      return code !== null && DOCUMENT_CODES.has(code) ? new InvalidRequestError(messageOf(answer), { ...base(answer), hint: DOCUMENT_HINT }) : undefined;
  }
}

function unavailable(answer: Answer): MallkitError {
  return new MallUnavailableError(messageOf(answer), { ...base(answer), hint: { ja: 'makeshop側でエラーが起きました。時間をおいて再実行してください。', en: 'makeshop failed on its side. Run again later.' } });
}

/** Without a code this table knows: the HTTP status decides. */
function byStatus(answer: Answer): MallkitError {
  const status = answer.response.status;
  if (status === 401) return credentialsRefused(answer);
  if (status === 403) return /x-api-key|\bapi key\b|APIキー/i.test(answer.text) ? apiKeyRefused(answer) : new PermissionError(messageOf(answer), { ...base(answer), hint: PERMISSION_HINT });
  if (status === 429) return new RateLimitError(messageOf(answer), { ...base(answer), hint: RATE_HINT });
  if (isMaintenanceAnswer(answer.response) && status >= 500) return new MaintenanceError(messageOf(answer), { ...base(answer), hint: MAINTENANCE_HINT });
  if (status >= 500) return unavailable(answer);
  return new InvalidRequestError(messageOf(answer), {
    ...base(answer),
    hint: { ja: `makeshopがリクエストを拒否しました: ${answer.firstMessage}`, en: `makeshop refused the request: ${answer.firstMessage}` },
  });
}

/**
 * makeshop's error table as the kit's client takes it (the kit passes "now" on the connector's
 * clock, which made the x-timestamp): GraphQL codes first, then the HTTP status.
 */
export const makeshopErrorTable: ErrorClassifier = (response, request, context) => {
  const body = readJson(response);
  // A partial result whose errors are each about one order: the other orders are delivered, those
  // orders are reported unreadable (client.ts attaches the errors to them).
  if (isPartialOrderResult(body)) return null;
  const errors = graphqlErrors(body);
  const now = context?.now ?? Date.now();
  const text = errors.length > 0 ? errors.map((error) => error.message).join(' / ') : `HTTP ${response.status}`;
  const answer: Answer = { response, operation: request.operation, now, text, code: errors.find((error) => error.code !== null)?.code ?? null, firstMessage: errors[0]?.message ?? text };
  if (errors.length === 0) {
    // A maintenance page (HTML, any status): makeshop's API is closed.
    if (body === undefined && isMaintenanceAnswer(response)) return new MaintenanceError(`makeshop ${request.operation}: maintenance (HTTP ${response.status})`, { mall: 'makeshop', operation: request.operation, hint: MAINTENANCE_HINT });
    if (response.ok) return null;
    if (response.status === 401) return credentialsRefused(answer);
    // Anything else without a GraphQL body (a proxy's 5xx page, a 429): the status table.
    return undefined;
  }
  const unknown = unknownFieldsIn(errors);
  if (unknown.length > 0) {
    return new UnknownFieldsError(messageOf(answer), { ...base(answer), mallCode: answer.code ?? 'GRAPHQL_VALIDATION_FAILED', unknownFields: unknown, hint: DOCUMENT_HINT });
  }
  return byCode(answer) ?? byStatus(answer);
};

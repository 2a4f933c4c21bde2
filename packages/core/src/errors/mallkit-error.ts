import type { BatchItemResult } from '../contract/results.js';
import type { MallId } from '../model/mall-id.js';
import type { Hint } from './hint.js';
import { defaultRedactor } from './redact.js';
import { sanitizeCause } from './safe-cause.js';

/** Normalized error codes, one per class (ValidationError's and CredentialError's also say why). */
export type MallkitErrorCode =
  | 'credential_invalid'
  | 'credential_expired'
  | 'credential_revoked'
  | 'permission_denied'
  | 'rate_limited'
  | 'maintenance'
  | 'mall_unavailable'
  | 'invalid_request'
  | 'validation_failed'
  | 'order_state'
  | 'not_found'
  | 'clock_skew'
  | 'response_format'
  | 'incomplete_result'
  | 'network'
  | 'timeout'
  | 'unsupported_operation';

/** What every mallkit error carries besides its message. */
export interface MallkitErrorOptions {
  /** The mall that answered, or null for errors raised before any request. */
  readonly mall?: MallId | null;
  /** The mall's own error code, as it sent it. */
  readonly mallCode?: string | null;
  /** The HTTP status of the answer, when there was one. */
  readonly httpStatus?: number | null;
  /** Whether sending the same request again may succeed. */
  readonly retryable?: boolean;
  /** How long the mall asked to wait before retrying, in ms. */
  readonly retryAfterMs?: number | null;
  /** What the shop or developer should do, in Japanese and English. */
  readonly hint?: Hint | null;
  /** The mall's request id, for support cases. */
  readonly requestId?: string | null;
  /** The operation that failed, e.g. `searchOrder`. */
  readonly operation?: string | null;
  /** How many attempts were made before this error was thrown. */
  readonly attempts?: number;
  /**
   * What caused it. Only mallkit errors are kept as they are; any other error is replaced by a
   * redacted copy of its name, message and code, because library errors carry the request (and its
   * Authorization header) in their properties.
   */
  readonly cause?: unknown;
}

/** Where a batch write stood when a connector-wide error stopped it. */
export interface BatchProgress {
  /** Per-order results of the orders handled before the stop, in input order. */
  readonly results: readonly BatchItemResult[];
  /** Ids of the orders that were not sent at all. */
  readonly notSent: readonly string[];
}

const MARKER = Symbol.for('mallkit.error');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Own fields that the inspected form shows beside the message (the rest are internal markers). */
function ownFields(error: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (key === 'cause') continue;
    fields[key] = (error as Record<string, unknown>)[key];
  }
  return fields;
}

/** The `inspect` function Node passes to a custom inspector. */
export type InspectFunction = (value: unknown, options?: Record<string, unknown>) => string;

/**
 * The base of every error mallkit throws. Identify errors with `code` or the static `isInstance`
 * of each class (works across duplicate copies of the package); `instanceof` works too within one copy.
 * Messages, JSON and the inspected form (`console.log(error)`, any depth, every `cause`) never
 * contain a secret: they pass through the redactor, and foreign causes are replaced by redacted copies.
 */
export class MallkitError extends Error {
  /** @internal */
  readonly [MARKER] = true;
  /** The normalized error code: one per class, so that code can be switched on. */
  readonly code: MallkitErrorCode;
  /** The mall that answered, or null for errors raised before any request. */
  readonly mall: MallId | null;
  /** The mall's own error code as it sent it (`GA0001`, `px-04102`, `InvalidInput`…). */
  readonly mallCode: string | null;
  /** The HTTP status of the answer, when there was one. */
  readonly httpStatus: number | null;
  /** Whether the same request may succeed when sent again (the pipeline retries such errors itself). */
  readonly retryable: boolean;
  /** How long the mall asked to wait before retrying, in ms (Retry-After), when it said. */
  readonly retryAfterMs: number | null;
  /** What the shop or developer should do, in Japanese and English. */
  readonly hint: Hint | null;
  /** The mall's request id (x-amzn-RequestId…), for support cases. */
  readonly requestId: string | null;
  /** The operation that failed, e.g. `searchOrder`. */
  readonly operation: string | null;
  /** How many attempts were made before this error was thrown. */
  attempts: number;
  /**
   * Set when a connector-wide error (credentials, permissions, maintenance) stopped a batch write:
   * the results of the orders handled before it, and the ids never sent.
   */
  batch: BatchProgress | null = null;

  /** Creates an error; the message is redacted of secret-shaped tokens and registered secrets. */
  constructor(code: MallkitErrorCode, message: string, options: MallkitErrorOptions = {}) {
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause);
    super(defaultRedactor.text(message), cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.mall = options.mall ?? null;
    this.mallCode = options.mallCode ?? null;
    this.httpStatus = options.httpStatus ?? null;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.hint = options.hint ?? null;
    this.requestId = options.requestId ?? null;
    this.operation = options.operation ?? null;
    this.attempts = options.attempts ?? 1;
  }

  /** True for any mallkit error, from any copy of the package. */
  static isInstance(error: unknown): error is MallkitError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }

  /** A plain, secret-free object for logs and API answers. */
  toJSON(): Record<string, unknown> {
    return defaultRedactor.value({
      name: this.name,
      code: this.code,
      message: this.message,
      mall: this.mall,
      mallCode: this.mallCode,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      hint: this.hint,
      requestId: this.requestId,
      operation: this.operation,
      attempts: this.attempts,
    });
  }

  /**
   * What `console.log(error)` and `util.inspect` print: the stack, the error's own fields redacted,
   * and the cause chain, each cause inspected the same way. Node calls it; nobody else needs to.
   */
  [INSPECT](depth: number, options: Record<string, unknown>, inspect: InspectFunction): string {
    const stack = defaultRedactor.text(this.stack ?? `${this.name}: ${this.message}`);
    if (depth < 0) return `[${this.name}: ${defaultRedactor.text(this.message)}]`;
    const nested = { ...options, depth: typeof options['depth'] === 'number' ? (options['depth'] as number) - 1 : options['depth'] };
    const fields = inspect(defaultRedactor.value(ownFields(this)), nested);
    const cause = this.cause === undefined ? '' : `\n  [cause]: ${inspect(this.cause, nested).split('\n').join('\n  ')}`;
    return `${stack} ${fields}${cause}`;
  }
}

/** Builds the static `isInstance` of a subclass from its own `Symbol.for` marker. */
export function markerCheck(marker: symbol): (error: unknown) => boolean {
  return (error) => typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}

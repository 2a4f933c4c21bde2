import type { MallId } from '../model/mall-id.js';
import type { Hint } from './hint.js';
import { defaultRedactor } from './redact.js';

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
  | 'network'
  | 'timeout'
  | 'unsupported_operation';

/** What every mallkit error carries besides its message. */
export interface MallkitErrorOptions {
  readonly mall?: MallId | null;
  readonly mallCode?: string | null;
  readonly httpStatus?: number | null;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number | null;
  readonly hint?: Hint | null;
  readonly requestId?: string | null;
  /** The operation that failed, e.g. `searchOrder`. */
  readonly operation?: string | null;
  /** How many attempts were made before this error was thrown. */
  readonly attempts?: number;
  readonly cause?: unknown;
}

const MARKER = Symbol.for('mallkit.error');

/**
 * The base of every error mallkit throws. Identify errors with `code` or the static `isInstance`
 * of each class (works across duplicate copies of the package); `instanceof` works too within one copy.
 * Messages and JSON never contain a secret: they pass through the redactor when created.
 */
export class MallkitError extends Error {
  /** @internal */
  readonly [MARKER] = true;
  readonly code: MallkitErrorCode;
  readonly mall: MallId | null;
  readonly mallCode: string | null;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly hint: Hint | null;
  readonly requestId: string | null;
  readonly operation: string | null;
  attempts: number;

  /** Creates an error; the message is redacted of secret-shaped tokens. */
  constructor(code: MallkitErrorCode, message: string, options: MallkitErrorOptions = {}) {
    super(defaultRedactor.text(message), options.cause === undefined ? undefined : { cause: options.cause });
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
}

/** Builds the static `isInstance` of a subclass from its own `Symbol.for` marker. */
export function markerCheck(marker: symbol): (error: unknown) => boolean {
  return (error) => typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}

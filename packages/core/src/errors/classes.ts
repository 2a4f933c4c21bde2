import type { Order } from '../model/order.js';
import type { Hint } from './hint.js';
import { defaultRedactor } from './redact.js';
import { MallkitError, markerCheck, type MallkitErrorCode, type MallkitErrorOptions } from './mallkit-error.js';

/* Each class sets its own Symbol.for marker so that `isInstance` works across package copies. */

const CREDENTIAL = Symbol.for('mallkit.error.credential');
/** A credential is wrong, expired or revoked. `credential` names which one (licenseKey, refreshToken…). */
export class CredentialError extends MallkitError {
  readonly [CREDENTIAL] = true;
  /** The credential concerned, by its option name: `licenseKey`, `refreshToken`, `clientSecret`, `publicKey`… */
  readonly credential: string;
  /** Creates the error. */
  constructor(
    message: string,
    options: MallkitErrorOptions & { credential: string; reason?: 'invalid' | 'expired' | 'revoked' },
  ) {
    const code: MallkitErrorCode =
      options.reason === 'expired' ? 'credential_expired' : options.reason === 'revoked' ? 'credential_revoked' : 'credential_invalid';
    super(code, message, { ...options, retryable: false });
    this.credential = options.credential;
  }
  /** True for a CredentialError from any copy of the package. */
  static override isInstance(error: unknown): error is CredentialError {
    return markerCheck(CREDENTIAL)(error);
  }
}

const PERMISSION = Symbol.for('mallkit.error.permission');
/** Authenticated, but not allowed: account not eligible, IP not allow-listed, function or scope not enabled. */
export class PermissionError extends MallkitError {
  readonly [PERMISSION] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('permission_denied', message, { ...options, retryable: false });
  }
  /** True for a PermissionError from any copy of the package. */
  static override isInstance(error: unknown): error is PermissionError {
    return markerCheck(PERMISSION)(error);
  }
}

const RATE_LIMIT = Symbol.for('mallkit.error.rate-limit');
/** The mall refused the call for exceeding its request rate or daily quota. Retryable after `retryAfterMs`. */
export class RateLimitError extends MallkitError {
  readonly [RATE_LIMIT] = true;
  /** Creates the error; retryable unless told otherwise (a daily cap is not). */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('rate_limited', message, { retryable: true, ...options });
  }
  /** True for a RateLimitError from any copy of the package. */
  static override isInstance(error: unknown): error is RateLimitError {
    return markerCheck(RATE_LIMIT)(error);
  }
}

const MAINTENANCE = Symbol.for('mallkit.error.maintenance');
/** The mall is in scheduled or emergency maintenance. Retryable. */
export class MaintenanceError extends MallkitError {
  readonly [MAINTENANCE] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('maintenance', message, { retryable: true, ...options });
  }
  /** True for a MaintenanceError from any copy of the package. */
  static override isInstance(error: unknown): error is MaintenanceError {
    return markerCheck(MAINTENANCE)(error);
  }
}

const UNAVAILABLE = Symbol.for('mallkit.error.unavailable');
/** The mall answered with a server error (5xx) or a gateway failure. Retryable. */
export class MallUnavailableError extends MallkitError {
  readonly [UNAVAILABLE] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('mall_unavailable', message, { retryable: true, ...options });
  }
  /** True for a MallUnavailableError from any copy of the package. */
  static override isInstance(error: unknown): error is MallUnavailableError {
    return markerCheck(UNAVAILABLE)(error);
  }
}

const INVALID_REQUEST = Symbol.for('mallkit.error.invalid-request');
/** The mall rejected the request as malformed. `field` names the field when the mall said which. */
export class InvalidRequestError extends MallkitError {
  readonly [INVALID_REQUEST] = true;
  readonly field: string | null;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions & { field?: string | null } = {}) {
    super('invalid_request', message, { ...options, retryable: false });
    this.field = options.field ?? null;
  }
  /** True for an InvalidRequestError from any copy of the package. */
  static override isInstance(error: unknown): error is InvalidRequestError {
    return markerCheck(INVALID_REQUEST)(error);
  }
}

/** One problem found in an input. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `updates[2].trackingNumber`. */
  readonly field: string;
  readonly message: string;
}

const VALIDATION = Symbol.for('mallkit.error.validation');
/** Our own check of an input failed before anything was sent. `field` names the first bad field. */
export class ValidationError extends MallkitError {
  readonly [VALIDATION] = true;
  readonly field: string;
  readonly issues: readonly ValidationIssue[];
  /** Creates the error from one or more issues. */
  constructor(issues: readonly ValidationIssue[], options: MallkitErrorOptions & { hint?: Hint | null } = {}) {
    const first = issues[0] ?? { field: '(input)', message: 'invalid input' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('validation_failed', `${first.field}: ${first.message}${more}`, { ...options, retryable: false });
    this.field = first.field;
    this.issues = issues;
  }
  /** True for a ValidationError from any copy of the package. */
  static override isInstance(error: unknown): error is ValidationError {
    return markerCheck(VALIDATION)(error);
  }
}

const ORDER_STATE = Symbol.for('mallkit.error.order-state');
/** The operation is not allowed in the order's current state (cancelled, under fraud review, postage unset…). */
export class OrderStateError extends MallkitError {
  readonly [ORDER_STATE] = true;
  readonly orderId: string | null;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions & { orderId?: string | null } = {}) {
    super('order_state', message, { ...options, retryable: false });
    this.orderId = options.orderId ?? null;
  }
  /** True for an OrderStateError from any copy of the package. */
  static override isInstance(error: unknown): error is OrderStateError {
    return markerCheck(ORDER_STATE)(error);
  }
}

const NOT_FOUND = Symbol.for('mallkit.error.not-found');
/** The order (or resource) does not exist for this shop. */
export class NotFoundError extends MallkitError {
  readonly [NOT_FOUND] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('not_found', message, { ...options, retryable: false });
  }
  /** True for a NotFoundError from any copy of the package. */
  static override isInstance(error: unknown): error is NotFoundError {
    return markerCheck(NOT_FOUND)(error);
  }
}

const CLOCK_SKEW = Symbol.for('mallkit.error.clock-skew');
/** The mall rejected a timestamp or signature because this machine's clock is off. */
export class ClockSkewError extends MallkitError {
  readonly [CLOCK_SKEW] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('clock_skew', message, { ...options, retryable: false });
  }
  /** True for a ClockSkewError from any copy of the package. */
  static override isInstance(error: unknown): error is ClockSkewError {
    return markerCheck(CLOCK_SKEW)(error);
  }
}

const RESPONSE_FORMAT = Symbol.for('mallkit.error.response-format');
/** The mall answered something we cannot parse. `excerpt` keeps a short, redacted piece of it. */
export class ResponseFormatError extends MallkitError {
  readonly [RESPONSE_FORMAT] = true;
  /** The first 300 characters of what the mall sent, redacted. */
  readonly excerpt: string;
  /** Creates the error; the excerpt is cut to 300 characters. */
  constructor(message: string, options: MallkitErrorOptions & { excerpt?: string } = {}) {
    super('response_format', message, { retryable: false, ...options });
    this.excerpt = defaultRedactor.text((options.excerpt ?? '').slice(0, 300));
  }
  /** True for a ResponseFormatError from any copy of the package. */
  static override isInstance(error: unknown): error is ResponseFormatError {
    return markerCheck(RESPONSE_FORMAT)(error);
  }
}

const NETWORK = Symbol.for('mallkit.error.network');
/** The connection failed (reset, DNS, refused). Retryable for reads; writes are resolved by reading back. */
export class NetworkError extends MallkitError {
  readonly [NETWORK] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('network', message, { retryable: true, ...options });
  }
  /** True for a NetworkError from any copy of the package. */
  static override isInstance(error: unknown): error is NetworkError {
    return markerCheck(NETWORK)(error);
  }
}

const TIMEOUT = Symbol.for('mallkit.error.timeout');
/** No answer in time. The request may have been processed: writes are resolved by reading back. */
export class TimeoutError extends MallkitError {
  readonly [TIMEOUT] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('timeout', message, { retryable: true, ...options });
  }
  /** True for a TimeoutError from any copy of the package. */
  static override isInstance(error: unknown): error is TimeoutError {
    return markerCheck(TIMEOUT)(error);
  }
}

const UNSUPPORTED = Symbol.for('mallkit.error.unsupported');
/** The mall has no such operation; `capabilities` says so beforehand. */
export class UnsupportedOperationError extends MallkitError {
  readonly [UNSUPPORTED] = true;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions = {}) {
    super('unsupported_operation', message, { ...options, retryable: false });
  }
  /** True for an UnsupportedOperationError from any copy of the package. */
  static override isInstance(error: unknown): error is UnsupportedOperationError {
    return markerCheck(UNSUPPORTED)(error);
  }
}

const UNREADABLE_ORDER = Symbol.for('mallkit.error.unreadable-order');
/**
 * One order the mall sent could not be read or normalized (a required field missing, an id with a
 * control character, a value of the wrong shape). The other orders of the same answer are still
 * delivered; this error names the order and keeps a redacted excerpt of what the mall sent for it.
 */
export class UnreadableOrderError extends ResponseFormatError {
  readonly [UNREADABLE_ORDER] = true;
  /** The order's id as the mall sent it (escaped when it holds control characters), or null when it had none. */
  readonly orderId: string | null;
  /** Creates the error. */
  constructor(message: string, options: MallkitErrorOptions & { orderId: string | null; excerpt?: string }) {
    super(message, { ...options, retryable: false });
    this.orderId = options.orderId;
  }
  /** True for an UnreadableOrderError from any copy of the package. */
  static override isInstance(error: unknown): error is UnreadableOrderError {
    return markerCheck(UNREADABLE_ORDER)(error);
  }
}

const INCOMPLETE = Symbol.for('mallkit.error.incomplete-result');
/**
 * A listing or a read finished, but not everything could be delivered: some orders were unreadable
 * (`failures`, each with its id). Thrown at the END of listOrders, after every readable order was
 * yielded, and by getOrders with the readable orders in `orders` — unless the call passed
 * `onOrderError`, which then receives each failure as it happens instead (decision 0008).
 */
export class IncompleteResultError extends MallkitError {
  readonly [INCOMPLETE] = true;
  /** One error per order that could not be read. */
  readonly failures: readonly UnreadableOrderError[];
  /** How many orders were delivered despite the failures. */
  readonly delivered: number;
  /** getOrders only: the orders that were read, in the order asked. Empty for listOrders (they were yielded). */
  readonly orders: readonly Order[];
  /** Creates the error. */
  constructor(
    message: string,
    options: MallkitErrorOptions & { failures: readonly UnreadableOrderError[]; delivered: number; orders?: readonly Order[] },
  ) {
    super('incomplete_result', message, { ...options, retryable: false });
    this.failures = options.failures;
    this.delivered = options.delivered;
    this.orders = options.orders ?? [];
  }
  /** True for an IncompleteResultError from any copy of the package. */
  static override isInstance(error: unknown): error is IncompleteResultError {
    return markerCheck(INCOMPLETE)(error);
  }
}

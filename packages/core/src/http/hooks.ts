import type { MallId } from '../model/mall-id.js';

/** Sent before each attempt of a request. Headers are redacted. */
export interface RequestEvent {
  /** The mall the request goes to. */
  readonly mall: MallId;
  /** The mall's name for the call (`searchOrder`, `getOrders`…). */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: string;
  /** The URL, with secrets in the query redacted. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** The request headers, with credentials redacted. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Sent after each answer, error or not. */
export interface ResponseEvent {
  /** The mall that answered. */
  readonly mall: MallId;
  /** The mall's name for the call. */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: string;
  /** The URL, with secrets in the query redacted. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** From sending the request to reading the answer, in ms. */
  readonly durationMs: number;
  /** The mall's request id, when it sent one (for support cases). */
  readonly requestId: string | null;
}

/** Sent before waiting to retry. `error` is the failed attempt's error as secret-free JSON. */
export interface RetryEvent {
  /** The mall the request goes to. */
  readonly mall: MallId;
  /** The mall's name for the call. */
  readonly operation: string;
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  /** How long the pipeline waits before the next attempt, in ms (backoff, or the mall's Retry-After). */
  readonly delayMs: number;
  /** The failed attempt's error as `MallkitError.toJSON()` gives it: no secret, no request object. */
  readonly error: Readonly<Record<string, unknown>>;
}

/** Sent when the throttle held a request back to stay under the mall's rate. */
export interface ThrottleEvent {
  /** The mall the request goes to. */
  readonly mall: MallId;
  /** The mall's name for the call. */
  readonly operation: string;
  /** The limiter key: a hash of the credential, never the credential. */
  readonly key: string;
  /** How long the request was held, in ms. */
  readonly waitedMs: number;
}

/** Observers of the HTTP pipeline. Payloads are redacted; a hook that throws is logged and ignored. */
export interface Hooks {
  /** Before each attempt of a request is sent. */
  onRequest?(event: RequestEvent): void;
  /** After each answer, error or not. */
  onResponse?(event: ResponseEvent): void;
  /** Before the pipeline waits to retry a failed attempt. */
  onRetry?(event: RetryEvent): void;
  /** When the throttle held a request back to stay under the mall's rate. */
  onThrottle?(event: ThrottleEvent): void;
}

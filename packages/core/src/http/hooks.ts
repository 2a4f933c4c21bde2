import type { MallId } from '../model/mall-id.js';

/** Sent before each attempt of a request. Headers are redacted. */
export interface RequestEvent {
  readonly mall: MallId;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** Sent after each answer, error or not. */
export interface ResponseEvent {
  readonly mall: MallId;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string | null;
}

/** Sent before waiting to retry. `error` is the failed attempt's error as secret-free JSON. */
export interface RetryEvent {
  readonly mall: MallId;
  readonly operation: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: Readonly<Record<string, unknown>>;
}

/** Sent when the throttle held a request back to stay under the mall's rate. */
export interface ThrottleEvent {
  readonly mall: MallId;
  readonly operation: string;
  /** The limiter key: a hash of the credential, never the credential. */
  readonly key: string;
  readonly waitedMs: number;
}

/** Observers of the HTTP pipeline. Payloads are redacted; a hook that throws is logged and ignored. */
export interface Hooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
  onThrottle?(event: ThrottleEvent): void;
}

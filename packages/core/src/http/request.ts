/** A query-string value; arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** One request to a mall, before auth, throttling and retries. */
export interface HttpRequest {
  /** The mall's operation name, e.g. `searchOrder`: used in errors, logs and hooks. */
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path relative to the connector's baseUrl, or an absolute URL (token endpoints). */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body (sent with `Content-Type: application/json` unless headers say otherwise). */
  readonly json?: unknown;
  /** A raw body (XML, form) with its content type in headers. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Whether sending twice is harmless. Reads are; writes are not by default: a write whose outcome
   * is unknown (timeout, connection reset, 5xx) is not re-sent but thrown, so the connector can
   * read the state back. Throttling and maintenance answers are retried for writes too (the mall
   * did not process them). Default: true for GET, false otherwise.
   */
  readonly idempotent?: boolean;
  /** The throttle key for this request when it differs from the connector's (per path, per operation). */
  readonly limiterKey?: string;
}

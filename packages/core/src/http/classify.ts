import {
  CredentialError,
  InvalidRequestError,
  MallUnavailableError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
} from '../errors/classes.js';
import type { MallkitError } from '../errors/mallkit-error.js';
import type { HttpRequest } from './request.js';
import type { HttpResponse } from './response.js';

/**
 * A mall's error table: looks at every answer — HTTP 200 too, since malls put errors in OK
 * bodies — and returns the normalized error, or null when the answer is a success.
 * Return `undefined` to let the generic status-code table decide.
 */
export type ErrorClassifier = (response: HttpResponse, request: HttpRequest, context?: ClassifyContext) => MallkitError | null | undefined;

/** What an error table may need besides the answer: "now" on the connector's clock (to tell an expired key from a wrong one). */
export interface ClassifyContext {
  /** Milliseconds since the epoch, on the connector's clock. */
  readonly now: number;
}

/**
 * True when an answer is a maintenance page rather than the API's own answer: HTTP 503, or a body
 * that says メンテナンス / maintenance (malls put those behind HTTP 200 and 500 too). Error tables
 * use it to answer MaintenanceError with their own hint.
 */
export function isMaintenanceAnswer(response: HttpResponse): boolean {
  return response.status === 503 || /メンテナンス|maintenance/i.test(response.text.slice(0, 4096));
}

/** The generic table by HTTP status, used when the mall's own table has no opinion. */
export function classifyByStatus(response: HttpResponse, request: HttpRequest): MallkitError | null {
  if (response.ok) return null;
  const base = { mall: response.mall, operation: request.operation, httpStatus: response.status, requestId: response.requestId };
  const message = `${response.mall} ${request.operation}: HTTP ${response.status}`;
  switch (true) {
    case response.status === 401:
      return new CredentialError(`${message}: credentials were rejected`, { ...base, credential: 'credentials' });
    case response.status === 403:
      return new PermissionError(`${message}: not allowed`, base);
    case response.status === 404:
      return new NotFoundError(`${message}: not found`, base);
    case response.status === 408:
      return new TimeoutError(`${message}: the mall timed out`, base);
    case response.status === 429:
      return new RateLimitError(`${message}: too many requests`, base);
    case response.status >= 500:
      return new MallUnavailableError(`${message}: the mall failed`, base);
    default:
      return new InvalidRequestError(`${message}: the mall rejected the request`, base);
  }
}

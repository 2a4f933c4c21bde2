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
export type ErrorClassifier = (response: HttpResponse, request: HttpRequest) => MallkitError | null | undefined;

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

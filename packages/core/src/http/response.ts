import { ResponseFormatError } from '../errors/classes.js';
import type { MallId } from '../model/mall-id.js';

/** An answer of the mall, read once. Parsed forms are memoized so that classifying and mapping parse once. */
export interface HttpResponse {
  readonly mall: MallId;
  readonly operation: string;
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  readonly text: string;
  /** The mall's request id header, when it sends one (kept on every error). */
  readonly requestId: string | null;
  /** The body as JSON; throws ResponseFormatError (with a redacted excerpt) when it is not JSON. */
  json(): unknown;
  /** The body parsed by `parse`, memoized per parse function. */
  parsed<T>(parse: (text: string) => T): T;
}

const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-request-id', 'x-amz-request-id', 'x-rms-request-id', 'request-id'];

/** Builds an HttpResponse around a body already read. */
export function createHttpResponse(init: {
  mall: MallId;
  operation: string;
  status: number;
  headers: Headers;
  url: string;
  text: string;
  redact: (text: string) => string;
}): HttpResponse {
  const memo = new Map<unknown, unknown>();
  const requestId = REQUEST_ID_HEADERS.map((name) => init.headers.get(name)).find((value) => value) ?? null;

  const parsed = <T>(parse: (text: string) => T): T => {
    if (memo.has(parse)) return memo.get(parse) as T;
    const value = parse(init.text);
    memo.set(parse, value);
    return value;
  };

  const parseJson = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ResponseFormatError(`${init.mall} ${init.operation}: the answer (HTTP ${init.status}) is not JSON`, {
        mall: init.mall,
        operation: init.operation,
        httpStatus: init.status,
        requestId,
        excerpt: init.redact(text.slice(0, 300)),
        cause,
      });
    }
  };

  return {
    mall: init.mall,
    operation: init.operation,
    status: init.status,
    ok: init.status >= 200 && init.status < 300,
    headers: init.headers,
    url: init.url,
    text: init.text,
    requestId,
    json: () => parsed(parseJson),
    parsed,
  };
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms from `now`, or null. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

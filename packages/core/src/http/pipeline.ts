import {
  CredentialError,
  MaintenanceError,
  NetworkError,
  RateLimitError,
  ResponseFormatError,
  TimeoutError,
  UnreadableOrderError,
} from '../errors/classes.js';
import { sanitizeCause } from '../errors/safe-cause.js';
import { decodeBody } from './charset.js';
import { createLazyKy, type LazyKy } from './lazy-ky.js';
import { MallkitError } from '../errors/mallkit-error.js';
import type { Redactor } from '../errors/redact.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';
import { systemClock, type Clock } from '../time/clock.js';
import { classifyByStatus, type ErrorClassifier } from './classify.js';
import type { Hooks } from './hooks.js';
import type { Limiter } from './limiter.js';
import type { HttpRequest, QueryValue } from './request.js';
import { createHttpResponse, parseRetryAfter, type HttpResponse } from './response.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './retry.js';

/** Everything a connector configures its pipeline with. */
export interface PipelineOptions {
  readonly mall: MallId;
  readonly baseUrl: string;
  readonly limiter: Limiter;
  /** The default throttle key: derive it from the credential with `credentialKey`, never the credential itself. */
  readonly limiterKey: string;
  readonly redactor: Redactor;
  /** The mall's error table, applied to every answer. */
  readonly classify: ErrorClassifier;
  readonly fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout (default 30 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly hooks?: Hooks;
  /** Headers sent with every request (Content-Type, User-Agent…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Auth headers, computed per attempt (signatures carry a timestamp; tokens refresh). */
  readonly authorize?: (request: HttpRequest, signal?: AbortSignal) => Promise<Record<string, string>> | Record<string, string>;
  /**
   * Called once per request when the mall rejects the credentials. Return true when a fresh
   * credential was obtained (an OAuth refresh): the request is then sent once more.
   */
  readonly onCredentialRejected?: (error: CredentialError, request: HttpRequest) => Promise<boolean>;
}

/** Per-call overrides. */
export interface SendOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly retries?: number;
}

/** Sends requests to one mall for one shop: throttle, auth, timeout, error table, retries. */
export interface HttpPipeline {
  readonly mall: MallId;
  readonly redactor: Redactor;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Sends the request; resolves with the answer when the error table finds no error, throws the typed error otherwise. */
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse>;
  /**
   * Sends the request and reads the answer with `reader` inside the same attempt: an answer the
   * reader cannot read (it throws ResponseFormatError) is retried for reads within the retry budget,
   * like a 5xx; for writes it is thrown, and the connector resolves the outcome by reading back.
   */
  read<T>(request: HttpRequest, reader: (response: HttpResponse) => T, options?: SendOptions): Promise<T>;
}

function buildUrl(baseUrl: string, path: string, query?: Readonly<Record<string, QueryValue>>): string {
  // An empty path is the base URL itself (one-endpoint APIs such as GraphQL), without a slash added.
  const target = /^https?:\/\//.test(path) ? path : path === '' ? baseUrl : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const url = new URL(target);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const entry of value) url.searchParams.append(key, String(entry));
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

/** A failed fetch as one line: its name and message, and its cause's (undici puts the socket error there). */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${inner}`;
}

function isIdempotent(request: HttpRequest): boolean {
  return request.idempotent ?? request.method === 'GET';
}

/**
 * Runs a step that reads the answer (the error table, the answer's parser). An answer that cannot be
 * read is transient for a read — a proxy's error page, a transfer cut short — so it is marked
 * retryable there; for a write it stays final here, and its outcome is resolved by reading back.
 */
function markUnreadable<T>(step: () => T, request: HttpRequest): T {
  try {
    return step();
  } catch (error) {
    if (ResponseFormatError.isInstance(error) && !UnreadableOrderError.isInstance(error) && isIdempotent(request)) {
      (error as { retryable: boolean }).retryable = true;
    }
    throw error;
  }
}

/** True when a failed request may be sent again without risking a double write. */
function mayRetry(error: unknown, request: HttpRequest): boolean {
  if (!MallkitError.isInstance(error) || !error.retryable) return false;
  const idempotent = isIdempotent(request);
  // For writes, only answers that prove the mall did not process the request are safe to re-send.
  return idempotent || RateLimitError.isInstance(error) || MaintenanceError.isInstance(error);
}

/** Creates the HTTP pipeline of a connector. */
export function createHttpPipeline(options: PipelineOptions): HttpPipeline {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const retryOptions: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const { redactor, mall } = options;
  // Made on the first request: loading ky at import time costs a third of a cold import (lazy-ky.ts).
  let client: Promise<LazyKy> | undefined;
  const kyClient = (): Promise<LazyKy> =>
    (client ??= createLazyKy({
      retry: 0,
      throwHttpErrors: false,
      timeout: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }));

  const safeHook = (name: keyof Hooks, payload: unknown): void => {
    const hook = options.hooks?.[name] as ((event: unknown) => void) | undefined;
    if (!hook) return;
    try {
      hook(redactor.value(payload));
    } catch (error) {
      logger.warn(`hook ${name} threw; ignored`, { error: redactor.text(String(error)) });
    }
  };

  const attemptOnce = async (request: HttpRequest, attempt: number, call: SendOptions): Promise<HttpResponse> => {
    // Loaded before the limiter's slot is taken: loading between the slot and the send would
    // bunch the first request up against the second.
    const ky = await kyClient();
    const key = request.limiterKey ?? options.limiterKey;
    const waitedMs = await options.limiter.acquire(key, call.signal);
    if (waitedMs > 0) safeHook('onThrottle', { mall, operation: request.operation, key, waitedMs });

    const auth = options.authorize ? await options.authorize(request, call.signal) : {};
    const headers: Record<string, string> = { ...options.headers, ...request.headers, ...auth };
    if (request.json !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    const url = buildUrl(options.baseUrl, request.path, request.query);
    const base = { mall, operation: request.operation };
    safeHook('onRequest', { ...base, method: request.method, url, attempt, headers });
    logger.debug(`${mall} ${request.operation} attempt ${attempt}`, redactor.value({ method: request.method, url }));

    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
    const started = performance.now();
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      const response = await ky.send(url, {
        method: request.method,
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
        timeout: timeoutMs,
        ...(call.signal ? { signal: call.signal } : {}),
      });
      status = response.status;
      responseHeaders = response.headers;
      // Bytes, not text(): a Shift_JIS or EUC-JP answer must be decoded by its own charset.
      text = decodeBody(new Uint8Array(await response.arrayBuffer()), responseHeaders.get('content-type'));
    } catch (cause) {
      // The caller's own abort: hand back the caller's reason, untouched.
      if (call.signal?.aborted) throw call.signal.reason;
      // ky's errors hold the request with its headers: only a redacted copy is kept as the cause.
      const safe = sanitizeCause(cause, redactor.text);
      if (ky.isTimeout(cause)) {
        throw new TimeoutError(`${mall} ${request.operation}: no answer within ${timeoutMs} ms`, { ...base, cause: safe });
      }
      throw new NetworkError(`${mall} ${request.operation}: connection failed (${redactor.text(errorText(cause))})`, { ...base, cause: safe });
    }

    const response = createHttpResponse({ ...base, status, headers: responseHeaders, url, text, redact: redactor.text });
    safeHook('onResponse', {
      ...base,
      method: request.method,
      url,
      attempt,
      status,
      durationMs: Math.round(performance.now() - started),
      requestId: response.requestId,
    });

    const classified = markUnreadable(() => options.classify(response, request, { now: clock.now() }), request);
    const error = classified === undefined ? classifyByStatus(response, request) : classified;
    if (!error) return response;
    // An unreadable answer the error table returns (rather than throws) is just as transient for a read.
    if (ResponseFormatError.isInstance(error) && !UnreadableOrderError.isInstance(error) && isIdempotent(request)) {
      (error as { retryable: boolean }).retryable = true;
    }
    // The mall's table may not know the request id or Retry-After: complete them here, once.
    const mutable = error as { -readonly [K in keyof MallkitError]: MallkitError[K] };
    mutable.requestId ??= response.requestId;
    mutable.httpStatus ??= status;
    mutable.retryAfterMs ??= parseRetryAfter(responseHeaders.get('retry-after'), clock.now());
    // The mall may echo what we sent: mask this connector's own secrets too, not only secret shapes.
    error.message = redactor.text(error.message);
    throw error;
  };

  const sendAndRead = <T>(request: HttpRequest, reader: (response: HttpResponse) => T, call: SendOptions): Promise<T> => {
    const effective: RetryOptions = call.retries === undefined ? retryOptions : { ...retryOptions, retries: call.retries };
    let refreshed = false;
    // Reading the answer is part of the attempt: an unreadable answer to a read is retried like a 5xx.
    const attemptAndRead = async (attempt: number): Promise<T> => {
      const response = await attemptOnce(request, attempt, call);
      return markUnreadable(() => reader(response), request);
    };
    return withRetry(
      async (attempt) => {
        try {
          return await attemptAndRead(attempt);
        } catch (error) {
          if (!refreshed && options.onCredentialRejected && CredentialError.isInstance(error)) {
            refreshed = true;
            if (await options.onCredentialRejected(error, request)) return attemptAndRead(attempt);
          }
          throw error;
        }
      },
      {
        options: effective,
        clock,
        ...(call.signal ? { signal: call.signal } : {}),
        shouldRetry: (error) => mayRetry(error, request),
        onRetry: (error, retry, delayMs) => {
          const json = MallkitError.isInstance(error) ? error.toJSON() : { message: String(error) };
          safeHook('onRetry', { mall, operation: request.operation, attempt: retry, delayMs, error: json });
          logger.info(`${mall} ${request.operation}: retry ${retry} in ${delayMs} ms`, redactor.value({ error: json }));
        },
      },
    );
  };

  return {
    mall,
    redactor,
    clock,
    logger,
    send(request, call = {}) {
      return sendAndRead(request, (response) => response, call);
    },
    read: (request, reader, call = {}) => sendAndRead(request, reader, call),
  };
}

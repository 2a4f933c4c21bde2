import ky, { TimeoutError as KyTimeoutError } from 'ky';
import { CredentialError, MaintenanceError, NetworkError, RateLimitError, TimeoutError } from '../errors/classes.js';
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
}

function buildUrl(baseUrl: string, path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const url = new URL(/^https?:\/\//.test(path) ? path : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const entry of value) url.searchParams.append(key, String(entry));
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** True when a failed request may be sent again without risking a double write. */
function mayRetry(error: unknown, request: HttpRequest): boolean {
  if (!MallkitError.isInstance(error) || !error.retryable) return false;
  const idempotent = request.idempotent ?? request.method === 'GET';
  // For writes, only answers that prove the mall did not process the request are safe to re-send.
  return idempotent || RateLimitError.isInstance(error) || MaintenanceError.isInstance(error);
}

/** Creates the HTTP pipeline of a connector. */
export function createHttpPipeline(options: PipelineOptions): HttpPipeline {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const retryOptions: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const { redactor, mall } = options;
  const client = ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

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
      const response = await client(url, {
        method: request.method,
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
        timeout: timeoutMs,
        ...(call.signal ? { signal: call.signal } : {}),
      });
      status = response.status;
      responseHeaders = response.headers;
      text = await response.text();
    } catch (cause) {
      if (isAbort(cause, call.signal) && !(cause instanceof KyTimeoutError)) throw call.signal?.reason ?? cause;
      if (cause instanceof KyTimeoutError) {
        throw new TimeoutError(`${mall} ${request.operation}: no answer within ${timeoutMs} ms`, { ...base, cause });
      }
      throw new NetworkError(`${mall} ${request.operation}: connection failed (${redactor.text(String(cause))})`, { ...base, cause });
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

    const classified = options.classify(response, request);
    const error = classified === undefined ? classifyByStatus(response, request) : classified;
    if (!error) return response;
    // The mall's table may not know the request id or Retry-After: complete them here, once.
    const mutable = error as { -readonly [K in keyof MallkitError]: MallkitError[K] };
    mutable.requestId ??= response.requestId;
    mutable.httpStatus ??= status;
    mutable.retryAfterMs ??= parseRetryAfter(responseHeaders.get('retry-after'), clock.now());
    // The mall may echo what we sent: mask this connector's own secrets too, not only secret shapes.
    error.message = redactor.text(error.message);
    throw error;
  };

  return {
    mall,
    redactor,
    clock,
    logger,
    async send(request, call = {}) {
      const effective: RetryOptions = call.retries === undefined ? retryOptions : { ...retryOptions, retries: call.retries };
      let refreshed = false;
      return withRetry(
        async (attempt) => {
          try {
            return await attemptOnce(request, attempt, call);
          } catch (error) {
            if (!refreshed && options.onCredentialRejected && CredentialError.isInstance(error)) {
              refreshed = true;
              if (await options.onCredentialRejected(error, request)) return attemptOnce(request, attempt, call);
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
    },
  };
}

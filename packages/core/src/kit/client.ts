import { resolveLimiter, type ConnectorOptions } from '../contract/connector-options.js';
import { checkConnectorOptions } from '../contract/connector-options-schema.js';
import { MaintenanceError } from '../errors/classes.js';
import type { Hint } from '../errors/hint.js';
import { createRedactor, type Redactor } from '../errors/redact.js';
import type { ErrorClassifier } from '../http/classify.js';
import type { Limiter, RateLimit, ThrottleLimiterOptions } from '../http/limiter.js';
import { createHttpPipeline, type HttpPipeline, type PipelineOptions, type SendOptions } from '../http/pipeline.js';
import type { HttpRequest } from '../http/request.js';
import type { HttpResponse } from '../http/response.js';
import type { RetryOptions } from '../http/retry.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';
import { systemClock, type Clock } from '../time/clock.js';
import { formatJst } from '../time/jst.js';
import { readAnswer } from './answer.js';
import type { Endpoint } from './endpoint.js';
import { buildRequest } from './request.js';

/** What a mall package tells the kit to build its raw client. */
export interface MallClientConfig {
  readonly mall: MallId;
  /** The user's connector options (fetch, baseUrl, timeoutMs, retry, rateLimit, clock, logger, hooks). */
  readonly options: ConnectorOptions;
  /** The mall's production API root, used when `options.baseUrl` is not set. */
  readonly baseUrl: string;
  /** Every secret value of the credentials: they are masked in errors, logs and hook payloads. */
  readonly secrets: ReadonlyArray<string | null | undefined>;
  /** The throttle key of the credential the mall budgets by: build it with `credentialKey`, never the secret itself. */
  readonly limiterKey: string;
  /** The mall's documented rate (or a ready Limiter such as a token bucket), used unless `options.rateLimit` is set. */
  readonly defaultRate: RateLimit | ((key: string) => RateLimit) | Limiter;
  /** Tuning of the throttle created from a rate (its margin). */
  readonly throttle?: ThrottleLimiterOptions;
  /** The mall's error table, applied to every answer (HTTP 200 included). */
  readonly classify: ErrorClassifier;
  /** Headers of every request (User-Agent, Accept…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Auth headers, computed per attempt. */
  readonly authorize?: PipelineOptions['authorize'];
  /** Called once per request when the mall rejects the credentials; true when a refresh makes a retry worthwhile. */
  readonly onCredentialRejected?: PipelineOptions['onCredentialRejected'];
  /** The mall's retry defaults; the user's `options.retry` wins over them. */
  readonly retry?: Partial<RetryOptions>;
  /** Sees every successful answer before it is read (rate headers, session status headers). */
  readonly onAnswer?: (response: HttpResponse, request: HttpRequest) => void;
  /**
   * The mall's scheduled closures (Shopserve: Wednesdays 02:00–08:00 JST): given the connector's
   * "now", when the API reopens and what to tell the shop, or null while it is open. A call during
   * a closure fails at once with MaintenanceError (retryAfterMs until reopening); nothing is sent.
   */
  readonly closedAt?: (now: number) => { readonly until: number; readonly hint: Hint } | null;
}

/** The raw client of one mall and shop: endpoint calls through one pipeline. */
export interface MallClient {
  readonly mall: MallId;
  readonly pipeline: HttpPipeline;
  readonly redactor: Redactor;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The throttle key of the credential (not secret). */
  readonly limiterKey: string;
  /** Sends one endpoint call and returns its answer, checked against the endpoint's schema. */
  call<Input, Answer>(endpoint: Endpoint<Input, Answer>, input: Input, options?: SendOptions): Promise<Answer>;
  /** Like {@link MallClient.call}, with the HTTP answer beside (headers, request id). */
  exchange<Input, Answer>(endpoint: Endpoint<Input, Answer>, input: Input, options?: SendOptions): Promise<{ readonly answer: Answer; readonly response: HttpResponse }>;
}

/**
 * Builds a mall's raw client from its configuration: the user's options are checked (a
 * ValidationError naming `options.timeoutMs`, `options.rateLimit.limit`… before anything is
 * sent), then become one pipeline
 * (throttle per credential, auth, timeout, retries, the mall's error table, redaction of every
 * secret), and each endpoint call is checked against its answer schema in the same attempt, so an
 * unreadable answer to a read is retried like a 5xx.
 */
export function createMallClient(config: MallClientConfig): MallClient {
  const { options, mall } = config;
  checkConnectorOptions(options, mall);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const redactor = createRedactor(config.secrets);
  const pipeline = createHttpPipeline({
    mall,
    baseUrl: options.baseUrl ?? config.baseUrl,
    limiter: resolveLimiter(options.rateLimit, config.defaultRate, config.throttle),
    limiterKey: config.limiterKey,
    redactor,
    classify: config.classify,
    clock,
    logger,
    retry: { ...config.retry, ...options.retry },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(config.headers ? { headers: config.headers } : {}),
    ...(config.authorize ? { authorize: config.authorize } : {}),
    ...(config.onCredentialRejected ? { onCredentialRejected: config.onCredentialRejected } : {}),
  });
  const redact = (text: string): string => redactor.text(text);

  const exchange = <Input, Answer>(endpoint: Endpoint<Input, Answer>, input: Input, call: SendOptions = {}) => {
    const now = clock.now();
    const closed = config.closedAt?.(now);
    if (closed) {
      return Promise.reject(
        new MaintenanceError(`${mall} ${endpoint.operation}: the API is closed for scheduled maintenance until ${formatJst(closed.until, 'iso')}`, {
          mall,
          operation: endpoint.operation,
          retryAfterMs: Math.max(0, closed.until - now),
          hint: closed.hint,
        }),
      );
    }
    const request = buildRequest(endpoint, input, config.limiterKey);
    return pipeline.read(
      request,
      (response) => {
        config.onAnswer?.(response, request);
        return { answer: readAnswer(response, endpoint.answer, redact, logger), response };
      },
      call,
    );
  };

  return {
    mall,
    pipeline,
    redactor,
    clock,
    logger,
    limiterKey: config.limiterKey,
    exchange,
    async call(endpoint, input, call) {
      return (await exchange(endpoint, input, call)).answer;
    },
  };
}

import { http, HttpResponse, type HttpHandler, type RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { MallId } from '../model/mall-id.js';
import { createSandboxClock, type SandboxClock } from './clock.js';
import { corruptAnswer, FaultInjector, type Fault, type FaultKind } from './faults.js';
import { createQpsGate, type QpsGate, type QpsRule } from './qps-gate.js';
import { RequestLog, type RequestLogOptions } from './request-log.js';

/** The HTTP methods a sandbox route can answer. */
export type SandboxMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler gets: the request, read once, and the sandbox clock. */
export interface SandboxRequestContext {
  /** The request as msw received it; its body is still unread (the kit read a clone). */
  readonly request: Request;
  /** Path parameters of the route pattern (`/orders/:orderId`). */
  readonly params: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body as text, `''` when there was none: parse it as the mall would (JSON, XML, form). */
  readonly bodyText: string;
  readonly url: URL;
  readonly clock: SandboxClock;
}

/** What the kit's renderers get: the request context plus which mall and operation answer. */
export interface SandboxContext extends SandboxRequestContext {
  readonly mall: MallId;
  readonly operation: string;
}

/** A route's own logic: reads or changes the sandbox's store and answers in the mall's wire format. */
export type SandboxHandler = (ctx: SandboxContext) => Response | Promise<Response>;

/** Options of {@link createSandboxKit}. */
export interface SandboxKitOptions {
  readonly mall: MallId;
  /** Shared with the connectors under test; default a fresh {@link createSandboxClock}. */
  readonly clock?: SandboxClock;
  /**
   * The mall's QPS rule — a sliding window or a token bucket, or one per budget key (Amazon's plans
   * per operation) — or `null`/absent for none.
   */
  readonly qps?: QpsRule | ((key: string) => QpsRule) | null;
  /** Which budget a request draws from: its credential, and the operation where the mall budgets per operation. Default one budget for all. */
  readonly qpsKey?: (request: Request, operation: string) => string;
  /** The mall's answer to a request over its QPS limit (Rakuten's 429 body, Yahoo's error XML…). */
  readonly renderQpsError: (ctx: SandboxContext) => Response;
  /** The mall's maintenance answer; default a 503 HTML page. */
  readonly renderMaintenance?: (ctx: SandboxContext) => Response;
  /** The mall's 5xx answer; default a small HTML page with that status. */
  readonly renderServerError?: (ctx: SandboxContext, status: number) => Response;
  /** How much of each request the log keeps (default: bodies and headers of the last 1,000 requests). */
  readonly requestLog?: RequestLogOptions;
}

/** The mall-neutral machinery of one mall's sandbox. */
export interface SandboxKit {
  readonly mall: MallId;
  readonly clock: SandboxClock;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  /** The QPS gate; with no `qps` option it admits everything and never counts a violation. */
  readonly qps: QpsGate;
  /**
   * Makes an msw handler for one endpoint. The handler is wrapped so that each request is logged,
   * may be hit by an injected fault, is held to the QPS rule, and has its answer's status logged.
   */
  route(method: SandboxMethod, url: string, operation: string | ((request: Request, bodyText: string) => string), handler: SandboxHandler): HttpHandler;
  /** Every handler `route` made so far, in creation order (a copy). */
  readonly handlers: readonly HttpHandler[];
  /** Clears the log, disarms faults and resets the QPS gate; the clock and the mall's store are untouched. */
  reset(): void;
  /**
   * What a sandbox's `close()` does for the kit: {@link SandboxKit.reset}, and forgets its route
   * handlers, so that the kit itself holds nothing that grew with use.
   */
  close(): void;
}

const SERVER_ERROR_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function defaultServerError(_ctx: SandboxContext, status: number): Response {
  const text = `${status} ${SERVER_ERROR_TEXT[status] ?? 'Server Error'}`;
  return new Response(`<html><head><title>${text}</title></head><body><h1>${text}</h1></body></html>`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

function defaultMaintenance(): Response {
  return new Response(
    '<html><head><title>メンテナンス中</title></head><body><h1>ただいまメンテナンス中です</h1><p>Service Temporarily Unavailable</p></body></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

function statusAnswer(fault: Extract<Fault, { kind: 'status' }>): Response {
  // These statuses forbid a body; the Response constructor would throw on one.
  const bodyless = fault.status === 204 || fault.status === 205 || fault.status === 304;
  return new Response(bodyless ? null : (fault.body ?? ''), { status: fault.status, headers: fault.headers ?? {} });
}

/**
 * Creates the kit a mall's sandbox is built on: a clock, a request log, a fault injector and a QPS
 * gate, and `route()` to wrap each endpoint's handler with all four. The mall supplies only what
 * differs between malls: its endpoints, its wire format and its error bodies.
 */
export function createSandboxKit(options: SandboxKitOptions): SandboxKit {
  const { mall, renderQpsError } = options;
  const clock = options.clock ?? createSandboxClock();
  const log = new RequestLog(options.requestLog);
  const faults = new FaultInjector();
  const qps = createQpsGate(options.qps ?? { limit: Number.POSITIVE_INFINITY, intervalMs: 1000 });
  const qpsKey = options.qpsKey ?? ((): string => '*');
  const renderMaintenance = options.renderMaintenance ?? defaultMaintenance;
  const renderServerError = options.renderServerError ?? defaultServerError;
  const handlers: HttpHandler[] = [];

  /**
   * Faults that replace the mall entirely are answered before the QPS gate: they stand for the
   * infrastructure in front of the mall (load balancer, maintenance page, a dropped connection),
   * and requests the mall never saw do not use up its budget.
   */
  function replacement(ctx: SandboxContext, fault: Fault | null): Response | null {
    switch (fault?.kind) {
      case 'reset':
        return HttpResponse.error();
      case 'maintenance':
        return renderMaintenance(ctx);
      case 'server_error':
        return renderServerError(ctx, fault.status ?? 500);
      case 'status':
        return statusAnswer(fault);
      default:
        return null;
    }
  }

  async function answer(ctx: SandboxContext, handler: SandboxHandler, fault: Fault | null): Promise<Response> {
    const replaced = replacement(ctx, fault);
    if (replaced !== null) return replaced;
    // Admitted on arrival, as a mall's gateway counts requests, even when the answer is slow.
    const admitted = qps.admit(qpsKey(ctx.request, ctx.operation));
    if (fault?.kind === 'delay') {
      try {
        await clock.sleep(fault.ms, ctx.request.signal);
      } catch {
        // The client gave up (timeout, abort). The mall still finishes what it started: running
        // the handler keeps "timed out after send" ambiguous, as it is against a real mall.
      }
    }
    const real = admitted ? await handler(ctx) : renderQpsError(ctx);
    return fault === null ? real : corruptAnswer(fault, real);
  }

  function route(method: SandboxMethod, url: string, operationOf: string | ((request: Request, bodyText: string) => string), handler: SandboxHandler): HttpHandler {
    const verb = method.toLowerCase() as Lowercase<SandboxMethod>;
    const made = http[verb](url, async ({ request, params }) => {
      // A clone, so that the handler may still read the request's own body if it prefers.
      const bodyText = await request.clone().text();
      // One URL may serve several operations (GraphQL): the name then comes from the request.
      const operation = typeof operationOf === 'string' ? operationOf : operationOf(request, bodyText);
      const parsed = new URL(request.url);
      const entry = log.record({
        at: clock.now(),
        method: request.method.toUpperCase(),
        url: request.url,
        path: parsed.pathname,
        query: new URLSearchParams(parsed.search),
        headers: new Headers(request.headers),
        bodyText,
        operation,
      });
      const ctx: SandboxContext = { mall, operation, request, params, bodyText, url: parsed, clock };
      const fault = faults.take(operation);
      const kind: FaultKind | null = fault?.kind ?? null;
      try {
        const response = await answer(ctx, handler, fault);
        log.settle(entry, response.status, kind);
        return response;
      } catch (error) {
        // msw answers a throwing resolver with a 500; log it as such and let msw report the error.
        log.settle(entry, 500, kind);
        throw error;
      }
    });
    handlers.push(made);
    return made;
  }

  function reset(): void {
    log.clear();
    faults.clear();
    qps.reset();
  }

  return {
    mall,
    clock,
    log,
    faults,
    qps,
    route,
    get handlers(): readonly HttpHandler[] {
      return [...handlers];
    },
    reset,
    close(): void {
      reset();
      // The server under test may still hold the handlers; the kit no longer needs to.
      handlers.length = 0;
    },
  };
}

/**
 * Starts an msw server with the given handlers (single handlers or whole sandboxes' lists), already
 * listening with `onUnhandledRequest: 'error'`: a request no sandbox knows fails loudly instead of
 * reaching the network. Call `close()` on it when done.
 */
export function startSandboxServer(...handlers: ReadonlyArray<RequestHandler | readonly RequestHandler[]>): SetupServer {
  const server = setupServer(...handlers.flat());
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}

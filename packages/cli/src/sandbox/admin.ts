import { createRedactor, formatJst, MallkitError } from '@mallkit/core';
import { generateSeedOrders, type MallSandbox, type RequestLogEntry } from '@mallkit/core/testing';
import { z } from 'zod';
import { ADMIN_PREFIX, type SandboxConnection } from './connection.js';

/*
 * The admin API of a served sandbox: what a test in any language needs to drive the mall's state
 * and rules — the connection, the clock, faults, seed orders, an expired credential, the request
 * log. JSON in, JSON out; a bad body is a 400 naming the field.
 */

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const durationSchema = z.union([
  z.number().int().min(0),
  z.string().regex(DURATION, 'a duration such as 90m, 12h or 3d (or milliseconds as a number)').transform((text) => {
    const [, amount, unit] = DURATION.exec(text) as RegExpExecArray;
    return Number(amount) * (UNIT_MS[unit as string] as number);
  }),
]);

const clockSchema = z.union([z.object({ set: z.string().min(1) }).strict(), z.object({ advance: durationSchema }).strict()]);

const faultSchema = z
  .object({
    kind: z.enum(['server_error', 'maintenance', 'malformed', 'truncated', 'delay', 'reset', 'status']),
    status: z.number().int().optional(),
    ms: z.number().min(0).optional(),
    body: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** How many requests it hits; "always" until DELETE /__mallkit/faults. */
    times: z.union([z.number().int().positive(), z.literal('always')]).default(1),
    operation: z.string().min(1).optional(),
  })
  .strict();

const seedSchema = z
  .object({
    orders: z.number().int().min(1).max(10_000),
    seed: z.number().int().default(1),
    /** The window the orders are placed in; default the 30 days before the sandbox's now. */
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .strict();

type Answer = Response | undefined;

function json(body: unknown, status = 200): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

function badRequest(message: string): Response {
  return json({ error: 'bad_request', message }, 400);
}

async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T | Response> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return badRequest('the body must be JSON');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return badRequest(`${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
}

/** What the admin API needs from the server around it. */
export interface AdminApiOptions {
  readonly sandbox: MallSandbox;
  /** The connection answer (it knows the local URL, which exists only once the server listens). */
  readonly connection: () => SandboxConnection;
}

/** The endpoints, as `GET /__mallkit` lists them. */
export const ADMIN_ENDPOINTS: Readonly<Record<string, string>> = {
  'GET /__mallkit/connection': 'base URL, credentials and connector options of this sandbox, URLs pointing here',
  'GET /__mallkit/clock': 'the sandbox clock: { now }',
  'POST /__mallkit/clock': '{ "set": "2026-12-01T09:00:00+09:00" } or { "advance": "3d" | "12h" | "90m" | ms }',
  'POST /__mallkit/faults': '{ "kind": "server_error"|"maintenance"|"malformed"|"truncated"|"delay"|"reset"|"status", "status"?, "ms"?, "body"?, "headers"?, "times"?: n|"always", "operation"? }',
  'DELETE /__mallkit/faults': 'disarms every fault',
  'POST /__mallkit/seed': '{ "orders": 50, "seed"?: 1, "from"?, "to"? }: adds generated orders; answers their ids',
  'POST /__mallkit/expire-credential': 'the mall stops accepting its main credential (licenseKey, refreshToken…)',
  'GET /__mallkit/log': 'requests received, oldest first (?operation=&since=SEQ&limit=N); secrets redacted',
  'POST /__mallkit/reset': 'clears the log, faults, QPS counts and paging lies; the orders stay',
};

/**
 * Creates the admin API as an `intercept` function for serveHandlers: it answers every path under
 * `/__mallkit` except `/__mallkit/hosts/` (the mall's other hosts), and passes the rest on.
 */
export function createAdminApi({ sandbox, connection }: AdminApiOptions): (request: Request, local: URL) => Promise<Answer> {
  // The log may hold the sandbox's credentials (headers, form bodies): masked like any secret.
  const redactor = createRedactor(sandbox.secrets);
  let seedBatches = 0;

  const logEntry = (entry: RequestLogEntry): Record<string, unknown> => ({
    seq: entry.seq,
    at: formatJst(entry.at, 'iso'),
    method: entry.method,
    url: entry.url,
    path: entry.path,
    operation: entry.operation,
    status: entry.status,
    fault: entry.fault,
    headers: redactor.value(entry.headers),
    body: redactor.text(entry.bodyText),
  });

  const routes: Record<string, (request: Request, local: URL) => Promise<Response> | Response> = {
    'GET /connection': () => json(connection()),
    'GET /clock': () => json({ now: sandbox.clock.iso() }),
    'POST /clock': async (request) => {
      const body = await readJson(request, clockSchema);
      if (body instanceof Response) return body;
      try {
        if ('set' in body) sandbox.clock.set(body.set);
        else sandbox.clock.advance(body.advance);
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error));
      }
      return json({ now: sandbox.clock.iso() });
    },
    'POST /faults': async (request) => {
      const body = await readJson(request, faultSchema);
      if (body instanceof Response) return body;
      const { times, operation, ...fault } = body;
      try {
        sandbox.kit.faults.inject(fault as Parameters<typeof sandbox.kit.faults.inject>[0], {
          times: times === 'always' ? Number.POSITIVE_INFINITY : times,
          ...(operation ? { operation } : {}),
        });
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error));
      }
      return json({ armed: sandbox.kit.faults.pending });
    },
    'DELETE /faults': () => {
      sandbox.kit.faults.clear();
      return json({ armed: 0 });
    },
    'POST /seed': async (request) => {
      const body = await readJson(request, seedSchema);
      if (body instanceof Response) return body;
      const now = sandbox.clock.now();
      seedBatches += 1;
      try {
        const seeds = generateSeedOrders({
          count: body.orders,
          seed: body.seed,
          from: body.from ?? new Date(now - 30 * 86_400_000),
          to: body.to ?? new Date(now - 60_000),
          idPrefix: `S${seedBatches}-`,
        });
        const held = sandbox.seed(seeds);
        return json({ seeded: held.length, ids: held.map((order) => order.id) });
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error));
      }
    },
    'POST /expire-credential': () => {
      sandbox.expireCredential();
      return json({ expired: sandbox.expiringCredential });
    },
    'GET /log': (_request, local) => {
      const operation = local.searchParams.get('operation');
      const since = Number(local.searchParams.get('since') ?? 0);
      const limit = Number(local.searchParams.get('limit') ?? 1000);
      const entries = sandbox.kit.log.entries.filter((entry) => entry.seq > since && (operation === null || entry.operation === operation));
      return json({ entries: entries.slice(-Math.max(1, limit)).map(logEntry), qpsViolations: sandbox.qpsViolations() });
    },
    'POST /reset': () => {
      sandbox.reset();
      return json({ reset: true });
    },
    'GET ': () => json({ mall: sandbox.mall, endpoints: ADMIN_ENDPOINTS }),
    'GET /': () => json({ mall: sandbox.mall, endpoints: ADMIN_ENDPOINTS }),
  };

  return async (request, local) => {
    const path = local.pathname;
    if (!(path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) || path.startsWith(`${ADMIN_PREFIX}/hosts/`)) return undefined;
    const route = routes[`${request.method} ${path.slice(ADMIN_PREFIX.length)}`];
    if (route === undefined) return json({ error: 'not_found', message: `no admin endpoint ${request.method} ${path}`, endpoints: ADMIN_ENDPOINTS }, 404);
    try {
      return await route(request, local);
    } catch (error) {
      const message = MallkitError.isInstance(error) || error instanceof Error ? error.message : String(error);
      return json({ error: 'admin_failed', message: redactor.text(message) }, 500);
    }
  };
}

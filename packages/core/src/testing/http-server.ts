import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** Options of {@link serveHandlers}. */
export interface ServeHandlersOptions {
  /** The port to listen on; 0 (the default) lets the system pick a free one (read it from `port`). */
  readonly port?: number;
  /**
   * The interface to bind: `127.0.0.1` by default, so that a sandbox is never reachable from another
   * machine unless asked for.
   */
  readonly hostname?: string;
  /**
   * Where a local request is re-addressed before the handlers see it. Sandbox handlers match the
   * mall's own absolute URLs, so `http://127.0.0.1:PORT/es/2.0/order/searchOrder/` must become
   * `https://api.rms.rakuten.co.jp/es/2.0/order/searchOrder/`:
   * - a string is an origin (or any URL: only its origin is used) that every path and query is moved onto;
   * - a function decides per request (several mall hosts behind one port) and returns `null` for "no such route" (404);
   * - absent: the local URL itself, for handlers written against this server's address or with wildcards.
   */
  readonly upstream?: string | ((local: URL) => URL | string | null);
  /**
   * Answers a request before any handler (an admin API, a health check): return a Response to
   * answer, or `undefined` to pass the request on to the handlers. It receives the local URL.
   */
  readonly intercept?: (request: Request, local: URL) => Response | undefined | Promise<Response | undefined>;
  /** The largest request body accepted, in bytes (default 10 MiB); a larger one is answered 413 unread. */
  readonly maxBodyBytes?: number;
  /** Told about every handler that threw (the client gets a 500); default: nothing. */
  readonly onHandlerError?: (error: unknown, request: Request) => void;
}

/** A running server made by {@link serveHandlers}. */
export interface HandlerServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections (keep-alive ones included); resolves once closed. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Headers that describe one hop of the connection, not the request: fetch's Request sets its own. */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection', 'te', 'trailer', 'expect']);

class BodyTooLargeError extends Error {}

function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        incoming.resume(); // drain, so that the 413 can still be written
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1] as string);
  }
  return headers;
}

function resolveUpstream(upstream: ServeHandlersOptions['upstream'], local: URL): URL | null {
  if (upstream === undefined) return local;
  if (typeof upstream === 'function') {
    const target = upstream(local);
    return target === null ? null : new URL(target);
  }
  return new URL(`${local.pathname}${local.search}`, new URL(upstream).origin);
}

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** Copies a fetch Response onto Node's response, streaming the body. */
async function writeResponse(response: Response, out: ServerResponse, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  out.writeHead(response.status, response.statusText || undefined, headers);
  if (response.body === null || method === 'HEAD') {
    await response.body?.cancel();
    out.end();
    return;
  }
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!out.write(chunk.value)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

/**
 * Serves msw handlers — a mall sandbox's `handlers`, or any list — as a real HTTP server, so that
 * code in any language (a PHP or Java OMS, curl) can talk to a sandbox over the network. Each
 * request is turned into a fetch Request, re-addressed with `upstream`, and answered by the first
 * handler that matches (msw's `getResponse`); the handlers keep their state, rules and faults.
 *
 * - No handler matched: 404 with a JSON body naming the method and the URL that was tried.
 * - A handler threw: 500 with a JSON body carrying the error's name and message.
 * - A network-error answer (`HttpResponse.error()`, the sandbox's `reset` fault): the connection
 *   is destroyed, as when a real server drops it.
 * - The client goes away: the request's `signal` aborts, so that a slow fault stops waiting.
 */
export async function serveHandlers(handlers: readonly RequestHandler[], options: ServeHandlersOptions = {}): Promise<HandlerServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const list = [...handlers];
  let origin = '';

  async function answer(incoming: IncomingMessage, out: ServerResponse): Promise<void> {
    const method = (incoming.method ?? 'GET').toUpperCase();
    const local = new URL(incoming.url ?? '/', origin);
    const aborter = new AbortController();
    // 'close' on the response fires when it finished or when the client went away; only the latter aborts.
    out.on('close', () => {
      if (!out.writableFinished) aborter.abort();
    });
    let body: Buffer | null = null;
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readBody(incoming, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        await writeResponse(json(413, { error: 'body_too_large', message: `request bodies are limited to ${maxBodyBytes} bytes` }), out, method);
        return;
      }
    }
    const init: RequestInit = { method, headers: headersOf(incoming), signal: aborter.signal };
    // A copy as a plain Uint8Array: fetch's BodyInit does not take a Buffer over a shared pool.
    if (body !== null && body.length > 0) init.body = new Uint8Array(body);

    if (options.intercept) {
      const intercepted = await options.intercept(new Request(local, init), local);
      if (intercepted !== undefined) {
        await writeResponse(intercepted, out, method);
        return;
      }
    }
    const target = resolveUpstream(options.upstream, local);
    if (target === null) {
      await writeResponse(json(404, { error: 'no_route', message: `no sandbox route for ${method} ${local.pathname}` }), out, method);
      return;
    }
    const request = new Request(target, init);
    let response: Response | undefined;
    try {
      response = await getResponse(list, request);
    } catch (error) {
      options.onHandlerError?.(error, request);
      const named = error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
      await writeResponse(json(500, { error: 'handler_threw', ...named }), out, method);
      return;
    }
    if (response === undefined) {
      await writeResponse(json(404, { error: 'no_handler', message: `no sandbox handler for ${method} ${target.href}` }), out, method);
      return;
    }
    if (response.type === 'error') {
      out.socket?.destroy();
      return;
    }
    await writeResponse(response, out, method);
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, out) => {
    answer(incoming, out).catch(() => {
      // Writing failed half-way (the client left, a body stream broke): nothing more can be sent.
      out.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  origin = `http://${host}:${port}`;

  return {
    url: origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

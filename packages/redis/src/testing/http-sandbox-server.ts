import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';

/** A sandbox served over real HTTP, so that several processes share one mall and one QPS gate. */
export interface HttpSandboxServer {
  /** `http://127.0.0.1:<port>`: give it to the sandbox as `baseUrl` and to the connectors as `baseUrl`. */
  readonly url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<ArrayBuffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const joined = Buffer.concat(chunks);
  const bytes = new Uint8Array(new ArrayBuffer(joined.byteLength));
  bytes.set(joined);
  return bytes.buffer;
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function answer(handlers: readonly RequestHandler[], origin: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
  const fetchRequest = new Request(new URL(request.url ?? '/', origin), { method, headers: toHeaders(request), ...(body ? { body } : {}) });
  const mocked = await getResponse([...handlers], fetchRequest);
  if (!mocked) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`no sandbox handler for ${method} ${request.url ?? '/'}`);
    return;
  }
  const headers: Record<string, string> = {};
  mocked.headers.forEach((value, name) => void (headers[name] = value));
  response.writeHead(mocked.status, headers).end(Buffer.from(await mocked.arrayBuffer()));
}

/**
 * Serves msw handlers (a mall sandbox's `handlers`) on 127.0.0.1 over node:http. Create the
 * sandbox with `baseUrl` set to a URL under the returned origin — the port is known only after
 * listening, so pass a function that builds the handlers from the origin.
 */
export async function serveHandlersOverHttp(handlersFor: (origin: string) => readonly RequestHandler[]): Promise<HttpSandboxServer> {
  let handlers: readonly RequestHandler[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    answer(handlers, origin, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`sandbox server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  handlers = handlersFor(origin);
  return {
    url: origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

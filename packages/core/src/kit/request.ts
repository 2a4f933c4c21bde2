import type { HttpRequest } from '../http/request.js';
import type { Endpoint, RequestBody } from './endpoint.js';

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

function encodeForm(form: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  return params.toString();
}

/** The body as text and the content type it is sent with (unless the endpoint's headers name one). */
function encodeBody(body: RequestBody): { readonly text?: string; readonly json?: unknown; readonly contentType: string } {
  if ('json' in body) return { json: body.json, contentType: body.contentType ?? 'application/json' };
  if ('document' in body) return { text: body.codec.write(body.document), contentType: body.codec.contentType };
  if ('form' in body) return { text: encodeForm(body.form), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' };
  return { text: body.text, contentType: body.contentType };
}

/**
 * Builds the pipeline request of one endpoint call. A document codec refuses (TypeError or
 * RangeError) what its format cannot carry; inputs are validated before this point, so such a throw is a bug to fix
 * in the mall package, never a half-sent request.
 */
export function buildRequest<Input>(endpoint: Endpoint<Input, unknown>, input: Input, connectorKey: string): HttpRequest {
  const headers: Record<string, string> = { ...endpoint.headers };
  const body = endpoint.body ? encodeBody(endpoint.body(input)) : null;
  if (body && !hasHeader(headers, 'content-type')) headers['Content-Type'] = body.contentType;
  return {
    operation: endpoint.operation,
    method: endpoint.method,
    path: typeof endpoint.path === 'function' ? endpoint.path(input) : endpoint.path,
    ...(endpoint.query ? { query: endpoint.query(input) } : {}),
    ...(body?.json !== undefined ? { json: body.json } : {}),
    ...(body?.text !== undefined ? { body: body.text } : {}),
    headers,
    ...(endpoint.idempotent !== undefined ? { idempotent: endpoint.idempotent } : {}),
    ...(endpoint.limiterKey ? { limiterKey: endpoint.limiterKey(connectorKey) } : {}),
  };
}

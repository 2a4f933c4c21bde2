import { randomUUID } from 'node:crypto';

/** Headers every SP-API answer carries; the rate header only where the models declare it (200, 400, 404). */
function headers(status: number, rate: number | null): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-RequestId': randomUUID() };
  if (rate !== null && (status < 300 || status === 400 || status === 404)) out['x-amzn-RateLimit-Limit'] = String(rate);
  return out;
}

/** How far behind the request a `*Before` bound must be: Amazon's 2-minute rule (both Orders API versions). */
export const BEFORE_LAG_MS = 120_000;

/** A JSON answer in the SP-API's manner. */
export function jsonAnswer(status: number, body: unknown, rate: number | null = null): Response {
  return new Response(JSON.stringify(body), { status, headers: headers(status, rate) });
}

/** 204 No Content (confirmShipment's success). */
export function noContent(rate: number | null): Response {
  return new Response(null, { status: 204, headers: headers(204, rate) });
}

/** An SP-API error list answer: `{ errors: [{ code, message, details? }] }`. */
export function errorAnswer(status: number, code: string, message: string, details?: string, rate: number | null = null): Response {
  return jsonAnswer(status, { errors: [{ code, message, ...(details !== undefined ? { details } : {}) }] }, rate);
}

/** The 429 body Amazon sends (selling-partner-api-docs#553). */
export function quotaExceeded(): Response {
  return errorAnswer(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
}

/** A 400 InvalidInput answer. */
export function invalidInput(message: string, rate: number | null = null): Response {
  return errorAnswer(400, 'InvalidInput', message, undefined, rate);
}

/** Reads a query array as Amazon accepts it: comma-separated, or the key repeated. */
export function queryList(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** A strict ISO 8601 date-time (with offset) or null. */
export function isoInstant(value: string | null): number | null {
  if (value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

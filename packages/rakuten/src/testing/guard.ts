import type { SandboxContext } from '@mallkit/core/testing';
import { parseEsaAuthorization } from '../auth/esa.js';
import type { RakutenSandboxStore } from './store.js';
import { gatewayErrors, gatewayResults } from './wire.js';

/**
 * What Rakuten's gateway checks before the order service sees a request: the ESA credentials
 * (a wrong pair, a re-issued or an expired licenseKey → 401 GA0001), the function being enabled in
 * RMS (→ ES04-01), and, for POSTs, the JSON content type with its charset (→ 415 without it).
 * Returns the refusal, or null to go on.
 */
export function guard(store: RakutenSandboxStore, ctx: SandboxContext): Response | null {
  const given = parseEsaAuthorization(ctx.request.headers.get('authorization'));
  const valid = given !== null && given.serviceSecret === store.credentials.serviceSecret && given.licenseKey === store.credentials.licenseKey;
  if (!valid || store.licenseExpired(ctx.clock)) return gatewayErrors(401, 'GA0001', 'Un-Authorised');
  if (store.disabled.has(ctx.operation)) return gatewayResults(400, 'ES04-01', 'Bad Request');
  if (ctx.request.method === 'POST') {
    const type = (ctx.request.headers.get('content-type') ?? '').toLowerCase().replace(/\s+/g, '');
    if (!type.startsWith('application/json') || !type.includes('charset=utf-8')) {
      return new Response('Unsupported Media Type', { status: 415, headers: { 'content-type': 'text/plain' } });
    }
  }
  return null;
}

/** The JSON body of a request as an object, or null when it is not one. */
export function bodyOf(ctx: SandboxContext): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(ctx.bodyText);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The licenseKey a request is made with (the QPS budget is per licenseKey), or `*` without one. */
export function licenseKeyOf(request: Request): string {
  return parseEsaAuthorization(request.headers.get('authorization'))?.licenseKey ?? '*';
}

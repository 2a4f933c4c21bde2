import type { SandboxContext } from '@mallkit/core/testing';
import { licenseExpiryText } from './seed-to-wire.js';
import type { RakutenSandboxStore } from './store.js';
import { gatewayErrors, jsonAnswer } from './wire.js';

/**
 * The License Management API's expiry endpoint: `{ "expiryDate": "YYYY-MM-DDTHH:mm:ss" }` (JST, no
 * offset) for the licenseKey in the query. An expired key never gets this far: the gateway answers
 * 401, as it does for every API.
 */
export function licenseExpiryDate(store: RakutenSandboxStore, ctx: SandboxContext): Response {
  const asked = ctx.url.searchParams.get('licenseKey');
  if (asked !== store.credentials.licenseKey) return gatewayErrors(401, 'GA0001', 'Un-Authorised');
  return jsonAnswer({ expiryDate: licenseExpiryText(store.licenseExpiresAt) });
}

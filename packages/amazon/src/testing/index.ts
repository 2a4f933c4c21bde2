/**
 * `@mallkit/amazon/testing`: an in-memory Amazon.co.jp seller behind msw handlers that speak the
 * SP-API wire format (LWA, Orders v2026-01-01, Orders v0, confirmShipment), with Amazon's
 * per-operation token buckets, expiring tokens and revoked authorizations.
 *
 * @packageDocumentation
 */
export {
  createAmazonSandbox,
  AMAZON_SANDBOX_CREDENTIALS,
  type AmazonSandbox,
  type AmazonSandboxConnection,
  type AmazonSandboxOptions,
} from './sandbox.js';
export type { AmazonSandboxCredentials } from './state.js';
export type { AmazonStore } from './store.js';
export { adaptSeedsForAmazon } from './seed-to-wire.js';

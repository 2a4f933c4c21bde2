/**
 * `@mallkit/rakuten/testing`: a Rakuten RMS sandbox (msw handlers over an in-memory mall) for your
 * own tests, speaking the 楽天ペイ受注API's real wire format and enforcing its limits.
 *
 * @packageDocumentation
 */
export {
  createRakutenSandbox,
  type RakutenSandbox,
  type RakutenSandboxConnection,
  type RakutenSandboxFunction,
  type RakutenSandboxOptions,
} from './sandbox.js';
export type { RakutenSandboxRecord, RakutenSandboxStore } from './store.js';
export type { WireCounters } from './seed-to-wire.js';
export { adaptSeedsForRakuten } from './adapt-seeds.js';
export { SANDBOX_CODES } from './wire.js';

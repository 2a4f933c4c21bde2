/**
 * `@mallkit/aupay/testing`: an au PAY マーケット sandbox for tests — msw handlers that speak the
 * Wow!manager API's XML (UTF-8 or Shift_JIS) over an in-memory shop, with au PAY's rules: the
 * 90-day key, the registered caller IP, API-group permissions, CME0022, flat update bodies, the
 * status machine, singletons and lists, and text instead of XML under load.
 *
 * @packageDocumentation
 */
export {
  createAupaySandbox,
  SANDBOX_API_KEY,
  SANDBOX_CALLER_ADDRESS,
  SANDBOX_SHOP_ID,
  type AupaySandbox,
  type AupaySandboxConnection,
  type AupaySandboxOptions,
} from './sandbox.js';
export type { AccessState, ApiGroup } from './rules.js';
export type { AupayRecord, AupayStore } from './store.js';
export type { AnswerEncoding, CharsetDeclaration, SandboxCharset } from './xml.js';
export { encodeShiftJis } from './shift-jis.js';

/**
 * `@mallkit/yahoo/testing`: a Yahoo!ショッピング sandbox for your tests — msw handlers speaking
 * the real XML wire (orderList, orderInfo, the change APIs, YConnect's token endpoint) over an
 * in-memory store that enforces Yahoo's rules: paging, 1 request/s per API, token and session
 * expiry, 公開鍵認証, fraud review and status transitions.
 *
 * @packageDocumentation
 */
export {
  createYahooSandbox,
  type YahooSandbox,
  type YahooSandboxConnection,
  type YahooSandboxInit,
  type YahooSandboxOptions,
} from './sandbox.js';
export type { SandboxItem, SandboxOption, SandboxOrderRecord } from './records.js';
export type { YahooSandboxStore } from './store.js';

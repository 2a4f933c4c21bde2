/**
 * `@mallkit/yahoo/testing`: a Yahoo!ショッピング sandbox for your tests — msw handlers speaking
 * the real XML wire (orderList, orderInfo, the change APIs, YConnect's token endpoint) over an
 * in-memory store that enforces Yahoo's rules: paging, 1 request/s per API, token and session
 * expiry, 公開鍵認証, fraud review and status transitions.
 *
 * @packageDocumentation
 */
export { createYahooSandbox, type YahooSandbox, type YahooSandboxCredentials, type YahooSandboxOptions } from './sandbox.js';
export { adaptSeedsForYahoo, seedToRecord, type SandboxItem, type SandboxOption, type SandboxOrderRecord } from './records.js';
export { SIGNATURE_SKEW_SECONDS } from './auth-server.js';

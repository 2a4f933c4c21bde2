import { createTokenCache, type Clock, type CredentialError, type StoredToken, type TokenCache, type TokenStore } from '@mallkit/core';

/*
 * The YConnect session of one store as the connector tracks it. Two clocks run: the access token
 * (1 hour, refreshed through core's token cache, once for all concurrent callers) and the refresh
 * token, whose life depends on 公開鍵認証: up to 28 days from the authorization when every order
 * API call is signed and accepted, 12 hours once a single call goes unsigned or is not
 * `authorized` (specs/yahoo.md §1.3–1.4; seed 003). The 12-hour drop is silent on Yahoo's side:
 * the only sign is X-SWS-Authorize-Status, which this session records.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Refresh-token life with a working public key. */
export const SIGNED_SESSION_MS = 28 * DAY;
/** Refresh-token life without one. */
export const UNSIGNED_SESSION_MS = 12 * HOUR;

/** What Yahoo said about the signature on the last answer. */
export type PublicKeyVerdict =
  /** No signed answer yet (or no public key). */
  | { readonly status: 'not_seen' }
  /** The last signed call came back `authorized`. */
  | { readonly status: 'authorized' }
  /** A signed call was not accepted: `value` is the X-SWS-Authorize-Status Yahoo sent (`(missing)` when none). */
  | { readonly status: 'rejected'; readonly value: string };

/** Options of {@link createYahooSession}. */
export interface YahooSessionOptions {
  /** The token cache's key: a digest of the client and the store, never a secret. */
  readonly cacheKey: string;
  /** The refresh token the store's authorization gave. */
  readonly refreshToken: string;
  /** When the store last authorized (the refresh token's 12 h / 28 d run from here); null when unknown. */
  readonly authorizedAt: number | null;
  /** Whether every call is signed (a public key is set): 28 days instead of 12 hours. */
  readonly signed: boolean;
  readonly clock: Clock;
  /** Where access tokens live between processes; default in memory. */
  readonly store?: TokenStore;
  /** Calls the token endpoint with this refresh token. */
  readonly refresh: (refreshToken: string, signal?: AbortSignal) => Promise<{ accessToken: string; expiresAt: number; refreshToken: string | null }>;
  /** The user's callback: every refresh, with `refreshToken` present when Yahoo rotated it. */
  readonly onRefresh?: (token: StoredToken) => void | Promise<void>;
  /** Called with every new secret value (access tokens, rotated refresh tokens) for the redactor. */
  readonly onSecret: (value: string) => void;
}

/** The session: access tokens, the refresh token's expiry, the public-key verdict, the last rejection. */
export interface YahooSession {
  /** The access-token cache: one refresh for all concurrent callers, shared through the token store. */
  readonly tokens: TokenCache;
  /** The refresh token in use (rotated ones included). */
  refreshToken(): Promise<string>;
  /** Expiry of the refresh token, or null when the authorization time is unknown. */
  refreshTokenExpiresAt(): number | null;
  /** What Yahoo said about the 公開鍵 signature on the last signed answer. */
  readonly publicKey: PublicKeyVerdict;
  /** Records X-SWS-Authorize-Status; returns true when this answer newly shows a rejected signature. */
  observeAuthorizeStatus(value: string | null): boolean;
  /** The last CredentialError per credential name, until a later success clears it. */
  readonly rejected: ReadonlyMap<string, CredentialError>;
  /** Remembers a refused credential for the credential report. */
  reject(error: CredentialError): void;
  /** Forgets the refusal of a credential after a call succeeded with it. */
  clearRejection(credential: string): void;
}

/** Creates the session of one connector. */
export function createYahooSession(options: YahooSessionOptions): YahooSession {
  let current = options.refreshToken;
  let verdict: PublicKeyVerdict = { status: 'not_seen' };
  // Once an answer shows the signature was not accepted, the session is capped at 12 hours for
  // good: a later `authorized` does not give the 4 weeks back until the store re-authorizes.
  let degraded = !options.signed;
  const rejected = new Map<string, CredentialError>();

  const tokens = createTokenCache({
    key: options.cacheKey,
    clock: options.clock,
    ...(options.store ? { store: options.store } : {}),
    refresh: async (signal) => {
      const stored = await tokens.peek();
      // A token store shared between processes may hold a rotated refresh token newer than ours.
      if (stored?.refreshToken) current = stored.refreshToken;
      const answer = await options.refresh(current, signal);
      options.onSecret(answer.accessToken);
      const rotated = answer.refreshToken !== null && answer.refreshToken !== current;
      if (rotated && answer.refreshToken) {
        current = answer.refreshToken;
        options.onSecret(current);
      }
      const expires = expiresAt();
      return {
        accessToken: answer.accessToken,
        expiresAt: answer.expiresAt,
        ...(rotated ? { refreshToken: current } : stored?.refreshToken ? { refreshToken: stored.refreshToken } : {}),
        ...(expires !== null ? { refreshTokenExpiresAt: expires } : {}),
      };
    },
    ...(options.onRefresh ? { onRefresh: options.onRefresh } : {}),
  });

  function expiresAt(): number | null {
    if (options.authorizedAt === null) return null;
    return options.authorizedAt + (degraded ? UNSIGNED_SESSION_MS : SIGNED_SESSION_MS);
  }

  return {
    tokens,
    async refreshToken() {
      return current;
    },
    refreshTokenExpiresAt: expiresAt,
    get publicKey() {
      return verdict;
    },
    observeAuthorizeStatus(value) {
      if (!options.signed) return false;
      if (value !== null && value.trim().toLowerCase() === 'authorized') {
        verdict = { status: 'authorized' };
        return false;
      }
      const fresh = verdict.status !== 'rejected';
      verdict = { status: 'rejected', value: value ?? '(missing)' };
      degraded = true;
      return fresh;
    },
    rejected,
    reject(error) {
      rejected.set(error.credential, error);
    },
    clearRejection(credential) {
      rejected.delete(credential);
    },
  };
}

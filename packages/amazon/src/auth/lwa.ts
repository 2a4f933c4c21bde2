import { CredentialError, createTokenCache, type Clock, type HttpRequest, type MallClient, type StoredToken, type TokenCache, type TokenStore } from '@mallkit/core';
import { lwaTokenEndpoint, type LwaCredentials } from '../api/lwa.js';

/** Options of createLwaAuth. */
export interface LwaAuthOptions {
  readonly credentials: LwaCredentials;
  readonly tokenUrl: string;
  /** The kit client that talks to the LWA host: no auth of its own, LWA's error table. */
  readonly client: MallClient;
  readonly cacheKey: string;
  readonly clock: Clock;
  readonly store?: TokenStore;
  /** Refresh this long before expiry (default 60 s, as Amazon's own Java client does). */
  readonly marginMs?: number;
}

/** Access tokens for SP-API calls: cached, refreshed once for all concurrent callers, refreshed again when rejected. */
export interface LwaAuth {
  /** The pipeline's `authorize`: the x-amz-access-token header. */
  authorize(request: HttpRequest, signal?: AbortSignal): Promise<Record<string, string>>;
  /** The pipeline's `onCredentialRejected`: one refresh when Amazon says the access token expired. */
  onCredentialRejected(error: CredentialError, request: HttpRequest): Promise<boolean>;
  /**
   * Asks LWA for a token now, which proves client id, client secret and refresh token together
   * (checkCredentials' live test). The cached token — shared with other processes through
   * `tokenStore` — is left alone: a new access token does not revoke the ones issued before.
   */
  requestToken(signal?: AbortSignal): Promise<StoredToken>;
  /** The token cache (shared through `tokenStore` when one is given). */
  readonly cache: TokenCache;
}

/** Creates the LWA access-token source of a connector. */
export function createLwaAuth(options: LwaAuthOptions): LwaAuth {
  const { client, clock } = options;
  const marginMs = options.marginMs ?? 60_000;
  const sentWith = new WeakMap<HttpRequest, string>();

  const refresh = async (signal?: AbortSignal): Promise<StoredToken> => {
    const answer = await client.call(lwaTokenEndpoint, { tokenUrl: options.tokenUrl, credentials: options.credentials }, signal ? { signal } : {});
    // Registered with the process as well (core's redactor shares long secrets): every connector
    // client masks the access token from now on, not only the LWA one.
    client.redactor.add(answer.access_token);
    return { accessToken: answer.access_token, expiresAt: clock.now() + answer.expires_in * 1000 };
  };

  const cache = createTokenCache({
    key: options.cacheKey,
    refresh,
    clock,
    marginMs,
    ...(options.store ? { store: options.store } : {}),
  });

  return {
    cache,
    async authorize(request, signal) {
      const token = await cache.get(signal);
      sentWith.set(request, token);
      return { 'x-amz-access-token': token };
    },
    async onCredentialRejected(error, request) {
      if (error.credential !== 'accessToken') return false;
      const used = sentWith.get(request);
      if (used !== undefined) await cache.invalidate(used);
      // get() refreshes once for every caller that failed with the same old token; a dead refresh
      // token throws CredentialError('refreshToken') from here, which is what the caller must see.
      await cache.get();
      return true;
    },
    async requestToken(signal) {
      const current = await cache.peek();
      if (current && current.expiresAt - marginMs > clock.now()) return refresh(signal);
      // Nothing usable is cached: the refresh that fills the cache is the check (one LWA call, nothing replaced).
      await cache.get(signal);
      const fresh = await cache.peek();
      if (!fresh) throw new CredentialError('amazon LWA: no token after refresh', { mall: 'amazon', credential: 'refreshToken' });
      return fresh;
    },
  };
}

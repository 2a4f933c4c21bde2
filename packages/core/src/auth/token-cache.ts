import type { Clock } from '../time/clock.js';
import { systemClock } from '../time/clock.js';

/** An OAuth token set as stored. Times are epoch ms. */
export interface StoredToken {
  readonly accessToken: string;
  readonly expiresAt: number;
  /** Present when the authorization server rotated the refresh token. */
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: number;
}

/** Where tokens live between processes (Redis, a database row…). The default keeps them in memory. */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined> | StoredToken | undefined;
  set(key: string, token: StoredToken): Promise<void> | void;
  /**
   * Optional: a lock on `key` held by one process at a time among all that share the store (e.g.
   * `@mallkit/redis`). Resolves once this caller holds it, with the function that releases it. When
   * present, the cache refreshes only while holding it, and first reads the store again: a token
   * another process refreshed meanwhile is used instead of refreshing twice, so a rotated refresh
   * token is received, stored and handed to `onRefresh` by one process only.
   */
  lock?(key: string, signal?: AbortSignal): Promise<() => Promise<void>>;
}

/** Options of createTokenCache. */
export interface TokenCacheOptions {
  /** Cache key: use `credentialKey(...)`, never the refresh token itself. */
  readonly key: string;
  /** Gets a fresh token from the authorization server. */
  readonly refresh: (signal?: AbortSignal) => Promise<StoredToken>;
  readonly store?: TokenStore;
  readonly clock?: Clock;
  /** Refresh this long before expiry (default 60 s), so that a token does not expire in flight. */
  readonly marginMs?: number;
  /** Called after every refresh, e.g. to persist a rotated refresh token. */
  readonly onRefresh?: (token: StoredToken) => void | Promise<void>;
}

/** An access-token cache that refreshes once for all concurrent callers. */
export interface TokenCache {
  /** A valid access token, refreshing when missing or about to expire. */
  get(signal?: AbortSignal): Promise<string>;
  /**
   * Marks `accessToken` as rejected by the mall. Only the token that failed is dropped: when
   * several calls fail with the same old token, one refresh serves them all.
   */
  invalidate(accessToken: string): Promise<void>;
  /** The current token set, if any, without refreshing. */
  peek(): Promise<StoredToken | undefined>;
}

/** Creates a token cache. */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const clock = options.clock ?? systemClock;
  const marginMs = options.marginMs ?? 60_000;
  const memory = new Map<string, StoredToken>();
  const store: TokenStore = options.store ?? {
    get: (key) => memory.get(key),
    set: (key, token) => void memory.set(key, token),
  };
  let inFlight: Promise<StoredToken> | null = null;

  const refreshOnce = (signal?: AbortSignal): Promise<StoredToken> => {
    inFlight ??= (async () => {
      let release: (() => Promise<void>) | undefined;
      try {
        release = await store.lock?.(options.key, signal);
        if (release) {
          // Another process may have refreshed while this one waited for the lock.
          const current = await store.get(options.key);
          if (fresh(current)) return current;
        }
        const token = await options.refresh(signal);
        await store.set(options.key, token);
        await options.onRefresh?.(token);
        return token;
      } finally {
        inFlight = null;
        await release?.();
      }
    })();
    return inFlight;
  };

  const fresh = (token: StoredToken | undefined): token is StoredToken =>
    token !== undefined && token.expiresAt - marginMs > clock.now();

  return {
    async get(signal) {
      const current = await store.get(options.key);
      if (fresh(current)) return current.accessToken;
      return (await refreshOnce(signal)).accessToken;
    },
    async invalidate(accessToken) {
      const current = await store.get(options.key);
      if (current?.accessToken === accessToken) await store.set(options.key, { ...current, expiresAt: 0 });
    },
    async peek() {
      return store.get(options.key);
    },
  };
}

import type { StoredToken, TokenStore } from '@mallkit/core';
import { callRedis } from '../call-redis.js';
import { createRedisLock } from '../lock/redis-lock.js';
import type { RedisClient } from '../redis-client.js';
import { decodeStoredToken, encodeStoredToken } from './stored-token-codec.js';

/** Options of {@link createRedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** The ioredis client; the store neither connects nor closes it. */
  readonly redis: RedisClient;
  /** Prefix of every Redis key the store writes (default `mallkit`). */
  readonly prefix?: string;
  /** Expiry of a refresh lock whose holder died (default 10,000 ms); a living holder keeps renewing it. */
  readonly lockTtlMs?: number;
  /** Pause between two looks at the lock while another process refreshes (default 50 ms). */
  readonly lockPollMs?: number;
  /** Longest wait for Redis's answer to one command (default 1,000 ms); then RedisUnavailableError. */
  readonly commandTimeoutMs?: number;
}

/**
 * A TokenStore whose tokens every process sees, with the cross-process refresh lock that core's
 * token cache takes when a store offers one.
 */
export interface RedisTokenStore extends TokenStore {
  /** The stored token set of `key`, or undefined (none yet, or not a token set). */
  get(key: string): Promise<StoredToken | undefined>;
  /** Stores the token set of `key` for every process, without expiry: a rotated refresh token must outlive its access token. */
  set(key: string, token: StoredToken): Promise<void>;
  /**
   * Waits until this process holds the refresh lock of `key`; resolves with the function that
   * releases it. While one process refreshes, the others wait here, then read its token.
   */
  lock(key: string, signal?: AbortSignal): Promise<() => Promise<void>>;
}

/**
 * Creates the Redis token store. Pass it as a connector's `tokenStore` (Yahoo, Amazon): tokens
 * refreshed by one process are used by all, and — with core's token cache using `lock` — one
 * process refreshes while the others wait for its token, so a rotated refresh token is handed to
 * `onRefresh` once, by the process that received it. The store never logs; its errors name the
 * key's Redis location, never a token.
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const { redis } = options;
  const prefix = options.prefix ?? 'mallkit';
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  const locks = createRedisLock({
    redis,
    prefix,
    ...(options.lockTtlMs !== undefined ? { ttlMs: options.lockTtlMs } : {}),
    ...(options.lockPollMs !== undefined ? { pollMs: options.lockPollMs } : {}),
    commandTimeoutMs: timeoutMs,
  });
  const tokenKey = (key: string): string => `${prefix}:token:${key}`;

  return {
    async get(key) {
      const text = await callRedis(redis, 'tokenStore', () => redis.get(tokenKey(key)), { timeoutMs });
      return text === null ? undefined : decodeStoredToken(text);
    },
    async set(key, token) {
      await callRedis(redis, 'tokenStore', () => redis.set(tokenKey(key), encodeStoredToken(token)), { timeoutMs });
    },
    async lock(key, signal) {
      const held = await locks.acquire(`token:${key}`, signal);
      return () => held.release();
    },
  };
}

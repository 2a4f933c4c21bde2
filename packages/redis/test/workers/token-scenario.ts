import { createTokenCache, type StoredToken } from '@mallkit/core';
import { Redis } from 'ioredis';
import { createRedisTokenStore } from '../../src/index.js';

/** What the parent passes to a token scenario. */
export interface TokenScenarioConfig {
  readonly port: number;
  readonly prefix: string;
  readonly key: string;
  /** Concurrent `get()` calls in this process. */
  readonly callers: number;
  /** How long the fake authorization server takes to answer. */
  readonly refreshDelayMs: number;
}

/** What each worker reports. */
export interface TokenScenarioResult {
  readonly pid: number;
  readonly refreshes: number;
  /** The refresh tokens onRefresh was given in this process. */
  readonly onRefresh: string[];
  /** The distinct access tokens its callers got. */
  readonly accessTokens: string[];
}

/** Many concurrent callers of core's token cache on the Redis token store, in this process. */
export async function prepareTokenScenario(config: TokenScenarioConfig): Promise<(startAt: number) => Promise<TokenScenarioResult>> {
  const redis = new Redis({ port: config.port, host: '127.0.0.1' });
  const store = createRedisTokenStore({ redis, prefix: config.prefix, lockPollMs: 20 });
  let refreshes = 0;
  const onRefresh: string[] = [];
  const cache = createTokenCache({
    key: config.key,
    store,
    refresh: async (): Promise<StoredToken> => {
      refreshes += 1;
      await new Promise((resolve) => setTimeout(resolve, config.refreshDelayMs));
      return { accessToken: `access-from-${process.pid}`, expiresAt: Date.now() + 3_600_000, refreshToken: `rotated-by-${process.pid}` };
    },
    onRefresh: (token) => void onRefresh.push(token.refreshToken ?? '(none)'),
  });
  await redis.ping();

  return async () => {
    const tokens = await Promise.all(Array.from({ length: config.callers }, () => cache.get()));
    redis.disconnect();
    return { pid: process.pid, refreshes, onRefresh, accessTokens: [...new Set(tokens)] };
  };
}

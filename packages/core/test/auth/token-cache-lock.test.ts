import { describe, expect, it, vi } from 'vitest';
import { createTokenCache, type StoredToken, type TokenStore } from '../../src/auth/token-cache.js';

/** A store shared by several caches (as processes share Redis), with a lock like @mallkit/redis's. */
function sharedStore(): TokenStore & { saved: Map<string, StoredToken> } {
  const saved = new Map<string, StoredToken>();
  let held: Promise<void> = Promise.resolve();
  return {
    saved,
    get: (key) => saved.get(key),
    set: (key, token) => void saved.set(key, token),
    async lock() {
      const previous = held;
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      await previous;
      return async () => release();
    },
  };
}

describe('createTokenCache with a store that locks', () => {
  it('refreshes once for caches in several processes, and only the refresher calls onRefresh', async () => {
    const store = sharedStore();
    store.saved.set('k', { accessToken: 'expired', expiresAt: 0 });
    let n = 0;
    const refresh = vi.fn(async (): Promise<StoredToken> => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      n += 1;
      return { accessToken: `token-${n}`, expiresAt: Date.now() + 3_600_000, refreshToken: `rotated-${n}` };
    });
    const onRefresh = vi.fn();
    const processes = Array.from({ length: 4 }, () => createTokenCache({ key: 'k', store, refresh, onRefresh }));
    const tokens = await Promise.all(processes.flatMap((cache) => Array.from({ length: 25 }, () => cache.get())));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onRefresh).toHaveBeenCalledWith(expect.objectContaining({ refreshToken: 'rotated-1' }));
  });

  it('releases the lock after a failed refresh, and a lock that fails does not wedge the cache', async () => {
    const store = sharedStore();
    let fail = true;
    const cache = createTokenCache({
      key: 'k',
      store,
      refresh: async () => {
        if (fail) throw new Error('invalid_grant');
        return { accessToken: 'ok', expiresAt: Date.now() + 3_600_000 };
      },
    });
    await expect(cache.get()).rejects.toThrow('invalid_grant');
    fail = false;
    expect(await cache.get()).toBe('ok');

    let lockFails = true;
    const flaky: TokenStore = {
      get: () => undefined,
      set: () => undefined,
      lock: async () => {
        if (lockFails) throw new Error('store unreachable');
        return async () => undefined;
      },
    };
    const other = createTokenCache({ key: 'k', store: flaky, refresh: async () => ({ accessToken: 'later', expiresAt: Date.now() + 3_600_000 }) });
    await expect(other.get()).rejects.toThrow('store unreachable');
    lockFails = false;
    expect(await other.get()).toBe('later');
  });
});

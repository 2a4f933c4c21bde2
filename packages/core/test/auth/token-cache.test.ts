import { describe, expect, it, vi } from 'vitest';
import { createTokenCache, type StoredToken } from '../../src/auth/token-cache.js';
import { credentialKey } from '../../src/auth/credential-key.js';
import type { Clock } from '../../src/time/clock.js';

function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, sleep: async (ms) => void (now += ms), advance: (ms) => void (now += ms) };
}

describe('createTokenCache', () => {
  it('refreshes once for many concurrent callers and reuses the token until the margin', async () => {
    const clock = manualClock();
    let n = 0;
    const refresh = vi.fn(async (): Promise<StoredToken> => {
      await new Promise((r) => setTimeout(r, 10));
      n += 1;
      return { accessToken: `token-${n}`, expiresAt: clock.now() + 3_600_000 };
    });
    const cache = createTokenCache({ key: 'k', refresh, clock, marginMs: 60_000 });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(refresh).toHaveBeenCalledTimes(1);

    clock.advance(3_600_000 - 60_001);
    expect(await cache.get()).toBe('token-1');
    clock.advance(2);
    expect(await cache.get()).toBe('token-2'); // inside the margin: refreshed before it can expire in flight
  });

  it('drops only the rejected token, so a burst of 401s causes one refresh', async () => {
    const clock = manualClock();
    let n = 0;
    const refresh = vi.fn(async (): Promise<StoredToken> => ({ accessToken: `t${++n}`, expiresAt: clock.now() + 3_600_000 }));
    const cache = createTokenCache({ key: 'k', refresh, clock });
    const old = await cache.get();
    await Promise.all([cache.invalidate(old), cache.invalidate(old)]);
    const fresh = await cache.get();
    await cache.invalidate(old); // a late 401 from the old token must not drop the new one
    expect(await cache.get()).toBe(fresh);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('stores tokens in a pluggable store and tells onRefresh about rotated refresh tokens', async () => {
    const saved = new Map<string, StoredToken>();
    const onRefresh = vi.fn();
    const cache = createTokenCache({
      key: 'shop-1',
      store: { get: (k) => saved.get(k), set: (k, t) => void saved.set(k, t) },
      refresh: async () => ({ accessToken: 'a', expiresAt: Date.now() + 3_600_000, refreshToken: 'rotated' }),
      onRefresh,
    });
    await cache.get();
    expect(saved.get('shop-1')?.refreshToken).toBe('rotated');
    expect(onRefresh).toHaveBeenCalledWith(expect.objectContaining({ refreshToken: 'rotated' }));
  });

  it('lets a failed refresh fail every waiting caller, and tries again on the next call', async () => {
    let fail = true;
    const cache = createTokenCache({
      key: 'k',
      refresh: async () => {
        if (fail) throw new Error('invalid_grant');
        return { accessToken: 'ok', expiresAt: Date.now() + 3_600_000 };
      },
    });
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await cache.get()).toBe('ok');
  });
});

describe('credentialKey', () => {
  it('is stable, differs per credential and never contains the secret', () => {
    const a = credentialKey('rakuten', 'SP123_secret', 'SL123_license');
    expect(a).toBe(credentialKey('rakuten', 'SP123_secret', 'SL123_license'));
    expect(a).not.toBe(credentialKey('rakuten', 'SP123_secret', 'SL999_license'));
    expect(a).toMatch(/^rakuten:[0-9a-f]{16}$/);
    expect(a).not.toContain('secret');
  });
});

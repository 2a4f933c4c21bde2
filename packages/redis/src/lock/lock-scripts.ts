import { luaScript } from '../run-script.js';

/** Deletes the lock only when this holder still owns it. KEYS: lock. ARGV: owner. */
export const releaseIfOwner = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Extends the lock's expiry only when this holder still owns it. KEYS: lock. ARGV: owner, ttl ms. */
export const extendIfOwner = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

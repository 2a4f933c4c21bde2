/**
 * @mallkit/redis — one rate budget and one OAuth token refresh per mall credential across
 * processes and machines, on the Redis an OMS already runs: a shared GCRA limiter for any
 * connector's `rateLimit`, a token store for Yahoo's and Amazon's `tokenStore`, and the named locks
 * both rely on.
 *
 * @packageDocumentation
 */
export { createRedisLimiter, type RedisLimiterOptions } from './limiter/redis-limiter.js';
export { slotSchedule, type SharedRate, type SlotSchedule } from './limiter/shared-rate.js';
export { createRedisTokenStore, type RedisTokenStore, type RedisTokenStoreOptions } from './token-store/redis-token-store.js';
export { createRedisLock, type HeldLock, type RedisLock, type RedisLockOptions } from './lock/redis-lock.js';
export { RedisUnavailableError, REDIS_UNAVAILABLE_HINT, type RedisOperation } from './errors.js';
export type { RedisClient } from './redis-client.js';

import type { Redis } from 'ioredis';

/**
 * The client @mallkit/redis talks through: an ioredis `Redis` (standalone or Sentinel), usually the
 * one the application already has. The package never creates, configures or closes it.
 */
export type RedisClient = Redis;

// One pending wait per client: callers during an outage share it instead of each adding a listener.
const pendingReady = new WeakMap<RedisClient, Promise<void>>();

/**
 * Resolves when the client is connected, so that a command is sent at once instead of waiting in
 * ioredis's offline queue (where it would run after a reconnect, long after its caller gave up).
 * Rejects when the client was closed for good; the caller's deadline bounds the wait otherwise.
 */
export function whenReady(redis: RedisClient): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status === 'end') return Promise.reject(new Error('the Redis client was closed (quit or disconnect)'));
  let pending = pendingReady.get(redis);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      redis.once('ready', () => {
        pendingReady.delete(redis);
        resolve();
      });
    });
    pendingReady.set(redis, pending);
    // A lazyConnect client connects on its first command; connect() starts it without sending one.
    if (redis.status === 'wait') redis.connect().catch(() => undefined);
  }
  return pending;
}

import { realSleep } from '@mallkit/core';
import { randomUUID } from 'node:crypto';
import { callRedis } from '../call-redis.js';
import type { RedisClient } from '../redis-client.js';
import { runScript } from '../run-script.js';
import { extendIfOwner, releaseIfOwner } from './lock-scripts.js';

/** Options of {@link createRedisLock}. */
export interface RedisLockOptions {
  /** The ioredis client; the lock neither connects nor closes it. */
  readonly redis: RedisClient;
  /** Prefix of the lock keys (default `mallkit`). */
  readonly prefix?: string;
  /**
   * Expiry of a lock whose holder stopped renewing it (default 10,000 ms). The holder renews it every
   * third of this while it lives, so a long refresh keeps it and a crashed holder frees it after this.
   */
  readonly ttlMs?: number;
  /** Pause between two tries while another process holds the lock (default 50 ms). */
  readonly pollMs?: number;
  /** Longest wait for Redis's answer to one command (default 1,000 ms); then RedisUnavailableError. */
  readonly commandTimeoutMs?: number;
}

/** A lock this process holds. */
export interface HeldLock {
  /**
   * Stops renewing and deletes the lock if this process still owns it. Never rejects: when Redis
   * cannot be reached, the lock expires by itself after `ttlMs`.
   */
  release(): Promise<void>;
}

/** Named locks with expiry, exclusive across every process that uses the same Redis and prefix. */
export interface RedisLock {
  /** Takes the lock `name` when it is free; resolves with null when another holder has it. */
  tryAcquire(name: string): Promise<HeldLock | null>;
  /** Waits until the lock `name` is free and takes it; rejects with the signal's reason on abort. */
  acquire(name: string, signal?: AbortSignal): Promise<HeldLock>;
}

/**
 * Creates named locks on Redis (SET NX PX with an owner token, renewed while held, released only by
 * their owner). @mallkit/redis's token store uses them so that one process refreshes a token for
 * all; the BullMQ recipe uses them so that one worker syncs a shop at a time.
 */
export function createRedisLock(options: RedisLockOptions): RedisLock {
  const { redis } = options;
  const prefix = options.prefix ?? 'mallkit';
  const ttlMs = options.ttlMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  if (!(ttlMs >= 30)) throw new RangeError(`ttlMs must be at least 30, got ${ttlMs}`);

  const hold = (lockKey: string, owner: string): HeldLock => {
    // Renewal failures are left alone: the lock then expires, which is the documented worst case.
    const renewal = setInterval(() => {
      runScript(redis, extendIfOwner, [lockKey], [owner, ttlMs]).catch(() => undefined);
    }, Math.floor(ttlMs / 3));
    renewal.unref();
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        clearInterval(renewal);
        await callRedis(redis, 'lock', () => runScript(redis, releaseIfOwner, [lockKey], [owner]), { timeoutMs }).catch(() => undefined);
      },
    };
  };

  const tryAcquire = async (name: string, signal?: AbortSignal): Promise<HeldLock | null> => {
    const lockKey = `${prefix}:lock:${name}`;
    const owner = randomUUID();
    const answer = await callRedis(redis, 'lock', () => redis.set(lockKey, owner, 'PX', ttlMs, 'NX'), {
      timeoutMs,
      signal,
      // Taken after the caller gave up: free it now rather than after ttlMs.
      onLateResult: (late) => {
        if (late === 'OK') runScript(redis, releaseIfOwner, [lockKey], [owner]).catch(() => undefined);
      },
    });
    return answer === 'OK' ? hold(lockKey, owner) : null;
  };

  return {
    tryAcquire: (name) => tryAcquire(name),
    async acquire(name, signal) {
      for (;;) {
        const held = await tryAcquire(name, signal);
        if (held) return held;
        await realSleep(pollMs, signal);
      }
    },
  };
}

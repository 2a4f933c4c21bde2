import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client.js';

/** A Lua script with its SHA-1, as EVALSHA names it. */
export interface LuaScript {
  readonly source: string;
  readonly sha1: string;
}

/** Prepares a script once, at module load. */
export function luaScript(source: string): LuaScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs a script in one round trip: EVALSHA, and EVAL only when Redis does not know the script yet
 * (first use, or after a restart emptied its script cache).
 */
export async function runScript(redis: RedisClient, script: LuaScript, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha1, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, keys.length, ...keys, ...args);
  }
}

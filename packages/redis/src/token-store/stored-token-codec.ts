import type { StoredToken } from '@mallkit/core';

/** The token set as JSON, field by field, so that nothing but a StoredToken's fields is ever written. */
export function encodeStoredToken(token: StoredToken): string {
  return JSON.stringify({
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    ...(token.refreshToken !== undefined ? { refreshToken: token.refreshToken } : {}),
    ...(token.refreshTokenExpiresAt !== undefined ? { refreshTokenExpiresAt: token.refreshTokenExpiresAt } : {}),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Reads a stored value back; undefined when it is not a token set (written by something else, or
 * cut short), so that the cache refreshes and overwrites it instead of failing every call.
 */
export function decodeStoredToken(text: string): StoredToken | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value['accessToken'] !== 'string' || typeof value['expiresAt'] !== 'number') return undefined;
  const { accessToken, expiresAt, refreshToken, refreshTokenExpiresAt } = value;
  return {
    accessToken,
    expiresAt,
    ...(typeof refreshToken === 'string' ? { refreshToken } : {}),
    ...(typeof refreshTokenExpiresAt === 'number' ? { refreshTokenExpiresAt } : {}),
  };
}

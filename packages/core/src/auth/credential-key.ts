import { createHash } from 'node:crypto';

/**
 * A stable, non-secret key for a credential: throttles and token caches are keyed by it so that
 * two connectors on the same key share one budget, and the key can appear in logs and hooks.
 */
export function credentialKey(mall: string, ...parts: ReadonlyArray<string>): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
  return `${mall}:${digest}`;
}

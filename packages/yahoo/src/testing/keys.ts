import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** The sandbox store's key pair: Yahoo keeps the private half, the store gets the public one. */
export interface SandboxKeyPair {
  readonly privateKey: KeyObject;
  /** PEM SPKI, what ストアクリエイターPro hands the store. */
  readonly publicKeyPem: string;
}

let cached: SandboxKeyPair | null = null;

/**
 * A 2048-bit RSA pair, generated on first use and then shared by every sandbox of the process:
 * generating one takes tens of milliseconds, and tests create many sandboxes.
 */
export function sandboxKeyPair(): SandboxKeyPair {
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  cached = { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  return cached;
}

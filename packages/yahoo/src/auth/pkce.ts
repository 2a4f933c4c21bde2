import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): keep the verifier for the code exchange, send the challenge with the authorization request. */
export interface PkcePair {
  /** 43 base64url characters from 32 random bytes. Secret until the code exchange. */
  readonly codeVerifier: string;
  /** base64url(SHA-256(codeVerifier)). */
  readonly codeChallenge: string;
  /** Always S256 (plain is not offered). */
  readonly codeChallengeMethod: 'S256';
}

/** base64url without padding, as RFC 7636 writes it. */
export function base64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 challenge of a verifier. */
export function pkceChallenge(codeVerifier: string): string {
  return base64Url(createHash('sha256').update(codeVerifier, 'ascii').digest());
}

/** Creates a fresh PKCE pair with the S256 method. */
export function createPkcePair(): PkcePair {
  const codeVerifier = base64Url(randomBytes(32));
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier), codeChallengeMethod: 'S256' };
}

/** A random `state` for the authorization request (CSRF protection): compare it on the callback. */
export function createState(): string {
  return base64Url(randomBytes(24));
}

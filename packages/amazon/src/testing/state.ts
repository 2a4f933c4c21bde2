import type { SandboxClock, SandboxContext } from '@mallkit/core/testing';
import type { AmazonOrder2026 } from '../api/orders-2026.js';
import type { AmazonOperation, UsagePlan } from '../rate-limits.js';
import type { TokenBuckets } from './token-bucket.js';
import { errorAnswer, quotaExceeded } from './wire.js';

/** The app and seller the sandbox knows. */
export interface AmazonSandboxCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly sellerId: string;
}

/** An access token the sandbox issued. */
export interface IssuedToken {
  readonly expiresAt: number;
  /** Set by expireAccessTokens(): Amazon treats the token as expired before its time. */
  expired: boolean;
}

/** The sandbox's mutable store, shared by its handlers. */
export interface SandboxState {
  readonly clock: SandboxClock;
  readonly credentials: AmazonSandboxCredentials;
  readonly orders: Map<string, AmazonOrder2026>;
  readonly tokens: Map<string, IssuedToken>;
  readonly buckets: TokenBuckets;
  plans: Record<AmazonOperation, UsagePlan>;
  refreshTokenRevoked: boolean;
  clientSecretExpired: boolean;
  /** Counts answers per operation and status, for benchmarks and tests. */
  readonly stats: Map<string, number>;
}

/**
 * The checks every SP-API call passes before its handler: a valid x-amz-access-token, then the
 * operation's token bucket for this seller and app. Returns the refusal, or null to go on.
 */
export function gate(state: SandboxState, ctx: SandboxContext, operation: AmazonOperation): Response | null {
  const token = ctx.request.headers.get('x-amz-access-token');
  if (!token) {
    return errorAnswer(403, 'Unauthorized', 'Access to requested resource is denied.', 'Access token is missing in the request header.');
  }
  const issued = state.tokens.get(token);
  if (!issued) {
    return errorAnswer(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided is revoked, malformed or invalid.');
  }
  if (issued.expired || ctx.clock.now() >= issued.expiresAt) {
    return errorAnswer(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');
  }
  if (!state.buckets.take(`${state.credentials.sellerId}|${state.credentials.clientId}|${operation}`, state.plans[operation])) {
    return quotaExceeded();
  }
  return null;
}

/** Adds one to the stats of an operation's answers with `status`. */
export function count(state: SandboxState, operation: string, status: number): void {
  const key = `${operation} ${status}`;
  state.stats.set(key, (state.stats.get(key) ?? 0) + 1);
}

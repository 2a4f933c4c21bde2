import type { SandboxClock, SandboxContext } from '@mallkit/core/testing';
import type { AmazonOperation, UsagePlan } from '../api/usage-plans.js';
import type { AmazonStore } from './store.js';
import { errorAnswer } from './wire.js';

/** The app and seller the sandbox knows. */
export interface AmazonSandboxCredentials {
  /** The app's LWA client id. */
  readonly clientId: string;
  /** The app's LWA client secret. */
  readonly clientSecret: string;
  /** The seller's refresh token (`Atzr|…`). */
  readonly refreshToken: string;
  /** The seller's merchant token. */
  readonly sellerId: string;
}

/** An access token the sandbox issued. */
export interface IssuedToken {
  readonly expiresAt: number;
  /** Set by expireAccessTokens(): Amazon treats the token as expired before its time. */
  expired: boolean;
}

/** What the sandbox's handlers share: the seller's orders, the tokens issued, the plans in force. */
export interface AmazonSandboxState {
  readonly clock: SandboxClock;
  readonly credentials: AmazonSandboxCredentials;
  readonly store: AmazonStore;
  readonly tokens: Map<string, IssuedToken>;
  plans: Record<AmazonOperation, UsagePlan>;
  refreshTokenRevoked: boolean;
  clientSecretExpired: boolean;
}

/**
 * Amazon's check of x-amz-access-token before any SP-API operation (the usage plan's bucket is the
 * kit's QPS gate, in front of it). Returns the refusal, or null to go on.
 */
export function denied(state: AmazonSandboxState, ctx: SandboxContext): Response | null {
  const token = ctx.request.headers.get('x-amz-access-token');
  const refuse = (details: string): Response => errorAnswer(403, 'Unauthorized', 'Access to requested resource is denied.', details);
  if (!token) return refuse('Access token is missing in the request header.');
  const issued = state.tokens.get(token);
  if (!issued) return refuse('The access token you provided is revoked, malformed or invalid.');
  if (issued.expired || ctx.clock.now() >= issued.expiresAt) return refuse('The access token you provided has expired.');
  return null;
}

/** The `x-amzn-RateLimit-Limit` an operation's answers carry: its plan's rate. */
export function rateOf(state: AmazonSandboxState, operation: AmazonOperation): number {
  return state.plans[operation].rate;
}

import {
  CredentialError,
  ResponseFormatError,
  createTokenCache,
  type HttpPipeline,
  type HttpRequest,
  type StoredToken,
  type TokenCache,
  type TokenStore,
  type Clock,
} from '@mallkit/core';
import { z } from 'zod';

/** The LWA token answer (Developer Guide, "Step 1. Request a Login with Amazon access token"). */
export const lwaTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  refresh_token: z.string().optional(),
});

/** The app's LWA credentials and the seller's refresh token. */
export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/**
 * Builds the refresh_token grant as a form body, the documented encoding (Amazon also accepts
 * JSON). The secret travels only in this body, never in a URL, header or log line.
 */
export function lwaRefreshRequest(tokenUrl: string, credentials: LwaCredentials): HttpRequest {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  }).toString();
  return {
    operation: 'lwaToken',
    method: 'POST',
    path: tokenUrl,
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    // A refresh does not change anything on Amazon's side: safe to re-send after a 5xx.
    idempotent: true,
  };
}

/** Options of createLwaAuth. */
export interface LwaAuthOptions {
  readonly credentials: LwaCredentials;
  readonly tokenUrl: string;
  /** The pipeline that talks to the LWA host (no auth of its own, LWA error table). */
  readonly pipeline: HttpPipeline;
  readonly cacheKey: string;
  readonly clock: Clock;
  readonly store?: TokenStore;
  /** Refresh this long before expiry (default 60 s, as Amazon's own Java client does). */
  readonly marginMs?: number;
}

/** Access tokens for SP-API calls: cached, refreshed once for all concurrent callers, refreshed again when rejected. */
export interface LwaAuth {
  /** The pipeline's `authorize`: the x-amz-access-token header. */
  authorize(request: HttpRequest, signal?: AbortSignal): Promise<Record<string, string>>;
  /** The pipeline's `onCredentialRejected`: one refresh when Amazon says the access token expired. */
  onCredentialRejected(error: CredentialError, request: HttpRequest): Promise<boolean>;
  /** Drops the current token and gets a new one from LWA now (checkCredentials' live test). */
  refreshNow(signal?: AbortSignal): Promise<StoredToken>;
  readonly cache: TokenCache;
}

/** Creates the LWA access-token source of a connector. */
export function createLwaAuth(options: LwaAuthOptions): LwaAuth {
  const { pipeline, clock } = options;
  const sentWith = new WeakMap<HttpRequest, string>();

  const refresh = async (signal?: AbortSignal): Promise<StoredToken> => {
    const response = await pipeline.send(lwaRefreshRequest(options.tokenUrl, options.credentials), signal ? { signal } : {});
    const parsed = lwaTokenResponseSchema.safeParse(response.json());
    if (!parsed.success) {
      throw new ResponseFormatError('amazon LWA: the token answer has no access_token/expires_in', {
        mall: 'amazon',
        operation: 'lwaToken',
        httpStatus: response.status,
        requestId: response.requestId,
        excerpt: pipeline.redactor.text(response.text.slice(0, 300)),
      });
    }
    pipeline.redactor.add(parsed.data.access_token);
    return { accessToken: parsed.data.access_token, expiresAt: clock.now() + parsed.data.expires_in * 1000 };
  };

  const cache = createTokenCache({
    key: options.cacheKey,
    refresh,
    clock,
    marginMs: options.marginMs ?? 60_000,
    ...(options.store ? { store: options.store } : {}),
  });

  return {
    cache,
    async authorize(request, signal) {
      const token = await cache.get(signal);
      sentWith.set(request, token);
      return { 'x-amz-access-token': token };
    },
    async onCredentialRejected(error, request) {
      if (error.credential !== 'accessToken') return false;
      const used = sentWith.get(request);
      if (used !== undefined) await cache.invalidate(used);
      // get() refreshes once for every caller that failed with the same old token; a dead refresh
      // token throws CredentialError('refreshToken') from here, which is what the caller must see.
      await cache.get();
      return true;
    },
    async refreshNow(signal) {
      const current = await cache.peek();
      if (current) await cache.invalidate(current.accessToken);
      await cache.get(signal);
      const fresh = await cache.peek();
      if (!fresh) throw new CredentialError('amazon LWA: no token after refresh', { mall: 'amazon', credential: 'refreshToken' });
      return fresh;
    },
  };
}

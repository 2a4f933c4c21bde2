import { defineEndpoint } from '@mallkit/core';
import { z } from 'zod';

/** The app's LWA credentials and the seller's refresh token. */
export interface LwaCredentials {
  /** The app's LWA client id. */
  readonly clientId: string;
  /** The app's LWA client secret. */
  readonly clientSecret: string;
  /** The seller's refresh token. */
  readonly refreshToken: string;
}

/**
 * The refresh_token grant of Login with Amazon, `POST https://api.amazon.com/auth/o2/token`, as a
 * form body, the documented encoding (Developer Guide, "Step 1. Request a Login with Amazon access
 * token"). The secret travels only in this body, never in a URL, a header or a log line. A refresh
 * changes nothing on Amazon's side, so it is safe to send again after a 5xx.
 */
export const lwaTokenEndpoint = defineEndpoint({
  operation: 'lwaToken',
  method: 'POST',
  path: (input: { readonly tokenUrl: string; readonly credentials: LwaCredentials }) => input.tokenUrl,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
  body: ({ credentials }) => ({
    form: {
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    },
  }),
  idempotent: true,
  answer: {
    format: 'json',
    schema: z.looseObject({
      access_token: z.string().min(1),
      token_type: z.string().optional(),
      expires_in: z.number().positive(),
      refresh_token: z.string().optional(),
    }),
  },
});

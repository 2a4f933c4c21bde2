import { defineEndpoint, type Endpoint } from '@mallkit/core';
import { z } from 'zod';

/*
 * YConnect v2's token endpoint as the connector calls it for a refresh: a form body, client
 * authentication by HTTP Basic (token.html), a JSON answer. specs/yahoo.md §1.2.
 */

/** Operation name of the token refresh, which answers JSON, not XML: the error table reads it apart. */
export const TOKEN_OPERATION = 'token.refresh';

/** A successful token answer. `expires_in` is sometimes a string; Yahoo omits `refresh_token` when it keeps the old one. */
export const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().optional(),
});

/** A parsed token answer. */
export type TokenAnswer = z.output<typeof tokenAnswerSchema>;

/** The `Authorization: Basic` value of a client. */
export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

/**
 * The refresh endpoint of one connector: the URL and the client's Basic credentials are fixed per
 * client, the refresh token is the input. Safe to repeat: Yahoo keeps the refresh token string.
 */
export function tokenRefreshEndpoint(tokenUrl: string, clientId: string, clientSecret: string): Endpoint<string, TokenAnswer> {
  return defineEndpoint({
    operation: TOKEN_OPERATION,
    method: 'POST',
    path: tokenUrl,
    idempotent: true,
    headers: { Authorization: basicAuth(clientId, clientSecret) },
    limiterKey: (key) => `${key}:token`,
    body: (refreshToken: string) => ({ form: { grant_type: 'refresh_token', refresh_token: refreshToken } }),
    answer: { format: 'json', schema: tokenAnswerSchema },
  });
}

import { randomBytes } from 'node:crypto';
import type { HttpHandler } from 'msw';
import type { SandboxKit } from '@mallkit/core/testing';
import type { AmazonSandboxState } from './state.js';

function lwaError(status: number, error: string, description: string): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'x-amzn-RequestId': randomBytes(8).toString('hex') },
  });
}

function readBody(text: string, contentType: string): Record<string, string> {
  if (contentType.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) {
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
      }
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** LWA's token endpoint: the refresh_token grant with the errors Amazon sends (specs/amazon.md §1.2). */
export function lwaHandlers(kit: SandboxKit, state: AmazonSandboxState, tokenUrl: string): HttpHandler[] {
  return [
    kit.route('POST', tokenUrl, 'lwaToken', (ctx) => {
      const body = readBody(ctx.bodyText, ctx.request.headers.get('content-type') ?? '');
      const { credentials } = state;
      if (body['grant_type'] !== 'refresh_token') {
        return lwaError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
      }
      if (!body['refresh_token'] || !body['client_id'] || !body['client_secret']) {
        return lwaError(400, 'invalid_request', 'The request is missing a required parameter : refresh_token, client_id or client_secret');
      }
      if (body['client_id'] !== credentials.clientId || body['client_secret'] !== credentials.clientSecret || state.clientSecretExpired) {
        return lwaError(401, 'invalid_client', 'Client authentication failed');
      }
      if (body['refresh_token'] !== credentials.refreshToken || state.refreshTokenRevoked) {
        return lwaError(400, 'invalid_grant', "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.");
      }
      const accessToken = `Atza|IwEB${randomBytes(24).toString('base64url')}`;
      state.tokens.set(accessToken, { expiresAt: ctx.clock.now() + 3_600_000, expired: false });
      return new Response(
        JSON.stringify({ access_token: accessToken, refresh_token: credentials.refreshToken, token_type: 'bearer', expires_in: 3600 }),
        { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' } },
      );
    }),
  ];
}

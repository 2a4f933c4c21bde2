import { CredentialError } from '@mallkit/core';
import { startSandboxServer, createSandboxClock } from '@mallkit/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAuthorizationUrl, createPkcePair, exchangeAuthorizationCode, pkceChallenge, refreshAccessToken } from '../src/index.js';
import { createYahooSandbox } from '../src/testing/index.js';

describe('YConnect v2 helpers', () => {
  const clock = createSandboxClock('2026-11-22T10:00:00+09:00');
  const sandbox = createYahooSandbox({ clock, rateScale: 50 });
  const server = startSandboxServer(sandbox.handlers);
  afterAll(() => server.close());
  const client = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, now: () => clock.now() };

  it('builds the authorization URL with state, PKCE S256, scope and bail=1', () => {
    const pkce = createPkcePair();
    const request = buildAuthorizationUrl({ clientId: 'my-client', redirectUri: 'https://oms.example.com/callback', state: 'st-123', pkce });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('https://auth.login.yahoo.co.jp/yconnect/v2/authorization');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'my-client',
      redirect_uri: 'https://oms.example.com/callback',
      scope: 'openid profile',
      state: 'st-123',
      code_challenge: pkce.codeChallenge,
      code_challenge_method: 'S256',
      bail: '1',
    });
    expect(request.codeVerifier).toBe(pkce.codeVerifier);
    expect(pkce.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('computes the S256 challenge of RFC 7636 (appendix B example)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('exchanges the code (with the verifier) and refreshes', async () => {
    const { url, codeVerifier } = buildAuthorizationUrl({ clientId: sandbox.clientId, redirectUri: 'https://oms.example.com/cb' });
    const challenge = new URL(url).searchParams.get('code_challenge') ?? '';
    const code = sandbox.issueAuthorizationCode('https://oms.example.com/cb', challenge);
    const tokens = await exchangeAuthorizationCode({ ...client, code, redirectUri: 'https://oms.example.com/cb', codeVerifier });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.idToken).toBeTruthy();
    // expires_in 3600 from the sandbox clock.
    expect(tokens.expiresAt - clock.now()).toBeGreaterThan(3_590_000);
    expect(tokens.expiresAt - clock.now()).toBeLessThanOrEqual(3_600_000);
    const refreshed = await refreshAccessToken({ ...client, refreshToken: tokens.refreshToken ?? '' });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    // Yahoo usually keeps the refresh token: the answer then has none.
    expect(refreshed.refreshToken).toBeNull();
    const request = sandbox.kit.log.filter({ operation: 'token' }).at(-1);
    expect(request?.headers.get('authorization')).toBe(`Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`);
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.bodyText))).toEqual({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
  });

  it('refuses a code exchange whose verifier does not match the challenge', async () => {
    const code = sandbox.issueAuthorizationCode('https://oms.example.com/cb', pkceChallenge(createPkcePair().codeVerifier));
    const error = await exchangeAuthorizationCode({ ...client, code, redirectUri: 'https://oms.example.com/cb', codeVerifier: createPkcePair().codeVerifier }).catch((e: unknown) => e);
    expect(CredentialError.isInstance(error) && error.credential).toBe('authorizationCode');
  });

  it('invalid_grant names refreshToken and says to re-authorize, without the token in the message', async () => {
    const error = await refreshAccessToken({ ...client, refreshToken: 'revoked-refresh-token-123' }).catch((e: unknown) => e);
    expect(CredentialError.isInstance(error)).toBe(true);
    if (!CredentialError.isInstance(error)) return;
    expect(error.credential).toBe('refreshToken');
    expect(error.mallCode).toBe('invalid_grant');
    expect(error.hint?.ja).toContain('認可');
    expect(JSON.stringify([error.message, error.toJSON()])).not.toContain('revoked-refresh-token-123');
  });
});

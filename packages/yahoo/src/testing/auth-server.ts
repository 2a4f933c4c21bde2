import { constants, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { SandboxClock } from '@mallkit/core/testing';
import { pkceChallenge } from '../auth/pkce.js';
import { SIGNED_SESSION_MS, UNSIGNED_SESSION_MS } from '../auth/session.js';
import { errorResponse } from './render.js';

/*
 * The sandbox's YConnect side and the order APIs' gatekeeper: access tokens (1 h), sessions
 * (28 days from the authorization while every call is signed and accepted, 12 hours once one is
 * not), px-04102 on an order API call past the session, and 公開鍵認証 checked by decrypting
 * X-sws-signature with the store's private key (RSA PKCS#1 v1.5, as Yahoo does).
 */

const ACCESS_TOKEN_MS = 3_600_000;
const CODE_MS = 600_000;
/** How far the signed unixtime may be from the sandbox clock. Yahoo's tolerance is not documented. */
export const SIGNATURE_SKEW_SECONDS = 600;

interface Session {
  refreshToken: string;
  authorizedAt: number;
  /** An unsigned or unaccepted order-API call was seen: the session is capped at 12 hours. */
  degraded: boolean;
  revoked: boolean;
  rotateOnNextRefresh: boolean;
}

interface AccessToken {
  readonly session: Session;
  expiresAt: number;
}

interface PendingCode {
  readonly redirectUri: string;
  readonly codeChallenge: string | null;
  readonly issuedAt: number;
}

/** Configuration of the auth side. */
export interface AuthServerOptions {
  readonly clock: SandboxClock;
  readonly sellerId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly privateKey: KeyObject;
  readonly publicKeyVersion: string;
}

/** Outcome of checking an order API request: an error answer, or the header to add to the success. */
export type Gate = { readonly refused: Response } | { readonly refused: null; readonly authorizeStatus: string | null };

function token(): string {
  return randomBytes(24).toString('base64url');
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' } });
}

/** The sandbox's auth server. */
export function createAuthServer(options: AuthServerOptions) {
  const sessions = new Map<string, Session>();
  const accessTokens = new Map<string, AccessToken>();
  const codes = new Map<string, PendingCode>();
  const now = (): number => options.clock.now();

  const sessionLimit = (session: Session): number => session.authorizedAt + (session.degraded ? UNSIGNED_SESSION_MS : SIGNED_SESSION_MS);

  function issue(session: Session): { access_token: string; token_type: string; expires_in: number } {
    const value = token();
    accessTokens.set(value, { session, expiresAt: now() + ACCESS_TOKEN_MS });
    return { access_token: value, token_type: 'Bearer', expires_in: ACCESS_TOKEN_MS / 1000 };
  }

  function clientOk(request: Request, form: URLSearchParams): boolean {
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
    const [id, secret] = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [form.get('client_id'), form.get('client_secret')];
    return id === options.clientId && secret === options.clientSecret;
  }

  /** Decrypts X-sws-signature and checks seller and time; null when no signature was sent. */
  function verifySignature(request: Request): boolean | null {
    const signature = request.headers.get('x-sws-signature');
    const version = request.headers.get('x-sws-signature-version');
    if (!signature && !version) return null;
    if (!signature || version !== options.publicKeyVersion) return false;
    try {
      // Node 24's OpenSSL keeps PKCS#1 v1.5 decryption with implicit rejection: a forged or
      // garbled signature decrypts to random bytes instead of throwing, and fails the check below.
      const plain = privateDecrypt({ key: options.privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(signature, 'base64')).toString('utf8');
      const match = /^(.+):(\d+)$/.exec(plain);
      if (!match || match[1] !== options.sellerId) return false;
      return Math.abs(Number(match[2]) - now() / 1000) <= SIGNATURE_SKEW_SECONDS;
    } catch {
      return false;
    }
  }

  return {
    /** Registers an authorization as the code exchange would, and returns its refresh token. */
    authorize(authorizedAt: number = now()): string {
      const refreshToken = token();
      sessions.set(refreshToken, { refreshToken, authorizedAt, degraded: false, revoked: false, rotateOnNextRefresh: false });
      return refreshToken;
    },
    /** Issues an authorization code, as Yahoo's consent page would redirect with. */
    issueCode(redirectUri: string, codeChallenge: string | null): string {
      const code = token();
      codes.set(code, { redirectUri, codeChallenge, issuedAt: now() });
      return code;
    },
    /** Revokes every session (password change, consent withdrawn): refresh → invalid_grant, API → invalid_token. */
    revokeAll(): void {
      for (const session of sessions.values()) session.revoked = true;
    },
    /** Expires every access token now, as an hour passing would. */
    expireAccessTokens(): void {
      for (const entry of accessTokens.values()) entry.expiresAt = 0;
    },
    /** The next refresh answers with a new refresh token. */
    rotateOnNextRefresh(): void {
      for (const session of sessions.values()) session.rotateOnNextRefresh = true;
    },
    /** Whether a session is capped at 12 hours (an unsigned or unaccepted call was seen). */
    isDegraded(refreshToken: string): boolean {
      return sessions.get(refreshToken)?.degraded ?? false;
    },

    /** POST /yconnect/v2/token. */
    async token(request: Request, bodyText: string): Promise<Response> {
      const form = new URLSearchParams(bodyText);
      if (!clientOk(request, form)) return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
      const grant = form.get('grant_type');
      if (grant === 'refresh_token') {
        const session = sessions.get(form.get('refresh_token') ?? '');
        if (!session || session.revoked || now() > sessionLimit(session)) {
          return json(400, { error: 'invalid_grant', error_description: 'invalid refresh token' });
        }
        const answer: Record<string, unknown> = issue(session);
        if (session.rotateOnNextRefresh) {
          session.rotateOnNextRefresh = false;
          sessions.delete(session.refreshToken);
          session.refreshToken = token();
          sessions.set(session.refreshToken, session);
          answer.refresh_token = session.refreshToken;
        }
        return json(200, answer);
      }
      if (grant === 'authorization_code') {
        const code = form.get('code') ?? '';
        const pending = codes.get(code);
        codes.delete(code);
        if (!pending || now() - pending.issuedAt > CODE_MS || pending.redirectUri !== form.get('redirect_uri')) {
          return json(400, { error: 'invalid_grant', error_description: 'invalid authorization code' });
        }
        if (pending.codeChallenge !== null && pkceChallenge(form.get('code_verifier') ?? '') !== pending.codeChallenge) {
          return json(400, { error: 'invalid_grant', error_description: 'code_verifier does not match' });
        }
        const refreshToken = this.authorize();
        const session = sessions.get(refreshToken);
        if (!session) return json(500, { error: 'server_error' });
        return json(200, { ...issue(session), refresh_token: refreshToken, id_token: `sandbox.${token()}.idtoken` });
      }
      return json(400, { error: 'unsupported_grant_type' });
    },

    /** Checks an order API request: bearer token, session age, signature. */
    gate(request: Request): Gate {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      if (!bearer?.[1]) {
        return {
          refused: errorResponse(401, 'Bad Request: Authentication parameters in your request incompleted.', null, {
            'X-YahooJ-AuthError': 'Required authentication information is not found.',
          }),
        };
      }
      const entry = accessTokens.get(bearer[1]);
      if (!entry || entry.expiresAt <= now() || entry.session.revoked) {
        const challenge = 'Bearer realm="yahooapis.jp", error="invalid_token", error_description="expired token"';
        return { refused: errorResponse(401, `Please provide valid credentials. ${challenge}`, null, { 'WWW-Authenticate': challenge }) };
      }
      const signed = verifySignature(request);
      if (signed !== true) entry.session.degraded = true;
      if (now() > sessionLimit(entry.session)) {
        return { refused: errorResponse(401, 'AccessToken has been expired. This API session is shorter than another API.', 'px-04102') };
      }
      return { refused: null, authorizeStatus: signed === null ? null : signed ? 'authorized' : 'unauthorized' };
    },
  };
}

/** The sandbox's auth server. */
export type AuthServer = ReturnType<typeof createAuthServer>;

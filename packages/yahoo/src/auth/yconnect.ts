import {
  CredentialError,
  InvalidRequestError,
  MaintenanceError,
  MallUnavailableError,
  NetworkError,
  ResponseFormatError,
  createRedactor,
  type MallkitError,
} from '@mallkit/core';
import { z } from 'zod';
import { basicAuth, tokenAnswerSchema, type TokenAnswer } from '../api/token.js';
import { createPkcePair, createState, type PkcePair } from './pkce.js';

/*
 * Yahoo! ID連携 v2 (YConnect v2): the OAuth 2.0 authorization-code flow an OMS runs once per store
 * to get the refresh token, and the refresh the connector runs every hour. specs/yahoo.md §1.2.
 */

/** YConnect v2 authorization endpoint. */
export const YCONNECT_AUTHORIZATION_URL = 'https://auth.login.yahoo.co.jp/yconnect/v2/authorization';
/** YConnect v2 token endpoint. */
export const YCONNECT_TOKEN_URL = 'https://auth.login.yahoo.co.jp/yconnect/v2/token';

/** Input of {@link buildAuthorizationUrl}. */
export interface AuthorizationUrlInput {
  /** The app's Client ID (アプリケーションID). */
  readonly clientId: string;
  /** Must equal the コールバックURL registered for the app. */
  readonly redirectUri: string;
  /** Compare it with the `state` of the callback. Default: a fresh random value (returned). */
  readonly state?: string;
  /** Default: a fresh S256 pair (returned: keep its verifier for the exchange). */
  readonly pkce?: Pick<PkcePair, 'codeChallenge'> & Partial<PkcePair>;
  /** Default `openid profile`, what store integrations ask for. */
  readonly scope?: string;
  /** Optional OpenID Connect nonce. */
  readonly nonce?: string;
  /** Default the production endpoint. */
  readonly authorizationUrl?: string;
}

/** What {@link buildAuthorizationUrl} returns: the URL to send the store owner to, and what to keep for the callback. */
export interface AuthorizationRequest {
  /** Send the store owner here. */
  readonly url: string;
  /** Compare it with the `state` of the callback. */
  readonly state: string;
  /** Keep it server-side until the code exchange; absent when you passed only a challenge. */
  readonly codeVerifier: string | null;
}

/**
 * Builds the YConnect v2 authorization URL (response_type=code, scope, state, PKCE S256, bail=1 so
 * that a declined consent comes back to your callback instead of stopping on Yahoo's page).
 */
export function buildAuthorizationUrl(input: AuthorizationUrlInput): AuthorizationRequest {
  const pkce = input.pkce ?? createPkcePair();
  const state = input.state ?? createState();
  const url = new URL(input.authorizationUrl ?? YCONNECT_AUTHORIZATION_URL);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', input.scope ?? 'openid profile');
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', pkce.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('bail', '1');
  if (input.nonce) url.searchParams.set('nonce', input.nonce);
  return { url: url.toString(), state, codeVerifier: pkce.codeVerifier ?? null };
}

/** A token answer of the token endpoint, normalized. Times are epoch ms. */
export interface YConnectTokenSet {
  /** The Bearer token of the order APIs (1 hour). */
  readonly accessToken: string;
  /** `Bearer`. */
  readonly tokenType: string;
  /** When the access token expires. */
  readonly expiresAt: number;
  /** Present on the code exchange; on a refresh only when Yahoo sent one (it usually keeps the old one). */
  readonly refreshToken: string | null;
  /** The OpenID Connect ID token (code exchange only). */
  readonly idToken: string | null;
}

const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** A checked token answer as a token set; `now` stamps the expiry. Access tokens live 3600 s when Yahoo omits expires_in. */
export function toTokenSet(answer: TokenAnswer, now: number): YConnectTokenSet {
  const seconds = answer.expires_in === undefined ? 3600 : Number(answer.expires_in);
  return {
    accessToken: answer.access_token,
    tokenType: answer.token_type ?? 'Bearer',
    expiresAt: now + seconds * 1000,
    refreshToken: answer.refresh_token ?? null,
    idToken: answer.id_token ?? null,
  };
}

/** Reads a token-endpoint JSON answer, or null when it has no access token. */
export function readTokenAnswer(json: unknown, now: number): YConnectTokenSet | null {
  const parsed = tokenAnswerSchema.safeParse(json);
  return parsed.success ? toTokenSet(parsed.data, now) : null;
}

const REAUTHORIZE = {
  ja: 'Yahoo!ショッピングの受注アクセスキー(リフレッシュトークン)が無効または期限切れです。ストアのYahoo! JAPAN IDで認可(Authorizationリクエスト)からやり直し、新しいリフレッシュトークンを設定してください。',
  en: 'The Yahoo! Shopping refresh token is expired or revoked (password change, consent withdrawn, or the 12-hour / 4-week limit). Re-authorize the store from the authorization request and set the new refresh token.',
};

/**
 * The token endpoint's error table: `invalid_grant` means the refresh token (or code) is dead,
 * `invalid_client` the client id or secret is wrong. Returns null for a success.
 */
export function classifyTokenAnswer(
  status: number,
  text: string,
  context: {
    operation: string;
    grant: 'refresh_token' | 'authorization_code';
    requestId?: string | null;
    /** Masks secrets in messages before any error is built (a stack keeps its first message). */
    redact?: (text: string) => string;
  },
): MallkitError | null {
  const redact = context.redact ?? ((value: string): string => value);
  const base = { mall: 'yahoo' as const, operation: context.operation, httpStatus: status, requestId: context.requestId ?? null };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (cause) {
    if (status === 503) return new MaintenanceError(`yahoo ${context.operation}: HTTP 503 (maintenance)`, base);
    if (status >= 500) return new MallUnavailableError(`yahoo ${context.operation}: HTTP ${status}`, base);
    return new ResponseFormatError(`yahoo ${context.operation}: the token endpoint answered something that is not JSON (HTTP ${status})`, {
      ...base,
      excerpt: redact(text.slice(0, 300)),
      cause,
    });
  }
  const error = tokenErrorSchema.safeParse(json);
  if (error.success) {
    const code = error.data.error;
    const detail = error.data.error_description ? ` (${redact(error.data.error_description)})` : '';
    if (code === 'invalid_grant') {
      const credential = context.grant === 'refresh_token' ? 'refreshToken' : 'authorizationCode';
      return new CredentialError(`yahoo ${context.operation}: invalid_grant${detail}`, {
        ...base,
        mallCode: code,
        credential,
        reason: 'expired',
        hint:
          credential === 'refreshToken'
            ? REAUTHORIZE
            : { ja: '認可コードが無効です(有効期限600秒、1回限り)。認可からやり直してください。', en: 'The authorization code is invalid (it lives 600 s and works once). Start the authorization again.' },
      });
    }
    if (code === 'invalid_client' || code === 'unauthorized_client') {
      return new CredentialError(`yahoo ${context.operation}: ${code}${detail}`, {
        ...base,
        mallCode: code,
        credential: 'clientSecret',
        hint: {
          ja: 'Client ID(アプリケーションID)とシークレットを「アプリケーションの管理」で確認してください。',
          en: 'Check the Client ID and secret in the Yahoo! developer dashboard (アプリケーションの管理).',
        },
      });
    }
    if (status >= 500) return new MallUnavailableError(`yahoo ${context.operation}: ${code}${detail}`, { ...base, mallCode: code });
    return new InvalidRequestError(`yahoo ${context.operation}: ${code}${detail}`, { ...base, mallCode: code });
  }
  if (status >= 500) return new MallUnavailableError(`yahoo ${context.operation}: HTTP ${status}`, base);
  if (status >= 400) return new InvalidRequestError(`yahoo ${context.operation}: HTTP ${status}`, base);
  if (readTokenAnswer(json, 0) === null) {
    return new ResponseFormatError(`yahoo ${context.operation}: the token answer has no access_token`, { ...base, excerpt: redact(text.slice(0, 300)) });
  }
  return null;
}

/** The form and headers of a token request: client authentication by HTTP Basic, as token.html describes. */
function tokenRequest(clientId: string, clientSecret: string, form: Readonly<Record<string, string>>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(form).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basicAuth(clientId, clientSecret) },
  };
}

/** Common input of the standalone token helpers. */
export interface TokenHelperInput {
  /** The app's Client ID. */
  readonly clientId: string;
  /** The app's シークレット. */
  readonly clientSecret: string;
  /** Default the global fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** Default the production token endpoint. */
  readonly tokenUrl?: string;
  /** Default `Date.now`. */
  readonly now?: () => number;
  /** Aborts the request. */
  readonly signal?: AbortSignal;
}

async function postToken(input: TokenHelperInput, form: Record<string, string>, grant: 'refresh_token' | 'authorization_code'): Promise<YConnectTokenSet> {
  const secrets = [input.clientSecret, form.code, form.refresh_token, form.code_verifier];
  const redactor = createRedactor(secrets);
  const { body, headers } = tokenRequest(input.clientId, input.clientSecret, form);
  const operation = grant === 'refresh_token' ? 'token.refresh' : 'token.exchange';
  let response: Response;
  let text: string;
  try {
    response = await (input.fetch ?? globalThis.fetch)(input.tokenUrl ?? YCONNECT_TOKEN_URL, {
      method: 'POST',
      headers,
      body,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    text = await response.text();
  } catch (cause) {
    if (input.signal?.aborted) throw input.signal.reason;
    // MallkitError keeps only a redacted copy of a foreign cause: the request's headers never travel with it.
    throw new NetworkError(`yahoo ${operation}: the token endpoint could not be reached`, { mall: 'yahoo', operation, cause });
  }
  const error = classifyTokenAnswer(response.status, text, { operation, grant, redact: redactor.text });
  if (error) throw error;
  const tokens = readTokenAnswer(JSON.parse(text) as unknown, (input.now ?? Date.now)());
  if (!tokens) throw new ResponseFormatError(`yahoo ${operation}: no access_token`, { mall: 'yahoo', operation });
  return tokens;
}

/** Input of {@link exchangeAuthorizationCode}. */
export interface CodeExchangeInput extends TokenHelperInput {
  /** The `code` of the callback (valid 600 s, once). */
  readonly code: string;
  /** The same redirect URI as in the authorization request. */
  readonly redirectUri: string;
  /** The PKCE verifier kept from {@link buildAuthorizationUrl}. */
  readonly codeVerifier?: string | null;
}

/** Exchanges the callback's code for tokens (grant_type=authorization_code). Store `refreshToken` and the time. */
export async function exchangeAuthorizationCode(input: CodeExchangeInput): Promise<YConnectTokenSet> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  return postToken(input, form, 'authorization_code');
}

/** Input of {@link refreshAccessToken}. */
export interface RefreshInput extends TokenHelperInput {
  /** The store's refresh token. */
  readonly refreshToken: string;
}

/**
 * Gets a new access token (grant_type=refresh_token). `refreshToken` in the answer is null when
 * Yahoo kept the old one; keep using yours then. invalid_grant → CredentialError naming refreshToken.
 */
export async function refreshAccessToken(input: RefreshInput): Promise<YConnectTokenSet> {
  return postToken(input, { grant_type: 'refresh_token', refresh_token: input.refreshToken }, 'refresh_token');
}

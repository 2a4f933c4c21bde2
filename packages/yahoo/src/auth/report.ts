import {
  credentialReport,
  describeCredential,
  formatJst,
  liveCheck,
  type CallOptions,
  type Clock,
  type CredentialError,
  type CredentialReport,
  type CredentialStatus,
  type Hint,
} from '@mallkit/core';
import type { YahooClient } from '../client.js';
import { HINTS } from '../errors.js';
import type { YahooSession } from './session.js';

/*
 * checkCredentials' report, from what the session learned: the refresh token's tracked expiry
 * (28 d signed / 12 h unsigned from the authorization), the public key's yearly expiry, the
 * X-SWS-Authorize-Status verdict, and the credentials Yahoo refused since the last success.
 */

/** What the report is built from. */
export interface CredentialFacts {
  readonly session: YahooSession;
  readonly shopId: string;
  readonly now: number;
  readonly warningDays: number;
  readonly publicKeyConfigured: boolean;
  readonly publicKeyExpiresAt: number | null;
  /** What went wrong with the live check, when it failed for another reason than a credential. */
  readonly liveCheckProblem: Hint | null;
}

function stateOf(error: CredentialError | undefined): 'expired' | 'invalid' | undefined {
  if (!error) return undefined;
  return error.code === 'credential_expired' ? 'expired' : 'invalid';
}

function refreshTokenStatus(facts: CredentialFacts): CredentialStatus {
  const { session } = facts;
  const verdict = session.publicKey;
  const rejection = session.rejected.get('refreshToken') ?? session.rejected.get('accessToken');
  const expiresAt = session.refreshTokenExpiresAt();
  const notes: Hint[] = facts.liveCheckProblem ? [facts.liveCheckProblem] : [];
  if (!facts.publicKeyConfigured) notes.push(HINTS.noPublicKey);
  if (verdict.status === 'rejected') {
    notes.push({
      ja: `公開鍵認証が受け付けられていません(X-SWS-Authorize-Status: ${verdict.value})。セッションは12時間に短縮されます。`,
      en: `公開鍵認証 is not accepted (X-SWS-Authorize-Status: ${verdict.value}): the session is cut to 12 hours.`,
    });
  }
  const state = stateOf(rejection);
  return describeCredential({
    name: 'refreshToken',
    label: { ja: '受注アクセスキー(リフレッシュトークン)', en: 'Refresh token (YConnect session)' },
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
    source: expiresAt === null ? (rejection ? 'live_check' : 'none') : 'tracked',
    now: facts.now,
    warningDays: facts.warningDays,
    renew: HINTS.reauthorize,
    ...(state ? { state } : {}),
    notes,
  });
}

function publicKeyStatus(facts: CredentialFacts): CredentialStatus {
  const verdict = facts.session.publicKey;
  return describeCredential({
    name: 'publicKey',
    label: { ja: '公開鍵(暗号鍵管理)', en: 'Public key (公開鍵認証)' },
    expiresAt: facts.publicKeyExpiresAt === null ? null : new Date(facts.publicKeyExpiresAt),
    source: facts.publicKeyExpiresAt !== null ? 'tracked' : verdict.status === 'authorized' ? 'live_check' : 'none',
    now: facts.now,
    warningDays: facts.warningDays,
    renew: HINTS.renewPublicKey,
    ...(verdict.status === 'rejected' ? { state: 'invalid' as const } : {}),
    notes: [HINTS.publicKeyLifetime],
  });
}

function clientSecretStatus(facts: CredentialFacts): CredentialStatus {
  return describeCredential({
    name: 'clientSecret',
    label: { ja: 'Client ID / シークレット', en: 'Client ID and secret' },
    expiresAt: null,
    source: 'never_expires',
    now: facts.now,
    warningDays: facts.warningDays,
    renew: HINTS.clientSecret,
    ...(facts.session.rejected.has('clientSecret') ? { state: 'invalid' as const } : {}),
  });
}

/** The report: the refresh token, the public key (when one is set or was seen), and the client secret. */
export function yahooCredentialReport(facts: CredentialFacts): CredentialReport {
  const hasKey = facts.publicKeyConfigured || facts.session.publicKey.status !== 'not_seen';
  const credentials = [refreshTokenStatus(facts), ...(hasKey ? [publicKeyStatus(facts)] : []), clientSecretStatus(facts)];
  return credentialReport('yahoo', facts.shopId, facts.now, credentials);
}

/** What checkCredentials needs. */
export interface CredentialCheck {
  readonly client: YahooClient;
  readonly clock: Clock;
  readonly shopId: string;
  readonly warningDays: number;
  /** The `publicKey` option as given (configured when not blank). */
  readonly publicKey: string | undefined;
  readonly publicKeyExpiresAt: number | null;
}

/**
 * checkCredentials: one live orderList call (it proves the access token, the session and the
 * signature together), then the report. A refused credential is recorded by the session and
 * reported there; any other failure of the call is a note, not a verdict.
 */
export async function checkYahooCredentials(check: CredentialCheck, call: CallOptions): Promise<CredentialReport> {
  const { client } = check;
  const now = check.clock.now();
  const live = await liveCheck(() =>
    client.orderList({ condition: { OrderTimeFrom: formatJst(now - 60_000, 'compact'), OrderTimeTo: formatJst(now, 'compact') }, fields: ['OrderId'], start: 1, results: 1 }, call),
  );
  const recorded = live.state === 'invalid' && client.session.rejected.size > 0;
  return yahooCredentialReport({
    session: client.session,
    shopId: check.shopId,
    now,
    warningDays: check.warningDays,
    publicKeyConfigured: check.publicKey !== undefined && check.publicKey.trim() !== '',
    publicKeyExpiresAt: check.publicKeyExpiresAt,
    liveCheckProblem: live.state === 'valid' || recorded ? null : live.note,
  });
}

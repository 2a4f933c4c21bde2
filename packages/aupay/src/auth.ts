import { credentialKey, describeCredential, type CredentialStatus, type Hint } from '@mallkit/core';
import { AUPAY_HINTS } from './errors.js';

/*
 * au PAY authorizes with the raw API key as a bearer token — no OAuth, no refresh, no API that
 * tells the key's expiry. A key lives 90 days and works only from the caller IPs registered in
 * Wow!manager; shops copy the expiry date from the screen (integrators store the key and its
 * 有効期限 together), so the connector takes it as an option and counts the days.
 */

/** The Authorization header of every request. */
export function bearerHeaders(apiKey: string): () => Record<string, string> {
  const headers = Object.freeze({ Authorization: `Bearer ${apiKey}` });
  return () => ({ ...headers });
}

/** The throttle key of an API key: a hash, never the key itself. */
export function apiKeyLimiterKey(apiKey: string): string {
  return credentialKey('aupay', apiKey);
}

/** What the live probe of checkCredentials found. */
export type ProbeVerdict = 'accepted' | 'refused';

/** Everything the report of the API key is built from. */
export interface ApiKeyFacts {
  /** From keyExpiresAt or keyIssuedAt + 90 days; null when the user gave neither. */
  readonly expiresAt: Date | null;
  /** What the live probe found. */
  readonly probe: ProbeVerdict;
  /** The time of the check, epoch ms. */
  readonly now: number;
  /** Days before expiry from which the key is reported `expiring`. */
  readonly warningDays: number;
}

const LABEL: Hint = { ja: 'APIキー', en: 'API key' };
const RENEW: Hint = AUPAY_HINTS.keyExpired;
const UNKNOWN_EXPIRY: Hint = {
  ja: 'au PAY は有効期限を API で返しません。Wow!manager に表示される有効期限を keyExpiresAt（または発行日を keyIssuedAt）に設定すると残り日数を報告します。期限の10日前に基本メールアドレスへ通知メールも届きます。',
  en: 'au PAY has no API that tells the expiry. Set keyExpiresAt (the 有効期限 Wow!manager shows) or keyIssuedAt to get the days left. au PAY also mails the shop\'s 基本メールアドレス 10 days before the key expires.',
};
const PROBE_REFUSED: Hint = AUPAY_HINTS.credentialsRefused;

/** The API key's line of the credential report. */
export function describeApiKey(facts: ApiKeyFacts): CredentialStatus {
  const expired = facts.expiresAt !== null && facts.expiresAt.getTime() <= facts.now;
  const notes: Hint[] = [];
  if (facts.expiresAt === null) notes.push(UNKNOWN_EXPIRY);
  if (facts.probe === 'refused') notes.push(PROBE_REFUSED);
  return describeCredential({
    name: 'apiKey',
    label: LABEL,
    expiresAt: facts.expiresAt,
    source: facts.expiresAt === null ? 'none' : 'tracked',
    now: facts.now,
    warningDays: facts.warningDays,
    renew: RENEW,
    notes,
    ...(facts.probe === 'refused' ? { state: expired ? 'expired' : 'invalid' } : {}),
  });
}

/** The shop ID's line of the report, when au PAY refused it (CME0022). */
export function describeRefusedShopId(now: number): CredentialStatus {
  return describeCredential({
    name: 'shopId',
    label: { ja: '店舗ID', en: 'shop ID' },
    expiresAt: null,
    source: 'live_check',
    now,
    warningDays: 0,
    renew: AUPAY_HINTS.wrongShopId,
    state: 'invalid',
  });
}

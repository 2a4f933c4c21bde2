import { credentialKey, describeCredential, type CredentialState, type CredentialStatus, type Hint, type LiveCheck } from '@mallkit/core';
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

/** Everything the report of the API key is built from. */
export interface ApiKeyFacts {
  /** From keyExpiresAt or keyIssuedAt + 90 days; null when the user gave neither. */
  readonly expiresAt: Date | null;
  /** What the live probe through an order API showed (core's liveCheck). */
  readonly probe: LiveCheck;
  /** The time of the check, epoch ms. */
  readonly now: number;
  /** Days before expiry from which the key is reported `expiring`. */
  readonly warningDays: number;
}

const LABEL: Hint = { ja: 'APIキー', en: 'API key' };
const UNKNOWN_EXPIRY: Hint = {
  ja: 'au PAY は有効期限を API で返しません。Wow!manager に表示される有効期限を keyExpiresAt（または発行日を keyIssuedAt）に設定すると残り日数を報告します。期限の10日前に基本メールアドレスへ通知メールも届きます。',
  en: 'au PAY has no API that tells the expiry. Set keyExpiresAt (the 有効期限 Wow!manager shows) or keyIssuedAt to get the days left. au PAY also mails the shop\'s 基本メールアドレス 10 days before the key expires.',
};
const DATE_LOOKS_WRONG: Hint = {
  ja: 'au PAY はこのキーを受け付けましたが、設定された有効期限（keyExpiresAt / keyIssuedAt）は過ぎています。Wow!manager で有効期限を確かめ、設定し直してください。',
  en: 'au PAY accepted the key, but the expiry date set (keyExpiresAt / keyIssuedAt) has passed: the date looks wrong. Check the 有効期限 in Wow!manager and set it again.',
};

/**
 * The API key's line of the credential report. The live probe decides over the dates: a key au
 * PAY refuses is `expired` once its known date has passed, else `invalid` (bad key, unregistered
 * IP or no order API group: the checks of 0002, in order); a key au PAY accepts is `valid` even
 * past the date given (the note says the date looks wrong); a probe that could not tell
 * (maintenance, an outage) leaves the dates to decide and says why.
 */
export function describeApiKey(facts: ApiKeyFacts): CredentialStatus {
  const { expiresAt, probe, now } = facts;
  const pastDate = expiresAt !== null && expiresAt.getTime() <= now;
  const notes: Hint[] = [];
  if (expiresAt === null) notes.push(UNKNOWN_EXPIRY);
  let state: CredentialState | undefined;
  let renew: Hint = AUPAY_HINTS.keyExpired;
  if (probe.state === 'invalid') {
    state = pastDate ? 'expired' : 'invalid';
    if (!pastDate) renew = AUPAY_HINTS.credentialsRefused;
  } else if (probe.state === 'valid' && pastDate) {
    state = 'valid';
    notes.push(DATE_LOOKS_WRONG);
  } else if (probe.state === 'unknown' && probe.note) {
    notes.push(probe.note);
  }
  return describeCredential({
    name: 'apiKey',
    label: LABEL,
    expiresAt,
    source: expiresAt === null ? 'none' : 'tracked',
    now,
    warningDays: facts.warningDays,
    renew,
    notes,
    ...(state ? { state } : {}),
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

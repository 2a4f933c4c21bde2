import { credentialReport, CredentialError, describeCredential, InvalidRequestError, liveCheck, NotFoundError, toEpochJst, type CallOptions, type CredentialReport, type CredentialStatus, type Hint } from '@mallkit/core';
import { AMAZON_HINTS } from '../errors.js';
import { ORDERS_V0_READ_REMOVAL_DATE, type OrdersApiVersion } from '../options.js';
import type { LwaAuth } from './lwa.js';

const DAY = 86_400_000;
/** Public apps must be re-authorized by the seller every 365 days (developer-docs "Renew authorizations"). */
const AUTHORIZATION_DAYS = 365;
/** The LWA client secret must be rotated every 180 days ("Rotating your app's LWA credentials"). */
const SECRET_DAYS = 180;
/** Where Amazon announced the v0 read removal. */
const V0_REMOVAL_NOTICE = 'https://developer-docs.amazon.com/sp-api/changelog/new-introducing-the-orders-api-v2026-01-01';

/** An order id no seller has, for the authorized call (Amazon's 3-7-7 digit format). */
export const PROBE_ORDER_ID = '000-0000000-0000000';

/**
 * checkCredentials' authorized call: any answer but a refusal of the caller proves roles and
 * region — a 404 for the made-up id, or a 400 if Amazon refuses the id itself (inferred, README).
 */
export async function authorizedProbe(read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!NotFoundError.isInstance(error) && !InvalidRequestError.isInstance(error)) throw error;
  }
}

/** What the report needs besides the live refresh. */
export interface CredentialReportInput {
  readonly auth: LwaAuth;
  /**
   * One cheap authorized SP-API call (a getOrder for an id no seller has): it resolves when Amazon
   * let the call through, so a missing role or a wrong region (403) shows, which LWA cannot tell.
   */
  readonly probe: (call: CallOptions) => Promise<unknown>;
  readonly shopId: string;
  readonly now: number;
  readonly warningDays: number;
  readonly ordersApi: OrdersApiVersion;
  /** When the seller authorized the app: no API returns it. */
  readonly authorizedAt: Date | string | undefined;
  /** When the client secret was issued: no API returns it. */
  readonly clientSecretRotatedAt: Date | string | undefined;
}

/** `value` + `days`; a date without a time or offset (`2026-04-01`) is read as JST, as a shop writes it. */
function plusDays(value: Date | string | undefined, days: number): Date | null {
  return value === undefined ? null : new Date(toEpochJst(value) + days * DAY);
}

function notTracked(option: string): Hint[] {
  return [
    {
      ja: `Amazonは有効期限をAPIで返しません。${option} を指定すると期限と残り日数を追跡できます。`,
      en: `Amazon returns no expiry through its API: pass ${option} to track the deadline and days left.`,
    },
  ];
}

/**
 * checkCredentials: a live LWA token request (it proves client id, client secret and refresh token
 * together, and leaves the cached token alone), one authorized SP-API call (roles and region), and
 * the two expiries no API returns, computed from the dates the user supplies.
 */
export async function amazonCredentialReport(input: CredentialReportInput, call: CallOptions): Promise<CredentialReport> {
  const { now, warningDays } = input;
  let rejected: CredentialError | null = null;
  try {
    await input.auth.requestToken(call.signal);
  } catch (error) {
    if (!CredentialError.isInstance(error)) throw error;
    rejected = error;
  }
  const failed = (...names: string[]): boolean => rejected !== null && names.includes(rejected.credential);
  // Without a token the SP-API call would only repeat LWA's refusal.
  const access = rejected ? null : await liveCheck(() => input.probe(call));

  const authorizationExpiry = plusDays(input.authorizedAt, AUTHORIZATION_DAYS);
  const refreshToken = describeCredential({
    name: 'refreshToken',
    label: { ja: 'リフレッシュトークン（出品者の認可、365日ごとに更新）', en: 'Refresh token (seller authorization, renewed every 365 days)' },
    expiresAt: authorizationExpiry,
    source: authorizationExpiry ? 'tracked' : 'live_check',
    now,
    warningDays,
    renew: AMAZON_HINTS.reauthorize,
    ...(failed('refreshToken') ? { state: 'invalid' as const } : {}),
    notes: authorizationExpiry ? [] : notTracked('authorizedAt'),
  });

  const secretExpiry = plusDays(input.clientSecretRotatedAt, SECRET_DAYS);
  const clientSecret = describeCredential({
    name: 'clientSecret',
    label: { ja: 'LWAクライアントシークレット（180日ごとにローテーション）', en: 'LWA client secret (rotated every 180 days)' },
    expiresAt: secretExpiry,
    source: secretExpiry ? 'tracked' : 'live_check',
    now,
    warningDays,
    renew: AMAZON_HINTS.rotateSecret,
    ...(failed('clientSecret', 'clientId') ? { state: 'invalid' as const } : {}),
    notes: secretExpiry ? [] : notTracked('clientSecretRotatedAt'),
  });

  const credentials: CredentialStatus[] = [refreshToken, clientSecret];
  if (access) {
    credentials.push(
      describeCredential({
        name: 'roles',
        label: { ja: 'アプリのロールとリージョン（SP-APIの呼び出し）', en: "The app's roles and region (an SP-API call)" },
        expiresAt: null,
        source: 'live_check',
        now,
        warningDays,
        renew: AMAZON_HINTS.permission,
        ...(access.state === 'valid' ? {} : { state: access.state }),
        notes: access.note ? [access.note] : [],
      }),
    );
  }
  if (input.ordersApi === 'v0') {
    credentials.push(
      describeCredential({
        name: 'ordersApiV0',
        label: { ja: 'Orders API v0（注文の読み取り、廃止予定）', en: 'Orders API v0 (order reads, deprecated)' },
        expiresAt: new Date(`${ORDERS_V0_READ_REMOVAL_DATE}T00:00:00+09:00`),
        // A date Amazon announced, kept in this package (no API returns it); core has no source for that yet.
        source: 'tracked',
        notes: [
          {
            ja: `Amazonが発表した廃止日です（${V0_REMOVAL_NOTICE}）。`,
            en: `The removal date Amazon announced (${V0_REMOVAL_NOTICE}).`,
          },
        ],
        now,
        warningDays: Math.max(warningDays, 90),
        renew: { ja: 'ordersApi オプションを外して Orders API v2026-01-01 に移行してください。', en: 'Drop the ordersApi option to move to Orders API v2026-01-01.' },
      }),
    );
  }
  return credentialReport('amazon', input.shopId, now, credentials);
}

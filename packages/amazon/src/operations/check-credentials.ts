import {
  CredentialError,
  describeCredential,
  formatJst,
  toEpochJst,
  type CallOptions,
  type CredentialReport,
  type CredentialStatus,
  type Hint,
} from '@mallkit/core';
import { ORDERS_V0_READ_REMOVAL_DATE } from '../endpoints.js';
import { AMAZON_HINTS } from '../errors.js';
import type { OperationContext } from './context.js';

const DAY = 86_400_000;
/** Public apps must be re-authorized by the seller every 365 days (developer-docs "Renew authorizations"). */
const AUTHORIZATION_DAYS = 365;
/** The LWA client secret must be rotated every 180 days ("Rotating your app's LWA credentials"). */
const SECRET_DAYS = 180;

/** `value` + `days`; a date without a time or offset (`2026-04-01`) is read as JST, as a shop writes it. */
function plusDays(value: Date | string | undefined, days: number): Date | null {
  if (value === undefined) return null;
  return new Date(toEpochJst(value) + days * DAY);
}

/**
 * checkCredentials: a live LWA refresh (it proves client id, client secret and refresh token
 * together) plus the two expiries no API returns, computed from the dates the user supplies.
 */
export async function checkCredentials(ctx: OperationContext, warningDays: number, call: CallOptions = {}): Promise<CredentialReport> {
  const now = ctx.client.clock.now();
  let rejected: CredentialError | null = null;
  try {
    await ctx.client.auth.refreshNow(call.signal);
  } catch (error) {
    if (!CredentialError.isInstance(error)) throw error;
    rejected = error;
  }
  const { options } = ctx;
  const failed = (name: string): boolean => rejected?.credential === name;
  const notTracked = (option: string): Hint[] => [
    {
      ja: `Amazonは有効期限をAPIで返しません。${option} を指定すると期限と残り日数を追跡できます。`,
      en: `Amazon returns no expiry through its API: pass ${option} to track the deadline and days left.`,
    },
  ];

  const authorizationExpiry = plusDays(options.authorizedAt, AUTHORIZATION_DAYS);
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

  const secretExpiry = plusDays(options.clientSecretRotatedAt, SECRET_DAYS);
  const clientSecret = describeCredential({
    name: 'clientSecret',
    label: { ja: 'LWAクライアントシークレット（180日ごとにローテーション）', en: 'LWA client secret (rotated every 180 days)' },
    expiresAt: secretExpiry,
    source: secretExpiry ? 'tracked' : 'live_check',
    now,
    warningDays,
    renew: AMAZON_HINTS.rotateSecret,
    ...(failed('clientSecret') || failed('clientId') ? { state: 'invalid' as const } : {}),
    notes: secretExpiry ? [] : notTracked('clientSecretRotatedAt'),
  });

  const credentials: CredentialStatus[] = [refreshToken, clientSecret];
  if (ctx.ordersApi === 'v0') {
    credentials.push(
      describeCredential({
        name: 'ordersApiV0',
        label: { ja: 'Orders API v0（注文の読み取り、廃止予定）', en: 'Orders API v0 (order reads, deprecated)' },
        expiresAt: new Date(`${ORDERS_V0_READ_REMOVAL_DATE}T00:00:00+09:00`),
        source: 'api',
        now,
        warningDays: Math.max(warningDays, 90),
        renew: {
          ja: 'ordersApi オプションを外して Orders API v2026-01-01 に移行してください。',
          en: 'Drop the ordersApi option to move to Orders API v2026-01-01.',
        },
      }),
    );
  }
  return {
    mall: 'amazon',
    shopId: ctx.shopId,
    checkedAt: formatJst(now, 'iso'),
    ok: credentials.every((c) => c.state === 'valid' || c.state === 'unknown'),
    credentials,
  };
}

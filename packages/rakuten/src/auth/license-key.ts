import {
  credentialReport,
  CredentialError,
  describeCredential,
  MallkitError,
  parseJst,
  type CallOptions,
  type Clock,
  type CredentialReport,
  type CredentialStatus,
  type Hint,
} from '@mallkit/core';
import type { RakutenClient } from '../client.js';
import { EXPIRING_LICENSE_KEY_HINT, RENEW_LICENSE_KEY_HINT } from '../errors.js';

const LICENSE_KEY_LABEL: Hint = { ja: 'ライセンスキー (licenseKey)', en: 'license key (licenseKey)' };
const SERVICE_SECRET_LABEL: Hint = { ja: 'サービスシークレット (serviceSecret)', en: 'service secret (serviceSecret)' };

/** What checkCredentials needs from the connector. */
export interface CheckCredentialsContext {
  /** The raw client, for the License Management API. */
  readonly client: RakutenClient;
  /** The connector's clock: days left are counted from its now. */
  readonly clock: Clock;
  /** The shop the report is about. */
  readonly shopId: string;
  /** A key expiring within this many days is `expiring`. */
  readonly warningDays: number;
}

async function licenseKeyStatus(ctx: CheckCredentialsContext, call: CallOptions): Promise<CredentialStatus> {
  const now = ctx.clock.now();
  const common = { name: 'licenseKey', label: LICENSE_KEY_LABEL, now, warningDays: ctx.warningDays } as const;
  try {
    const { expiryDate } = await ctx.client.getLicenseExpiryDate(call);
    // The value carries no offset; it is JST, which is what parseJst assumes for a bare time.
    const status = describeCredential({ ...common, expiresAt: parseJst(expiryDate), source: 'api', renew: RENEW_LICENSE_KEY_HINT });
    return status.state === 'expiring' ? { ...status, renew: EXPIRING_LICENSE_KEY_HINT } : status;
  } catch (error) {
    if (CredentialError.isInstance(error)) {
      // The expiry endpoint itself answers 401 once the key has expired (or was re-issued or mistyped).
      return describeCredential({
        ...common,
        expiresAt: null,
        source: 'live_check',
        state: 'invalid',
        renew: RENEW_LICENSE_KEY_HINT,
        notes: [{ ja: 'ライセンス管理APIが認証エラー (401) を返しました。期限切れ・再発行済み・入力ミスのいずれかです。', en: 'The License Management API answered 401: the key expired, was re-issued, or is mistyped.' }],
      });
    }
    if (MallkitError.isInstance(error)) {
      return describeCredential({
        ...common,
        expiresAt: null,
        source: 'none',
        state: 'unknown',
        renew: RENEW_LICENSE_KEY_HINT,
        notes: [error.hint ?? { ja: `有効期限を確認できませんでした: ${error.message}`, en: `Could not read the expiry: ${error.message}` }],
      });
    }
    throw error;
  }
}

/**
 * checkCredentials: the licenseKey's expiry from the License Management API (days left, expiring
 * within `warningDays`), and the serviceSecret, which does not expire.
 */
export async function checkCredentials(ctx: CheckCredentialsContext, call: CallOptions): Promise<CredentialReport> {
  const licenseKey = await licenseKeyStatus(ctx, call);
  const serviceSecret = describeCredential({
    name: 'serviceSecret',
    label: SERVICE_SECRET_LABEL,
    expiresAt: null,
    source: 'never_expires',
    now: ctx.clock.now(),
    warningDays: ctx.warningDays,
    renew: { ja: 'サービスシークレットは更新不要です。', en: 'The service secret does not need renewing.' },
  });
  return credentialReport('rakuten', ctx.shopId, ctx.clock.now(), [licenseKey, serviceSecret]);
}

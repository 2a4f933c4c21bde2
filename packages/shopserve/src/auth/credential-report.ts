import { credentialReport, describeCredential, type CredentialReport, type Hint, type LiveCheck } from '@mallkit/core';
import { RENEW_MANAGER_KEY } from '../errors.js';
import { INCIDENT_DISCLOSED_ON } from '../options.js';

/** The advice on the key after Eストアー's 2026 intrusion, unless the key was issued after its disclosure. */
function keyAdvice(issuedOn: string | null): Hint[] {
  if (issuedOn !== null && issuedOn >= INCIDENT_DISCLOSED_ON) return [];
  return [
    {
      ja: 'Eストアーは2026年8月、ショップサーブへの不正アクセス（2026年5月21日〜8月1日）で店舗管理画面のID・パスワードなどが漏えいしたと公表しました。それ以前に発行したマネージャー認証キーは、管理画面「サーバー → ショップサーブAPI」で再発行し、managerKey と managerKeyIssuedOn を更新してください。',
      en: 'In August 2026 Eストアー disclosed an intrusion into Shopserve (21 May – 1 August 2026) that leaked shop admin IDs and passwords. Re-issue a manager key issued before then (admin screen: サーバー → ショップサーブAPI) and update managerKey and managerKeyIssuedOn.',
    },
  ];
}

/** What the report is made from: the live probe's outcome and what the user told about the key. */
export interface ManagerKeyCheck {
  /** The shop's name in the report. */
  readonly shopId: string;
  /** When the check ran (epoch ms). */
  readonly now: number;
  /**
   * What the live probe showed: valid, invalid (Shopserve refused the key), or unknown (the API was
   * closed or failed), with the failure's hint as a note.
   */
  readonly live: LiveCheck;
  /** When the key was issued, `YYYY-MM-DD`, or null. */
  readonly issuedOn: string | null;
  /** Days before expiry counted as expiring (the key never expires; kept for the report's shape). */
  readonly warningDays: number;
}

/**
 * The credential report of a Shopserve shop: one manager key that never expires, checked live. A
 * probe that could not tell (maintenance, an outage) gives state `unknown` with its reason as a
 * note, not an error: the report is what a monitoring job stores.
 */
export function managerKeyReport(check: ManagerKeyCheck): CredentialReport {
  const managerKey = describeCredential({
    name: 'managerKey',
    label: { ja: 'マネージャー認証キー', en: 'Manager key (マネージャー認証キー)' },
    expiresAt: null,
    source: 'live_check',
    now: check.now,
    warningDays: check.warningDays,
    renew: RENEW_MANAGER_KEY,
    notes: [...(check.live.note && check.live.state === 'unknown' ? [check.live.note] : []), ...keyAdvice(check.issuedOn)],
    ...(check.live.state === 'valid' ? {} : { state: check.live.state }),
  });
  return credentialReport('shopserve', check.shopId, check.now, [managerKey]);
}

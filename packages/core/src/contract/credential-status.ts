import type { Hint } from '../errors/hint.js';
import { formatJst, daysBetween } from '../time/jst.js';
import type { MallId } from '../model/mall-id.js';
import type { CredentialReport, CredentialSource, CredentialState, CredentialStatus } from './results.js';

/** Input of describeCredential. */
export interface DescribeCredentialInput {
  readonly name: string;
  readonly label: Hint;
  /** Expiry instant, or null when it does not expire or is unknown. */
  readonly expiresAt: Date | null;
  readonly source: CredentialSource;
  readonly now: number;
  /** Days before expiry from which the state is `expiring`. */
  readonly warningDays: number;
  /** What to do to renew, shown when expiring, expired or invalid. */
  readonly renew: Hint;
  /** Forces the state, e.g. `invalid` after the mall rejected it. */
  readonly state?: CredentialState;
  readonly notes?: readonly Hint[];
}

/** Builds one CredentialStatus: days left, state from the warning threshold, renewal hint when needed. */
export function describeCredential(input: DescribeCredentialInput): CredentialStatus {
  const daysLeft = input.expiresAt ? daysBetween(input.now, input.expiresAt) : null;
  const state: CredentialState =
    input.state ??
    (input.expiresAt === null
      ? input.source === 'never_expires' || input.source === 'live_check'
        ? 'valid'
        : 'unknown'
      : input.expiresAt.getTime() <= input.now
        ? 'expired'
        : daysLeft !== null && daysLeft < input.warningDays
          ? 'expiring'
          : 'valid');
  return {
    name: input.name,
    label: input.label,
    state,
    expiresAt: input.expiresAt ? formatJst(input.expiresAt, 'iso') : null,
    daysLeft,
    source: input.source,
    renew: state === 'valid' ? null : input.renew,
    notes: input.notes ?? [],
  };
}

/**
 * The report checkCredentials returns: the credentials' statuses, `ok` when none is expired,
 * invalid or expiring, and the time of the check in JST.
 */
export function credentialReport(mall: MallId, shopId: string, now: number, credentials: readonly CredentialStatus[]): CredentialReport {
  return {
    mall,
    shopId,
    checkedAt: formatJst(now, 'iso'),
    ok: credentials.every((credential) => credential.state === 'valid' || credential.state === 'unknown'),
    credentials,
  };
}

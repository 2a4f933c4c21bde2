import type { Hint } from '../errors/hint.js';
import { CredentialError, PermissionError } from '../errors/classes.js';
import { MallkitError } from '../errors/mallkit-error.js';
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

/** What a live call said about the credentials. */
export interface LiveCheck {
  /** `valid`: the call went through; `invalid`: the mall refused the credentials; `unknown`: the call failed otherwise. */
  readonly state: 'valid' | 'invalid' | 'unknown';
  /** What the failure said (the error's hint, or its message), for the report's notes. */
  readonly note: Hint | null;
}

/**
 * Makes one cheap call with the credentials and says what it showed: the credentials work, the mall
 * refused them (CredentialError or PermissionError: revoked, expired, IP not allowed), or the
 * check could not tell (maintenance, an outage). Errors that are not mallkit's are thrown.
 */
export async function liveCheck(probe: () => Promise<unknown>): Promise<LiveCheck> {
  try {
    await probe();
    return { state: 'valid', note: null };
  } catch (error) {
    if (!MallkitError.isInstance(error)) throw error;
    const refused = CredentialError.isInstance(error) || PermissionError.isInstance(error);
    return {
      state: refused ? 'invalid' : 'unknown',
      note: error.hint ?? { ja: `確認できませんでした: ${error.message}`, en: `Could not check: ${error.message}` },
    };
  }
}

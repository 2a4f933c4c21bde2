import type { MallkitError } from '../errors/mallkit-error.js';
import type { Hint } from '../errors/hint.js';
import type { MallId } from '../model/mall-id.js';

/** The outcome for one order of a batch write. */
export type BatchItemResult =
  | {
      readonly id: string;
      readonly ok: true;
      /** The mall already had this state (confirmed, shipped): nothing changed, nothing to do. */
      readonly alreadyDone: boolean;
      /** Non-fatal notes the mall returned with the success. */
      readonly warnings: readonly string[];
    }
  | { readonly id: string; readonly ok: false; readonly error: MallkitError };

/** Per-order results of confirmOrders or exportShipments, in input order. One bad order never hides the others. */
export interface BatchResult {
  readonly results: readonly BatchItemResult[];
  readonly succeeded: number;
  readonly alreadyDone: number;
  readonly failed: number;
}

/** Builds a BatchResult with its counters from per-order results. */
export function toBatchResult(results: readonly BatchItemResult[]): BatchResult {
  let succeeded = 0;
  let alreadyDone = 0;
  let failed = 0;
  for (const result of results) {
    if (!result.ok) failed += 1;
    else if (result.alreadyDone) alreadyDone += 1;
    else succeeded += 1;
  }
  return { results, succeeded, alreadyDone, failed };
}

/** The state of one credential. */
export type CredentialState = 'valid' | 'expiring' | 'expired' | 'invalid' | 'unknown';

/** How a credential's expiry was learned. */
export type CredentialSource =
  /** The mall's API said so (Rakuten's license expiry endpoint). */
  | 'api'
  /** A live call succeeded or failed with it just now. */
  | 'live_check'
  /** Computed from a date the user supplied (Amazon authorizedAt + 365 days). */
  | 'tracked'
  /** The credential does not expire. */
  | 'never_expires'
  /** Nothing tells. */
  | 'none';

/** One credential in a CredentialReport. */
export interface CredentialStatus {
  /** The option name of the credential: `licenseKey`, `refreshToken`, `publicKey`… */
  readonly name: string;
  readonly label: Hint;
  readonly state: CredentialState;
  /** ISO 8601 with offset, or null when it does not expire or nobody knows. */
  readonly expiresAt: string | null;
  /** Whole days left until expiresAt (negative once expired), or null. */
  readonly daysLeft: number | null;
  readonly source: CredentialSource;
  /** What to do, and where, to renew it; null when nothing is needed. */
  readonly renew: Hint | null;
  /** Anything else the shop should know (e.g. "session drops to 12 h without a public key"). */
  readonly notes: readonly Hint[];
}

/** What checkCredentials returns: every credential of the connector with its state. */
export interface CredentialReport {
  readonly mall: MallId;
  readonly shopId: string;
  readonly checkedAt: string;
  /** True when no credential is expired, invalid or expiring. */
  readonly ok: boolean;
  readonly credentials: readonly CredentialStatus[];
}

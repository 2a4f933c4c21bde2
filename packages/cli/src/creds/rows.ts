import { CredentialError, MallkitError, type CredentialReport, type CredentialSource, type CredentialState, type Hint, type MallId } from '@mallkit/core';
import { CliError } from '../cli-error.js';

/** A credential row's state: the report's, or `error` when the shop could not be checked at all. */
export type RowState = CredentialState | 'error';

/** One line of `mallkit creds`: one credential of one shop, or one shop that could not be checked. */
export interface CredentialRow {
  readonly shop: string;
  readonly mall: MallId;
  /** The credential's option name (`licenseKey`); null when the shop could not be checked. */
  readonly credential: string | null;
  readonly label: Hint | null;
  readonly state: RowState;
  /** ISO 8601 with offset, or null when it does not expire or nobody knows. */
  readonly expiresAt: string | null;
  readonly daysLeft: number | null;
  readonly source: CredentialSource | null;
  /** What to do, in both languages; null when nothing is needed. */
  readonly renew: Hint | null;
  readonly notes: readonly Hint[];
  /** Why the shop could not be checked (no secret in it). */
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The rows of one shop's report. */
export function rowsOfReport(shop: string, report: CredentialReport): CredentialRow[] {
  return report.credentials.map((credential) => ({
    shop,
    mall: report.mall,
    credential: credential.name,
    label: credential.label,
    state: credential.state,
    expiresAt: credential.expiresAt,
    daysLeft: credential.daysLeft,
    source: credential.source,
    renew: credential.renew,
    notes: credential.notes,
    error: null,
  }));
}

/**
 * The row of a shop whose check failed. A credential the mall refused is that credential, `invalid`,
 * with the mall's hint; anything else (a missing secret, the network, maintenance) is `error`.
 */
export function rowOfFailure(shop: string, mall: MallId, error: unknown): CredentialRow {
  const base = { shop, mall, expiresAt: null, daysLeft: null, source: null, notes: [] };
  if (CredentialError.isInstance(error)) {
    return { ...base, credential: error.credential, label: null, state: 'invalid', renew: error.hint, error: { code: error.code, message: error.message } };
  }
  if (MallkitError.isInstance(error)) return { ...base, credential: null, label: null, state: 'error', renew: error.hint, error: { code: error.code, message: error.message } };
  if (error instanceof CliError) return { ...base, credential: null, label: null, state: 'error', renew: error.text, error: { code: 'config', message: error.text.en } };
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, credential: null, label: null, state: 'error', renew: null, error: { code: 'unexpected', message } };
}

const RANK: Readonly<Record<RowState, number>> = { expired: 0, invalid: 0, error: 0, expiring: 1, unknown: 2, valid: 3 };

/** Most urgent first: expired, invalid or unchecked; then expiring; unknown; valid — each by days left (unknown days last), then shop and name. */
export function byUrgency(a: CredentialRow, b: CredentialRow): number {
  return (
    RANK[a.state] - RANK[b.state] ||
    (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
    a.shop.localeCompare(b.shop) ||
    (a.credential ?? '').localeCompare(b.credential ?? '')
  );
}

/** True when a person must act: expired, expiring, invalid, or the shop could not be checked. */
export function needsAction(row: CredentialRow): boolean {
  return RANK[row.state] <= 1;
}

import { z } from 'zod';
import { claimRowSchema, type Qoo10ClaimRow } from '../api/claim-info.js';
import { shippingRowSchema, type Qoo10ShippingRow } from '../api/shipping-info.js';
import { shippingStatusCode } from './status.js';

/**
 * One Qoo10 order as mallkit reads it: a cart (PackNo, what the buyer bought in one checkout and
 * what QSM and integrators show as カート番号) with its lines (OrderNo, one per item; Qoo10's
 * writes are per line). `lines` are GetShippingInfo_v3 rows; `claims` are GetClaimInfo_V3 rows for
 * lines under a claim, the only place cancelled lines still appear.
 */
export interface Qoo10Pack {
  /** The cart number, as a string (it arrives as a JSON number). */
  readonly packNo: string;
  readonly lines: readonly Qoo10ShippingRow[];
  readonly claims: readonly Qoo10ClaimRow[];
}

/** A cart as grouped from an answer, before its rows are checked. */
export interface WirePack {
  readonly packNo: string | null;
  readonly lines: unknown[];
  readonly claims: unknown[];
}

/** The wire shape of one cart: each row checked against its method's schema. */
export const packSchema: z.ZodType<Qoo10Pack> = z
  .object({ packNo: z.string().min(1), lines: z.array(shippingRowSchema), claims: z.array(claimRowSchema) })
  .refine((pack) => pack.lines.length + pack.claims.length > 0, { message: 'a cart without lines' });

function field(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;
}

/** A row's id field as a string, or null when absent (read before validation, to name bad rows). */
export function idField(row: unknown, name: string): string | null {
  const value = field(row, name);
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null;
}

/** The PackNo of a grouped cart, or null (for the order reader's `idOf`). */
export function packNoOf(wire: unknown): string | null {
  const packNo = field(wire, 'packNo');
  return typeof packNo === 'string' ? packNo : null;
}

/** The shipping-status code of an unchecked row, for choosing between two copies of a line. */
function rowProgress(row: unknown): number {
  const status = field(row, 'ShippingStatus');
  return typeof status === 'string' || typeof status === 'number' ? (shippingStatusCode(String(status)) ?? 0) : 0;
}

/**
 * A row with the conversions its schema's transforms would make already made: ids and statuses
 * sent as numbers become their decimal text, a quantity sent as digits becomes a number, exactly as
 * wireId, ShippingStatus and OrderQty (claimStatus for claims) convert them. The schema then finds
 * nothing to change and the row passes without zod copying it (issue 15, decision 0321); a row
 * with any other value is left as it is, for the schema to judge. Copied only when a field changes.
 */
function asSchemaReads(row: unknown, asText: readonly string[], asCount: string | null): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const fields = row as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const name of asText) {
    const value = fields[name];
    // Finite only: zod's z.number() refuses NaN and Infinity, which must stay refused.
    if (typeof value === 'number' && Number.isFinite(value)) (copy ??= { ...fields })[name] = String(value);
  }
  if (asCount !== null) {
    const value = fields[asCount];
    if (typeof value === 'string' && /^\d+$/.test(value)) (copy ??= { ...fields })[asCount] = Number(value);
  }
  return copy ?? row;
}

const LINE_TEXT_FIELDS = ['PackNo', 'OrderNo', 'ShippingStatus', 'ItemNo'] as const;
const CLAIM_TEXT_FIELDS = ['packNo', 'orderNo', 'claimStatus'] as const;

/** OrderNos in number order (they are digits of any length); keys of rows without one last, as they came. */
function byOrderNo(a: string, b: string): number {
  const aNumber = /^\d+$/.test(a);
  const bNumber = /^\d+$/.test(b);
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  return aNumber ? a.length - b.length || (a < b ? -1 : a > b ? 1 : 0) : 0;
}

/** A map's values in OrderNo order. */
function inOrderNoOrder(rows: ReadonlyMap<string, unknown>): unknown[] {
  return [...rows].sort(([a], [b]) => byOrderNo(a, b)).map(([, row]) => row);
}

/**
 * Groups the rows of one window's answers into carts. A line seen in two status answers (it moved
 * between the two requests) keeps its more advanced copy; a row without PackNo becomes a cart of
 * its own without id, so that the reader reports it instead of merging it into another. Lines and
 * claims are put in OrderNo order, so that a cart reads the same whichever searches found its rows
 * and in whatever order Qoo10 sent them (an incremental sync compares what it reads).
 */
export function groupIntoPacks(lines: readonly unknown[], claims: readonly unknown[]): WirePack[] {
  const packs = new Map<string, { packNo: string | null; lines: Map<string, unknown>; claims: Map<string, unknown> }>();
  let orphans = 0;
  const packFor = (packNo: string | null) => {
    const key = packNo ?? `\u0000orphan${(orphans += 1)}`;
    let pack = packs.get(key);
    if (!pack) {
      pack = { packNo, lines: new Map(), claims: new Map() };
      packs.set(key, pack);
    }
    return pack;
  };
  lines.forEach((row, index) => {
    const pack = packFor(idField(row, 'PackNo'));
    const orderNo = idField(row, 'OrderNo') ?? `\u0000row${index}`;
    const seen = pack.lines.get(orderNo);
    if (seen === undefined || rowProgress(row) > rowProgress(seen)) pack.lines.set(orderNo, row);
  });
  claims.forEach((row, index) => {
    const pack = packFor(idField(row, 'packNo'));
    pack.claims.set(idField(row, 'orderNo') ?? `\u0000claim${index}`, row);
  });
  return [...packs.values()].map((pack) => ({
    packNo: pack.packNo,
    lines: inOrderNoOrder(pack.lines).map((row) => asSchemaReads(row, LINE_TEXT_FIELDS, 'OrderQty')),
    claims: inOrderNoOrder(pack.claims).map((row) => asSchemaReads(row, CLAIM_TEXT_FIELDS, null)),
  }));
}

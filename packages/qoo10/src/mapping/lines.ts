import type { Qoo10ClaimRow } from '../api/claim-info.js';
import type { Qoo10ShippingRow } from '../api/shipping-info.js';
import type { Qoo10Pack } from './pack.js';
import { lineStatus, type LineStatus } from './status.js';

/** One line (OrderNo) of a cart with its claim, as the mapping and the write decisions see it. */
export interface Line {
  readonly orderNo: string;
  /** Its GetShippingInfo_v3 row; null for a line seen only through a claim (cancelled lines leave the lists). */
  readonly row: Qoo10ShippingRow | null;
  readonly claim: Qoo10ClaimRow | null;
  readonly status: LineStatus;
}

/** Every line of the cart: the GetShippingInfo_v3 rows, then the lines seen only through a claim. */
export function linesOf(pack: Qoo10Pack): Line[] {
  const claims = new Map(pack.claims.map((claim) => [claim.orderNo, claim]));
  const lines: Line[] = pack.lines.map((row) => {
    const claim = claims.get(row.OrderNo) ?? null;
    return { orderNo: row.OrderNo, row, claim, status: lineStatus(row.ShippingStatus, claim?.claimStatus ?? null) };
  });
  const seen = new Set(lines.map((line) => line.orderNo));
  for (const claim of pack.claims) {
    if (!seen.has(claim.orderNo)) lines.push({ orderNo: claim.orderNo, row: null, claim, status: lineStatus(null, claim.claimStatus) });
  }
  return lines;
}

/** True for a line whose cancellation (or return, or full refund) is finished: it no longer counts. */
export function isCancelled(line: Line): boolean {
  return line.status.code === 'cancelled';
}

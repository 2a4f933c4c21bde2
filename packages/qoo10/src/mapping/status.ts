import type { OrderStatus, ParsedOrderQuery } from '@mallkit/core';
import type { ShippingStatusCode } from '../api/shipping-info.js';

/**
 * ShippingStatus 1..5 as the official method page defines it (passoffer GetShippingInfo_v3.md;
 * two public clients map it differently and wrongly): 1 配送待ち (not paid yet), 2 配送要請 (paid,
 * awaiting the shop's confirmation), 3 配送準備 (confirmed), 4 配送中, 5 配送完了.
 */
export const SHIPPING_STATUS: Readonly<Record<ShippingStatusCode, OrderStatus>> = {
  1: 'awaiting_payment',
  2: 'pending_confirmation',
  3: 'confirmed',
  4: 'shipped',
  5: 'delivered',
};

/**
 * Reads a ShippingStatus as Qoo10 sends it: live answers carry a label with the code in
 * parentheses at the end (`Awaiting shipping(1)`, `On request(2)`, `Delivere(5)` sic), the method
 * table a bare code. Returns null for anything else (`Cancel(6)`, `配送要請`, `(2) On request`): a
 * value never seen is not guessed.
 */
export function shippingStatusCode(raw: string): ShippingStatusCode | null {
  const match = /^\s*(\d)\s*$/.exec(raw) ?? /\(\s*(\d)\s*\)\s*$/.exec(raw);
  const code = match ? Number(match[1]) : NaN;
  return code >= 1 && code <= 5 ? (code as ShippingStatusCode) : null;
}

/** What a claim does to its line. */
export type ClaimEffect = 'cancel_requested' | 'cancelled' | 'none';

/**
 * claimStatus codes (passoffer GetClaimInfo_V3.md): 1 取消要請, 2 取消中, 3 取消完了, 4 返品要請,
 * 5 返品中, 6 返品完了, 11 交換申請, 12 交換承認, 13 再配送中, 14 未受取返金完了, 15 未受取部分返金完了,
 * 16 未納注文キャンセル. Cancellations and returns under way are `cancel_requested`; done ones and
 * full refunds are `cancelled`; exchanges and partial refunds leave the line's status as it is.
 */
export const CLAIM_EFFECT: Readonly<Record<string, ClaimEffect>> = {
  '1': 'cancel_requested',
  '2': 'cancel_requested',
  '3': 'cancelled',
  '4': 'cancel_requested',
  '5': 'cancel_requested',
  '6': 'cancelled',
  '11': 'none',
  '12': 'none',
  '13': 'none',
  '14': 'cancelled',
  '15': 'none',
  '16': 'cancelled',
};

/** A line's normalized status, or `unmapped` with what could not be read (`raw`). */
export type LineStatus = { readonly code: OrderStatus } | { readonly code: 'unmapped'; readonly raw: string };

/**
 * The status of one line from its shipping row's ShippingStatus (null when the line has no row) and
 * its claim's code, if any. A claim code not in the table, a ShippingStatus that cannot be read, or a
 * line seen only through an exchange or partial-refund claim (its shipping state unknown) is
 * `unmapped`: the caller warns and never acts on it.
 */
export function lineStatus(shippingRaw: string | null, claimStatus: string | null): LineStatus {
  if (claimStatus !== null) {
    const effect = CLAIM_EFFECT[claimStatus];
    if (effect === undefined) return { code: 'unmapped', raw: `claimStatus ${claimStatus}` };
    if (effect !== 'none') return { code: effect };
  }
  if (shippingRaw === null) return { code: 'unmapped', raw: `claimStatus ${claimStatus ?? ''}`.trim() };
  const code = shippingStatusCode(shippingRaw);
  return code === null ? { code: 'unmapped', raw: shippingRaw } : { code: SHIPPING_STATUS[code] };
}

/** The order in which a cart is "behind": a cart is as far as its least advanced live line. */
const PROGRESS: readonly OrderStatus[] = ['awaiting_payment', 'pending_confirmation', 'confirmed', 'shipped', 'delivered'];

/**
 * The status of a cart from its lines: cancelled when every line is; `unmapped` when a live line's
 * status could not be read; cancel_requested when any live line has a cancellation or return under
 * way; else its least advanced line's status, so that a cart with one line still awaiting
 * confirmation is pending_confirmation.
 */
export function packStatus(lines: readonly LineStatus[]): OrderStatus | 'unmapped' {
  const live: ReadonlyArray<OrderStatus | 'unmapped'> = lines.map((line) => line.code).filter((code) => code !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.includes('unmapped')) return 'unmapped';
  if (live.includes('cancel_requested')) return 'cancel_requested';
  return PROGRESS.find((status) => live.includes(status)) ?? 'unmapped';
}

/** The statuses a Qoo10 order can have in mallkit's model. */
export const QOO10_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>([...Object.values(SHIPPING_STATUS), 'cancel_requested', 'cancelled']);

/**
 * Whether a listing can match anything: a status filter naming only statuses Qoo10 does not have
 * (completed, on_hold…) needs no request. Otherwise every ShippingStatus and the claims are searched,
 * because a cart's lines may sit in different statuses and the cart must be read whole.
 */
export function queryCanMatch(query: ParsedOrderQuery): boolean {
  return query.statuses === undefined || query.statuses.some((status) => QOO10_ORDER_STATUSES.has(status));
}

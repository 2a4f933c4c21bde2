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
 * parentheses (`Awaiting shipping(1)`, `On request(2)`, `Delivere(5)` sic), the method table a bare
 * code. Returns null for anything else.
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

/** The order in which a cart is "behind": a cart is as far as its least advanced live line. */
const PROGRESS: readonly OrderStatus[] = ['awaiting_payment', 'pending_confirmation', 'confirmed', 'shipped', 'delivered', 'on_hold'];

/** The normalized status of one line from its shipping status and its claim, if any. */
export function lineStatus(shipping: ShippingStatusCode | null, claimStatus: string | null): OrderStatus {
  const effect = claimStatus === null ? 'none' : (CLAIM_EFFECT[claimStatus] ?? 'none');
  if (effect !== 'none') return effect;
  // A line seen only through an exchange or partial-refund claim: its shipping state is unknown.
  return shipping === null ? 'on_hold' : SHIPPING_STATUS[shipping];
}

/**
 * The status of a cart from its lines: cancelled when every line is; cancel_requested when any
 * line has a cancellation or return under way; else its least advanced line's status, so that a
 * cart with one line still awaiting confirmation is pending_confirmation.
 */
export function packStatus(lines: readonly OrderStatus[]): OrderStatus {
  const live: readonly OrderStatus[] = lines.filter((status) => status !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.includes('cancel_requested')) return 'cancel_requested';
  return PROGRESS.find((status) => live.includes(status)) ?? 'on_hold';
}

/** The statuses a Qoo10 order can have in mallkit's model. */
export const QOO10_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  ...Object.values(SHIPPING_STATUS),
  'cancel_requested',
  'cancelled',
  'on_hold',
]);

/**
 * Whether a listing can match anything: a status filter naming only statuses Qoo10 does not have
 * (completed) needs no request. Otherwise every ShippingStatus and the claims are searched, because a
 * cart's lines may sit in different statuses and the cart must be read whole.
 */
export function queryCanMatch(query: ParsedOrderQuery): boolean {
  return query.statuses === undefined || query.statuses.some((status) => QOO10_ORDER_STATUSES.has(status));
}

import type { MappedOrderStatus, OrderStatus, PaymentMethodCode } from '@mallkit/core';
import type { ShopserveBasic } from '../api/order-record.js';
import type { ShopserveWireValues } from '../api/wire-profile.js';

/*
 * Shopserve keeps separate, independent axes (help.shopserve.jp 受注台帳): 確認ステータス
 * 未確認/確認済, 入金ステータス 未入金/入金済, 発送ステータス 未発送/発送済, 決済ステータス, an order
 * status that reaches 完了, and cancellation (the order moves to 受注キャンセルフォルダ). The
 * normalized status is derived from them in a fixed order, and every axis stays in `status.raw`
 * and in `order.raw.basic`. The API's spellings are UNVERIFIED: the profile's spelling, the English
 * PascalCase default and the Japanese label are all recognised.
 */

/** The axes as booleans; `null` for a value no spelling matched (or a 確認/発送 status that was not sent). */
export interface StatusAxes {
  /** Moved to the cancel folder. */
  readonly cancelled: boolean | null;
  /** 確認ステータス 確認済. */
  readonly confirmed: boolean | null;
  /** 入金ステータス 入金済. */
  readonly deposited: boolean | null;
  /** 発送ステータス 発送済. */
  readonly shipped: boolean | null;
  /** 注文ステータス 完了. */
  readonly completed: boolean;
}

/** Payment methods paid before shipping: an unpaid order in one of them is awaiting payment. */
export const PREPAID_METHODS: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

const key = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** true / false when `value` is one of the spellings, null when it is none of them; `absent` when it was not sent. */
function reading(value: string | null, yes: readonly string[], no: readonly string[], absent: boolean | null = false): boolean | null {
  if (value === null || value.trim() === '') return absent;
  const wanted = key(value);
  if (yes.some((spelling) => key(spelling) === wanted)) return true;
  if (no.some((spelling) => key(spelling) === wanted)) return false;
  return null;
}

/** Reads the axes of an order's basic block. */
export function statusAxesOf(basic: ShopserveBasic, values: ShopserveWireValues): StatusAxes {
  return {
    cancelled: reading(basic.cancelled, [values.yes, 'Yes', 'true', '1', 'キャンセル'], [values.no, 'No', 'false', '0']),
    // 確認 and 発送 are on every order: when they are missing the field names differ (see `wire`), and guessing would hide it.
    confirmed: reading(basic.confirmation_status, [values.confirmed, 'Confirmed', '確認済', '確認済み'], [values.unconfirmed, 'Unconfirmed', '未確認'], null),
    deposited: reading(basic.deposit_status, [values.deposited, 'Deposited', 'Paid', '入金済', '入金済み'], [values.notDeposited, 'NotDeposited', 'Unpaid', '未入金']),
    shipped: reading(basic.shipping_status, [values.shipped, 'Shipped', '発送済', '発送済み'], [values.notShipped, 'NotShipped', '未発送'], null),
    completed: reading(basic.order_status, [values.completed, 'Completed', '完了'], []) === true,
  };
}

/** Every axis the order carries, as sent, in one string: `cancelled=No; confirmation_status=Confirmed; …`. */
export function rawStatusOf(basic: ShopserveBasic): string {
  const axes = ['cancelled', 'order_status', 'confirmation_status', 'payment_status', 'deposit_status', 'shipping_status'] as const;
  const sent = axes.flatMap((axis) => (basic[axis] === null ? [] : [`${axis}=${basic[axis]}`]));
  return sent.length > 0 ? sent.join('; ') : '(no status fields)';
}

/**
 * The normalized status, decided in this order: cancelled; 完了 → completed; 発送済 → shipped;
 * 未確認 → pending_confirmation; a prepaid method not yet 入金済 → awaiting_payment; else confirmed.
 * An axis value no spelling matches gives `unmapped` (with every axis in `raw`), never a guess.
 */
export function normalizeStatus(basic: ShopserveBasic, payment: PaymentMethodCode | 'unmapped', values: ShopserveWireValues): MappedOrderStatus {
  const raw = rawStatusOf(basic);
  const axes = statusAxesOf(basic, values);
  const prepaid = payment !== 'unmapped' && PREPAID_METHODS.has(payment);
  const unknown = axes.cancelled === null || axes.shipped === null || axes.confirmed === null || (prepaid && axes.deposited === null);
  if (unknown) return { code: 'unmapped', raw };
  const code: OrderStatus = axes.cancelled
    ? 'cancelled'
    : axes.completed
      ? 'completed'
      : axes.shipped
        ? 'shipped'
        : !axes.confirmed
          ? 'pending_confirmation'
          : prepaid && !axes.deposited
            ? 'awaiting_payment'
            : 'confirmed';
  return { code, raw };
}

/** The axes that represent a normalized status on Shopserve (the reverse direction: seeds and status filters). */
export function axesForStatus(status: OrderStatus, paid: boolean): Required<{ [K in keyof StatusAxes]: boolean }> {
  const shipped = status === 'shipped' || status === 'delivered' || status === 'completed';
  return {
    cancelled: status === 'cancelled',
    // Shopserve has no hold and no cancel request: such orders are simply not confirmed / still open.
    confirmed: !(status === 'pending_confirmation' || status === 'on_hold'),
    deposited: paid,
    shipped,
    completed: status === 'completed',
  };
}

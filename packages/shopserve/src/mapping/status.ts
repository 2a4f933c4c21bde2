import type { MappedOrderStatus, OrderStatus, OrderWarning, PaymentMethodCode } from '@mallkit/core';
import type { ShopserveBasic } from '../api/order-record.js';
import { PAYMENT_FAILED_LABELS, PREPAID_METHODS, type ShopserveWireProfile } from '../api/wire-profile.js';

/*
 * Shopserve keeps separate, independent axes (help.shopserve.jp 受注台帳): 確認ステータス
 * 未確認/確認済, 入金ステータス 未入金/入金済, 発送ステータス 未発送/発送済, 決済ステータス, an order
 * status that reaches 完了, and cancellation. The normalized status is derived from them in a fixed
 * order, and every axis stays in `status.raw` and in `order.raw.basic`. The API's spellings are
 * UNVERIFIED: the profile's spelling, the English PascalCase default and the Japanese label are all
 * recognised. A value no spelling matches, or an axis the decision needs that was not sent, gives
 * `unmapped` with a warning naming the axis — never a guess: an unpaid or cancelled order must not
 * come out `confirmed` and be shipped.
 */

/** One axis as read: true / false, `unknown` for a value no spelling matched, `absent` when not sent. */
export type AxisReading = boolean | 'unknown' | 'absent';

/** The axes of an order. */
export interface StatusAxes {
  /** Cancelled (the flag's name is a guess: absent is not "not cancelled"). */
  readonly cancelled: AxisReading;
  /** 確認ステータス 確認済. */
  readonly confirmed: AxisReading;
  /** 入金ステータス 入金済. */
  readonly deposited: AxisReading;
  /** 発送ステータス 発送済. */
  readonly shipped: AxisReading;
  /** 注文ステータス: 完了 (true), one of the profile's open statuses (false), another value, or not sent. */
  readonly completed: AxisReading;
  /** 決済ステータス says the payment failed. */
  readonly paymentFailed: boolean;
}

/** Keys of the axis values met so far: a handful of values (未確認, 確認済…) repeat on every order. */
const keysOfValues = new Map<string, string>();

function key(text: string): string {
  let known = keysOfValues.get(text);
  if (known === undefined) {
    known = text.normalize('NFKC').trim().toLowerCase();
    // Bounded, so that a field carrying free text cannot grow it without end.
    if (keysOfValues.size >= 1024) keysOfValues.clear();
    keysOfValues.set(text, known);
  }
  return known;
}

/** The keys of an axis' spellings meaning yes and no. */
interface AxisSpellings {
  readonly yes: ReadonlySet<string>;
  readonly no: ReadonlySet<string>;
}

function spellings(yes: readonly string[], no: readonly string[]): AxisSpellings {
  return { yes: new Set(yes.map(key)), no: new Set(no.map(key)) };
}

/** Every axis' spellings of one wire profile, as keys. */
type ProfileSpellings = Readonly<Record<'cancelled' | 'confirmed' | 'deposited' | 'shipped' | 'completed' | 'paymentFailed', AxisSpellings>>;

/*
 * A profile's spellings are normalized once, not per order and axis (thirty NFKC calls per order
 * were a visible share of normalizing, issue 15). Keyed by the profile object: a connector resolves
 * its profile once.
 */
const spellingsByProfile = new WeakMap<ShopserveWireProfile, ProfileSpellings>();

function spellingsOf(wire: ShopserveWireProfile): ProfileSpellings {
  const known = spellingsByProfile.get(wire);
  if (known !== undefined) return known;
  const { values } = wire;
  const built: ProfileSpellings = {
    cancelled: spellings([values.yes, 'Yes', 'true', '1', 'キャンセル'], [values.no, 'No', 'false', '0']),
    confirmed: spellings([values.confirmed, 'Confirmed', '確認済', '確認済み'], [values.unconfirmed, 'Unconfirmed', '未確認']),
    deposited: spellings([values.deposited, 'Deposited', 'Paid', '入金済', '入金済み'], [values.notDeposited, 'NotDeposited', 'Unpaid', '未入金']),
    shipped: spellings([values.shipped, 'Shipped', '発送済', '発送済み'], [values.notShipped, 'NotShipped', '未発送']),
    completed: spellings([values.completed, 'Completed', '完了'], wire.openOrderStatuses),
    paymentFailed: spellings([values.paymentFailed, ...PAYMENT_FAILED_LABELS], []),
  };
  spellingsByProfile.set(wire, built);
  return built;
}

function reading(value: string | null, axis: AxisSpellings): AxisReading {
  if (value === null || value.trim() === '') return 'absent';
  const wanted = key(value);
  if (axis.yes.has(wanted)) return true;
  if (axis.no.has(wanted)) return false;
  return 'unknown';
}

/** Reads the axes of an order's basic block, in the profile's spellings and the Japanese labels. */
export function statusAxesOf(basic: ShopserveBasic, wire: ShopserveWireProfile): StatusAxes {
  const axes = spellingsOf(wire);
  return {
    cancelled: reading(basic.cancelled, axes.cancelled),
    confirmed: reading(basic.confirmation_status, axes.confirmed),
    deposited: reading(basic.deposit_status, axes.deposited),
    shipped: reading(basic.shipping_status, axes.shipped),
    completed: reading(basic.order_status, axes.completed),
    paymentFailed: reading(basic.payment_status, axes.paymentFailed) === true,
  };
}

/** Every axis the order carries, as sent, in one string: `cancelled=No; confirmation_status=Confirmed; …`. */
export function rawStatusOf(basic: ShopserveBasic): string {
  const axes = ['cancelled', 'order_status', 'confirmation_status', 'payment_status', 'deposit_status', 'shipping_status'] as const;
  const sent = axes.flatMap((axis) => (basic[axis] === null ? [] : [`${axis}=${basic[axis]}`]));
  return sent.length > 0 ? sent.join('; ') : '(no status fields)';
}

/** The axes' wire fields and their Japanese names, for warnings. */
const AXES = {
  cancelled: { field: 'cancelled', ja: 'キャンセル' },
  confirmed: { field: 'confirmation_status', ja: '確認ステータス' },
  deposited: { field: 'deposit_status', ja: '入金ステータス' },
  shipped: { field: 'shipping_status', ja: '発送ステータス' },
  completed: { field: 'order_status', ja: '注文ステータス' },
} as const;

type Axis = keyof typeof AXES;

function axisWarning(axis: Axis, found: 'unknown' | 'absent', basic: ShopserveBasic): OrderWarning {
  const { field, ja } = AXES[axis];
  const sent = basic[field];
  return found === 'absent'
    ? {
        code: 'missing_field',
        field: `status.raw.${field}`,
        message: {
          ja: `${ja}（${field}）がないため、ステータスを決められません。項目名が違う場合は wire.fieldNames で設定してください。`,
          en: `The order has no ${field}, so its status cannot be decided. If Shopserve names the field otherwise, set wire.fieldNames.`,
        },
        raw: null,
      }
    : {
        code: 'unmapped_value',
        field: `status.raw.${field}`,
        message: {
          ja: `${ja}「${sent}」を解釈できません。wire.values${axis === 'completed' ? ' または wire.openOrderStatuses' : ''} に値を設定してください。`,
          en: `${field} "${sent}" is not a known value; set it in wire.values${axis === 'completed' ? ' or wire.openOrderStatuses' : ''}.`,
        },
        raw: sent,
      };
}

/** What the status needs besides the basic block: the payment method's code (or `unmapped`). */
export interface StatusInput {
  /** The order's basic block, where every axis is. */
  readonly basic: ShopserveBasic;
  /** The payment method's normalized code, `unmapped` when no table knows it. */
  readonly payment: PaymentMethodCode | 'unmapped';
  /** The profile's spellings of the axes' values. */
  readonly wire: ShopserveWireProfile;
}

/**
 * The normalized status, decided in this order: cancelled; 完了 → completed; 発送済 → shipped;
 * 未確認 → pending_confirmation; a failed 決済ステータス → awaiting_payment; a prepaid method not
 * 入金済 → awaiting_payment; else confirmed. An axis a step needs that is unreadable or absent makes
 * the status `unmapped` with a warning (注文ステータス may be absent: only 完了 is known to be sent).
 * A payment method no table maps, on an order not 入金済, is `unmapped` too: it may be a bank
 * transfer the shop named its own way (銀行振込（三菱UFJ銀行）), and `confirmed` would ship it unpaid.
 */
export function normalizeStatus(input: StatusInput, warnings: OrderWarning[]): MappedOrderStatus {
  const { basic } = input;
  const raw = rawStatusOf(basic);
  const axes = statusAxesOf(basic, input.wire);
  const unmapped = (axis: Axis, found: 'unknown' | 'absent'): MappedOrderStatus => {
    warnings.push(axisWarning(axis, found, basic));
    return { code: 'unmapped', raw };
  };
  const decided = (code: OrderStatus): MappedOrderStatus => ({ code, raw });

  if (axes.cancelled === 'unknown' || axes.cancelled === 'absent') return unmapped('cancelled', axes.cancelled);
  if (axes.cancelled) return decided('cancelled');
  if (axes.completed === 'unknown') return unmapped('completed', 'unknown');
  if (axes.completed === true) return decided('completed');
  if (axes.shipped === 'unknown' || axes.shipped === 'absent') return unmapped('shipped', axes.shipped);
  if (axes.shipped) return decided('shipped');
  if (axes.confirmed === 'unknown' || axes.confirmed === 'absent') return unmapped('confirmed', axes.confirmed);
  if (!axes.confirmed) return decided('pending_confirmation');
  if (axes.paymentFailed) return decided('awaiting_payment');
  // An unreadable 入金ステータス is reported even where the status does not need it (getPayments does).
  if (axes.deposited === 'unknown') warnings.push(axisWarning('deposited', 'unknown', basic));
  if (axes.deposited === true) return decided('confirmed');
  if (input.payment === 'unmapped') {
    warnings.push({
      code: 'unmapped_value',
      field: 'status',
      message: {
        ja: '決済方法を変換できず入金済でもないため、入金待ちかどうか判断できません。mappers.paymentMethod に決済方法を追加してください。',
        en: 'The payment method is not mapped and the order is not 入金済, so whether it awaits payment cannot be told; add the method to mappers.paymentMethod.',
      },
      raw: basic.payment_method,
    });
    return { code: 'unmapped', raw };
  }
  if (!PREPAID_METHODS.has(input.payment)) return decided('confirmed');
  // A prepaid order must show 入金済 to ship; an unreadable 入金ステータス cannot show it (warned above).
  if (axes.deposited === 'unknown') return { code: 'unmapped', raw };
  return decided('awaiting_payment');
}

/** The axes that represent a normalized status on Shopserve (the reverse direction: seeds and status filters). */
export function axesForStatus(status: OrderStatus, paid: boolean): Record<Exclude<keyof StatusAxes, 'paymentFailed'>, boolean> {
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

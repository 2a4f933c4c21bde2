import { cleanText, type MappedOrderStatus, type OrderStatus, type OrderWarning } from '@mallkit/core';
import { bool } from './values.js';

/*
 * Yahoo has two statuses per order: OrderStatus (1 予約中, 2 処理中, 3 保留, 4 キャンセル, 5 完了;
 * orderList also writes 0 未入力 and 8 繰上げ同意待ち) and ShipStatus (0 出荷不可, 1 出荷可,
 * 2 出荷処理中, 3 出荷済み, 4 着荷済み); 「新規注文」 is OrderStatus 2 not yet seen (IsSeen=false).
 * The normalized status is read from both; `raw` keeps both as `OrderStatus/ShipStatus`. A pair
 * this table does not know is `unmapped` with an `unmapped_value` warning, never a guessed status.
 */

/** What the status is read from. */
export interface YahooStatusFields {
  readonly OrderStatus?: string | undefined;
  readonly IsSeen?: string | undefined;
  readonly ShipStatus?: string | undefined;
  readonly PayStatus?: string | undefined;
  readonly PayType?: string | undefined;
  readonly FraudHoldStatus?: string | undefined;
}

/** True while the order is held by fraud review (1 ルール保留審査中, 3 ルール悪用確定): only cancellation is allowed. */
export function isFraudHeld(fraudHoldStatus: string | undefined | null): boolean {
  const value = cleanText(fraudHoldStatus);
  return value === '1' || value === '3';
}

/**
 * A seen order by its ShipStatus. 出荷可 and 出荷処理中 are both `ready_to_ship`: the order may
 * leave (Rakuten's 発送待ち is the same state); 出荷不可 waits for payment on a prepaid order, and
 * for something else (a release date, a credit check) otherwise.
 */
function fromShipStatus(ship: string | null, fields: YahooStatusFields): OrderStatus | null {
  switch (ship) {
    case '4':
      return 'delivered';
    case '3':
      return 'shipped';
    case '2':
    case '1':
      return 'ready_to_ship';
    case '0':
      return cleanText(fields.PayType) === '1' && cleanText(fields.PayStatus) !== '1' ? 'awaiting_payment' : 'confirmed';
    default:
      return null;
  }
}

function statusOf(order: string | null, ship: string | null, fields: YahooStatusFields): OrderStatus | null {
  if (isFraudHeld(fields.FraudHoldStatus) && order !== '4') return 'on_hold';
  switch (order) {
    case '1':
    case '2':
      return bool(fields.IsSeen) ? fromShipStatus(ship, fields) : 'pending_confirmation';
    case '3':
      return 'on_hold';
    case '4':
      return 'cancelled';
    case '5':
      return 'completed';
    default:
      return null;
  }
}

/** Maps OrderStatus + IsSeen + ShipStatus (+ the fraud hold); an unknown pair adds an `unmapped_value` warning to `warnings`. */
export function mapOrderStatus(fields: YahooStatusFields, warnings: OrderWarning[]): MappedOrderStatus {
  const order = cleanText(fields.OrderStatus);
  const ship = cleanText(fields.ShipStatus);
  const raw = `${order ?? ''}/${ship ?? ''}`;
  const code = statusOf(order, ship, fields);
  if (code !== null) return { code, raw };
  warnings.push({
    code: 'unmapped_value',
    field: 'status',
    raw,
    message: {
      ja: `注文ステータス/出荷ステータス「${raw}」は変換表にありません。注文管理ツールで状態を確認し、mallkit に報告してください。`,
      en: `The OrderStatus/ShipStatus pair "${raw}" is not in the status table; check the order in Store Creator Pro and report it to mallkit.`,
    },
  });
  return { code: 'unmapped', raw };
}

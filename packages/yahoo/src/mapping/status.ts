import type { MappedOrderStatus, OrderStatus } from '@mallkit/core';
import { bool, str } from './values.js';

/*
 * Yahoo has two statuses per order: OrderStatus (1 予約中, 2 処理中, 3 保留, 4 キャンセル, 5 完了)
 * and ShipStatus (0 出荷不可, 1 出荷可, 2 出荷処理中, 3 出荷済み, 4 着荷済み); 「新規注文」 is
 * OrderStatus 2 not yet seen (IsSeen=false). The normalized status is read from both; `raw`
 * keeps both as `OrderStatus/ShipStatus` so nothing is lost.
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
  const value = str(fraudHoldStatus);
  return value === '1' || value === '3';
}

function fromShipStatus(ship: string | null, fields: YahooStatusFields): OrderStatus {
  switch (ship) {
    case '4':
      return 'delivered';
    case '3':
      return 'shipped';
    case '2':
      return 'ready_to_ship';
    case '0':
      // 出荷不可 on a prepaid order not yet paid is the wait for payment.
      return str(fields.PayType) === '1' && str(fields.PayStatus) !== '1' ? 'awaiting_payment' : 'confirmed';
    default:
      return 'confirmed';
  }
}

/** Maps OrderStatus + IsSeen + ShipStatus (+ the fraud hold) to the normalized status. */
export function mapOrderStatus(fields: YahooStatusFields): MappedOrderStatus {
  const order = str(fields.OrderStatus);
  const ship = str(fields.ShipStatus);
  const raw = `${order ?? ''}/${ship ?? ''}`;
  if (isFraudHeld(fields.FraudHoldStatus) && order !== '4') return { code: 'on_hold', raw };
  switch (order) {
    case '1':
    case '2':
      if (!bool(fields.IsSeen)) return { code: 'pending_confirmation', raw };
      return { code: fromShipStatus(ship, fields), raw };
    case '3':
      return { code: 'on_hold', raw };
    case '4':
      return { code: 'cancelled', raw };
    case '5':
      return { code: 'completed', raw };
    default:
      return { code: 'unmapped', raw };
  }
}

import type { Order } from '@mallkit/core';
import type { Qoo10Pack } from './pack.js';
import { calendarDay } from './values.js';

/** What Qoo10 says about when a line may and should ship: the fields behind its shipping-deadline penalties. */
export interface Qoo10ShippingPlan {
  /** The line (OrderNo). */
  readonly lineId: string;
  /** AvailableSendType: `0` normal, `1` reservation (4 days or more), `2` release date, `3` same day; null when not sent. */
  readonly availableSendType: '0' | '1' | '2' | '3' | null;
  /** AvailableShippingDate (`YYYY-MM-DD`): the first day the line may ship. */
  readonly availableShippingDate: string | null;
  /** EstimatedShippingDate (`YYYY-MM-DD`): the 発送予定日 set with confirmOrders or in QSM, which relaxes the 3-business-day rule. */
  readonly estimatedShippingDate: string | null;
}

/**
 * The shipping plan of each line of a Qoo10 order. Qoo10 expects shipment within 3 business days
 * of payment (penalties from the 4th); a line's 発送予定日 is what moves that deadline.
 */
export function shippingPlanOf(order: Order<Qoo10Pack>): Qoo10ShippingPlan[] {
  return order.raw.lines.map((line) => {
    const type = line.AvailableSendType === undefined || line.AvailableSendType === null ? null : String(line.AvailableSendType);
    return {
      lineId: line.OrderNo,
      availableSendType: type === '0' || type === '1' || type === '2' || type === '3' ? type : null,
      availableShippingDate: calendarDay(line.AvailableShippingDate),
      estimatedShippingDate: calendarDay(line.EstimatedShippingDate),
    };
  });
}

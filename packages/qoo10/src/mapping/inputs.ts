import { ValidationError, formatJst, parseJst } from '@mallkit/core';
import { QOO10_NUMBER } from '../api/common.js';
import type { Qoo10ConnectorOptions } from '../options.js';

/*
 * Checks of the inputs that only Qoo10 makes, before anything is sent: ids that can be a PackNo or
 * OrderNo, and the 発送予定日 confirmOrders sends.
 */

const DAY_MS = 86_400_000;

/**
 * True when an id can be a PackNo or OrderNo. Any other id names nothing on Qoo10: it is reported
 * not found without a request, since reading by id costs a whole search of the look-back.
 */
export function isQoo10Number(id: string): boolean {
  return QOO10_NUMBER.test(id);
}

/** The 発送予定日 of each cart as `yyyyMMdd`, checked before anything is sent: a date after today (Qoo10's -10016/-10018). */
export function estimatedShipDates(ids: readonly string[], option: Qoo10ConnectorOptions['estimatedShipDate'], now: number): Map<string, string> {
  const today = formatJst(now, 'date');
  const dates = new Map<string, string>();
  ids.forEach((id, index) => {
    const day = typeof option === 'function' ? option(id, today) : formatJst(now + (option ?? 3) * DAY_MS, 'date');
    let valid = false;
    try {
      valid = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && formatJst(parseJst(day), 'date') === day;
    } catch {
      valid = false;
    }
    if (!valid || day <= today) {
      throw new ValidationError([{ field: `options.estimatedShipDate(ids[${index}])`, message: `${String(day)} must be a YYYY-MM-DD date after today (${today} JST)` }], {
        mall: 'qoo10',
        operation: 'confirmOrders',
        hint: { ja: '発送予定日は明日以降の日付（YYYY-MM-DD）にしてください。何も送信していません。', en: 'The estimated ship date must be a YYYY-MM-DD date after today. Nothing was sent.' },
      });
    }
    dates.set(id, day.replace(/-/g, ''));
  });
  return dates;
}

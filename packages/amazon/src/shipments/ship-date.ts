import { formatJst, parseJst, type Hint } from '@mallkit/core';

/** The hint for a ship date Amazon would refuse: the usual cause is JST wall-clock time sent as UTC. */
export const SHIP_DATE_HINT: Hint = {
  ja: '出荷日は注文日時以降かつ現在以前である必要があります（未来日はAmazonがエラーにします）。日本時間の時刻に「Z」や「+00:00」を付けると9時間先の未来日時になるため、+09:00 を付けるか YYYY-MM-DD（日本時間の日付）で指定してください。',
  en: 'The ship date must lie between the purchase time and now (Amazon refuses future dates). JST wall-clock time labelled `Z` or `+00:00` lands 9 hours in the future: add +09:00 or pass a YYYY-MM-DD date (a JST day).',
};

/** A ship date as the update gave it: an instant, or a JST calendar day. */
export type ShipDateInput = { readonly kind: 'instant'; readonly at: number } | { readonly kind: 'day'; readonly day: string; readonly start: number };

/** Reads the update's `shippedAt` (Date, `YYYY-MM-DD` as JST, or an ISO instant with offset). */
export function readShipDate(value: Date | string): ShipDateInput {
  if (value instanceof Date) return { kind: 'instant', at: value.getTime() };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'day', day: value, start: parseJst(value).getTime() };
  return { kind: 'instant', at: new Date(value).getTime() };
}

/** Why a ship date is in the future, or null when it is not. A JST day counts from its start. */
export function futureShipDateProblem(input: ShipDateInput, now: number): string | null {
  if (input.kind === 'day') {
    return input.day > formatJst(now, 'date') ? `${input.day} is after today (${formatJst(now, 'date')} JST)` : null;
  }
  return input.at > now ? `${formatJst(input.at, 'iso')} is in the future (now ${formatJst(now, 'iso')})` : null;
}

/**
 * The instant sent to Amazon. A JST day becomes its first moment that is not before the purchase
 * (shipping on the day of an order placed at 10:00 means 10:00 or later), so it is deterministic
 * and a retry sends the same value.
 */
export function shipInstant(input: ShipDateInput, purchasedAt: number): number {
  return input.kind === 'day' ? Math.max(input.start, purchasedAt) : input.at;
}

import { formatJst, shipDayOf, ValidationError, type ParsedShipmentUpdate } from '@mallkit/core';

const DAY_MS = 86_400_000;

/**
 * Ship dates go to 発送予定日, a planned date, so the kit's "not after today" rule is relaxed to
 * `lookaheadDays` after today (JST, on the connector's clock). With the default of 0 this is the
 * kit's own rule; either way a date further ahead is refused before anything is sent.
 */
export function checkShipDateLookahead(updates: readonly ParsedShipmentUpdate[], lookaheadDays: number, now: number): void {
  const latest = formatJst(now + lookaheadDays * DAY_MS, 'date');
  const issues = updates.flatMap((update, index) => {
    const day = shipDayOf(update);
    return day > latest
      ? [{ field: `updates[${index}].shippedAt`, message: `${day} is more than ${lookaheadDays} day(s) after today (${formatJst(now, 'date')} JST): report a shipment once it has left` }]
      : [];
  });
  if (issues.length === 0) return;
  throw new ValidationError(issues, {
    mall: 'shopserve',
    operation: 'exportShipments',
    hint: {
      ja: `出荷日は当日から${lookaheadDays}日後までです（ショップサーブの発送予定日に書き込みます）。何も送信していません。`,
      en: `Ship dates may be at most ${lookaheadDays} day(s) after today (they are written to Shopserve's 発送予定日). Nothing was sent.`,
    },
  });
}

import type { ShipmentUpdate } from '@mallkit/core';
import { pick, type Lang } from '../lang.js';
import { formatTable } from '../text/table.js';
import { SHIP_MESSAGES } from './messages.js';
import type { ShipRow } from './rows.js';

const carrierText = (carrier: ShipmentUpdate['carrier']): string => (typeof carrier === 'string' ? carrier : `other (${carrier.name})`);
const dateText = (value: ShipmentUpdate['shippedAt']): string => (value instanceof Date ? value.toISOString() : value);

/** What would be sent, row by row, with each row's problem. */
export function renderPlan(rows: readonly ShipRow[], lang: Lang): string {
  const m = SHIP_MESSAGES[lang];
  return formatTable(
    m.planHeader,
    rows.map((row) => [
      String(row.line),
      row.update?.orderId ?? row.fields[0] ?? '',
      row.update?.deliveryId ?? '',
      row.update ? carrierText(row.update.carrier) : '',
      row.update?.trackingNumber ?? '',
      row.update ? dateText(row.update.shippedAt) : '',
      row.problem ? pick(row.problem, lang) : m.ok,
    ]),
  );
}

/** One line per row after sending: line, order, tracking number and its result. */
export function renderResults(lines: ReadonlyArray<{ row: ShipRow; result: string }>, lang: Lang): string {
  const m = SHIP_MESSAGES[lang];
  return formatTable(
    m.resultHeader,
    lines.map(({ row, result }) => [String(row.line), row.update?.orderId ?? '', row.update?.trackingNumber ?? '', result]),
  );
}

import { element, elements } from './xml.js';
import type { AupayRecord } from './store.js';

/**
 * One order as au PAY writes it: `<orderInfo>` with its fields, then one `<detail>` per line. A
 * corrupted order (the adversary's) lacks its orderDate, in list and detail answers alike.
 */
export function renderOrder(record: AupayRecord, corrupted: boolean): string {
  const fields = corrupted ? [...record.fields].filter(([name]) => name !== 'orderDate') : record.fields;
  const details = record.details.map((detail) => `<detail>${elements(detail)}</detail>`).join('');
  return `<orderInfo>${elements(fields)}${details}</orderInfo>`;
}

/** An order of searchTradeNoListProc: its id only. */
export function renderOrderId(record: AupayRecord): string {
  return `<orderInfo>${element('orderId', record.orderId)}</orderInfo>`;
}

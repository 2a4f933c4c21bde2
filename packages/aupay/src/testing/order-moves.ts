import { formatJst } from '@mallkit/core';
import type { AupayRecord } from './store.js';

/*
 * What happens to an au PAY order's fields when it moves: one place for the update endpoints, the
 * sandbox's markPaid and the simulator, so that an order changed through the API and one changed
 * "in Wow!manager" look alike. au PAY keeps no update time (spec v2 §0, §1.9): a move stamps only
 * the dates au PAY has fields for — paymentDate (入金日) and shipDate (発送日).
 */

/** Moves an order to `next` (already allowed by the status machine), with the flags au PAY sets with it. */
export function moveStatus(record: AupayRecord, next: string): void {
  record.fields.set('orderStatus', next);
  // Card and au かんたん決済 orders are settled after shipment: paymentStatus turns Y at 完了 (spec v2 §1.6).
  if (next === '完了') record.fields.set('paymentStatus', 'Y');
  // N otherwise; C is what a production tool's test writes for a cancelled order (UNCERTAIN, spec v2 §1.4).
  if (next === 'キャンセル') record.fields.set('cancelStatus', 'C');
}

/** The shipment of updateTradeInfoProc: the ship day (`YYYY/MM/DD`), the carrier code and the tracking number. */
export interface ShippingFields {
  /** The ship day, `YYYY/MM/DD`, as au PAY writes its dates (shippingTimelimitDate, spec v2 §1.3). */
  readonly shipDate: string;
  /** au PAY's carrier code (1 ヤマト運輸 … 9 その他). */
  readonly carrier: string;
  /** The tracking number (配送お問い合せ番号). */
  readonly trackingNumber: string;
}

/** Records a shipment as updateTradeInfoProc does; the status is left as it is (a separate call moves it). */
export function recordShipping(record: AupayRecord, shipping: ShippingFields): void {
  record.fields.set('shipDate', shipping.shipDate);
  record.fields.set('shippingCarrier', shipping.carrier);
  record.fields.set('shippingNumber', shipping.trackingNumber);
  record.fields.set('shipStatus', 'Y');
}

/**
 * Records the buyer's payment of a prepaid order at `at` (epoch ms): paymentDate and paymentStatus Y.
 * The field is au PAY's (spec v1 §1.6); its format is not documented (UNCERTAIN), so it is written
 * `YYYY/MM/DD HH:MM` JST, as orderDate is. The status stays: the shop (or its OMS) moves a paid
 * order out of 発送前入金待ち (Next Engine manual 42157; writes.ts).
 */
export function recordPayment(record: AupayRecord, at: number): void {
  record.fields.set('paymentDate', formatJst(at, 'space').replaceAll('-', '/').slice(0, 16));
  record.fields.set('paymentStatus', 'Y');
}

/** The JST calendar day of `at` as au PAY writes ship days, `YYYY/MM/DD`. */
export function auDay(at: number): string {
  return formatJst(at, 'date').replaceAll('-', '/');
}

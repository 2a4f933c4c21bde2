import { carrierCodeOf, shipDayOf, ValidationError, type ParsedShipmentUpdate, type ShipmentRules, type ValidationIssue } from '@mallkit/core';
import { CARRIER_TO_SHIP_COMPANY_CODE } from './codes.js';

/*
 * What Yahoo itself checks of ShipInvoiceNumber (orderShipStatusChange.html, and the same text on
 * orderChange.html ShipInvoiceNumber1): 「半角英数字と「-」記号のみ」, at most 30 bytes; 「ヤマト運輸」:
 * 「半角数字と「-」記号のみ、最大14byte」; 「日本郵便」: 「ハイフンを除いた文字列が11〜13桁」. The
 * carriers' own formats (Yamato's 12 digits…) are core's and are checked first; these are Yahoo's
 * storage rules on top, so that one bad number is a ValidationError naming the field instead of an
 * NG answer.
 */

/** The longest ShipInvoiceNumber Yahoo stores (30 bytes; numbers are ASCII by then). */
export const SHIP_INVOICE_NUMBER_MAX_LENGTH = 30;

/** Why Yahoo refuses a tracking number for a 配送会社コード, or null when it stores it. */
export function trackingNumberProblem(shipCompanyCode: string, trackingNumber: string): string | null {
  if (!/^[A-Za-z0-9-]+$/.test(trackingNumber)) return 'Yahoo takes half-width letters, digits and hyphens only';
  if (Buffer.byteLength(trackingNumber, 'utf8') > SHIP_INVOICE_NUMBER_MAX_LENGTH) return `Yahoo takes at most ${SHIP_INVOICE_NUMBER_MAX_LENGTH} bytes`;
  if (shipCompanyCode === '1001' && !/^[0-9-]{1,14}$/.test(trackingNumber)) return 'Yahoo takes ヤマト運輸 numbers of digits and hyphens, at most 14 characters';
  if (shipCompanyCode === '1003') {
    const length = trackingNumber.replace(/-/g, '').length;
    if (length < 11 || length > 13) return `Yahoo takes 日本郵便 numbers of 11–13 characters without hyphens, got ${length}`;
  }
  return null;
}

/**
 * Yahoo's limits on shipment updates, on top of core's: its number rules above, and shipments per
 * order (an update naming `items` is refused: Yahoo has no per-line shipment). Yahoo takes neither a
 * shipping-method text nor a carrier name (ShipMethod is the shop's postageN code; an unlisted
 * carrier goes as 1000 その他), so those are never sent.
 */
export const YAHOO_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: SHIP_INVOICE_NUMBER_MAX_LENGTH,
  trackingNumberProblem: (carrier, trackingNumber) => trackingNumberProblem(CARRIER_TO_SHIP_COMPANY_CODE[carrier], trackingNumber),
  lineItems: false,
};

/** Tracking numbers compared as shops type them, with or without hyphens and spaces. */
export function sameNumber(a: string | null | undefined, b: string): boolean {
  const plain = (value: string): string => value.replace(/[\s-]/g, '');
  return a !== null && a !== undefined && plain(a) === plain(b);
}

/** One order's parcels in one call. */
export interface OrderShipments {
  /** The one 配送会社コード of the order's parcels. */
  readonly shipCompanyCode: string;
  /** Their distinct numbers, in input order (one or two). */
  readonly numbers: readonly string[];
  /** `YYYYMMDD`, the earliest of their ship days: Yahoo keeps one ShipDate per order. */
  readonly shipDate: string;
}

/**
 * Gathers the updates of each order (Yahoo holds one carrier and at most two numbers per order).
 * Throws a ValidationError naming the update, before anything is sent, when an order's updates
 * have two carriers or more than two numbers.
 */
export function gatherShipments(updates: readonly ParsedShipmentUpdate[]): ReadonlyMap<string, OrderShipments> {
  const issues: ValidationIssue[] = [];
  const orders = new Map<string, { shipCompanyCode: string; numbers: string[]; shipDate: string }>();
  updates.forEach((update, index) => {
    const shipCompanyCode = CARRIER_TO_SHIP_COMPANY_CODE[carrierCodeOf(update)];
    const day = shipDayOf(update).replace(/-/g, '');
    const order = orders.get(update.orderId);
    if (!order) {
      orders.set(update.orderId, { shipCompanyCode, numbers: [update.trackingNumber], shipDate: day });
      return;
    }
    if (order.shipCompanyCode !== shipCompanyCode) {
      issues.push({ field: `updates[${index}].carrier`, message: 'Yahoo holds one carrier per order: use the same carrier for both parcels' });
    }
    if (day < order.shipDate) order.shipDate = day;
    if (!order.numbers.some((number) => sameNumber(number, update.trackingNumber))) order.numbers.push(update.trackingNumber);
    if (order.numbers.length > 2) {
      issues.push({ field: `updates[${index}].trackingNumber`, message: 'Yahoo holds at most two tracking numbers per order (ShipInvoiceNumber1/2)' });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'yahoo',
      operation: 'exportShipments',
      hint: {
        ja: `出荷情報を確認してください: ${issues.map((i) => i.field).join(', ')}。1注文につき配送会社は1社、伝票番号は2つまでです。何も送信していません。`,
        en: `Fix the shipments: ${issues.map((i) => i.field).join(', ')}. Yahoo holds one carrier and two tracking numbers per order. Nothing was sent.`,
      },
    });
  }
  return orders;
}

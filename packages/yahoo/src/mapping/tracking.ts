import type { ShipmentRules } from '@mallkit/core';
import { CARRIER_TO_SHIP_COMPANY_CODE } from './codes.js';

/*
 * orderShipStatusChange's rules for ShipInvoiceNumber (specs/yahoo.md §3.5), checked before sending
 * so that one bad number is a ValidationError naming the field instead of a refused request:
 * half-width alphanumerics and `-` only, at most 30 bytes; ヤマト運輸 digits and `-` only, at most
 * 14 characters; 日本郵便 11–13 characters once the hyphens are removed.
 */

/** The longest ShipInvoiceNumber Yahoo stores (30 bytes; numbers are ASCII by then). */
export const SHIP_INVOICE_NUMBER_MAX_LENGTH = 30;

/** Why a tracking number is refused for a 配送会社コード, or null when Yahoo accepts it. */
export function trackingNumberProblem(shipCompanyCode: string, trackingNumber: string): string | null {
  if (!/^[A-Za-z0-9-]+$/.test(trackingNumber)) return 'must be half-width letters, digits and hyphens only';
  if (Buffer.byteLength(trackingNumber, 'utf8') > SHIP_INVOICE_NUMBER_MAX_LENGTH) return `must be at most ${SHIP_INVOICE_NUMBER_MAX_LENGTH} bytes`;
  if (shipCompanyCode === '1001' && !/^[0-9-]{1,14}$/.test(trackingNumber)) {
    return 'ヤマト運輸: digits and hyphens only, at most 14 characters';
  }
  if (shipCompanyCode === '1003') {
    const length = trackingNumber.replace(/-/g, '').length;
    if (length < 11 || length > 13) return `日本郵便: 11–13 characters without hyphens, got ${length}`;
  }
  return null;
}

/**
 * Yahoo's limits on shipment updates, on top of core's: numbers of at most 30 characters in the
 * carrier's format. Yahoo takes neither a shipping-method text nor a carrier name (ShipMethod is the
 * shop's postageN code; an unlisted carrier goes as 1000 その他), so those are never sent.
 */
export const YAHOO_SHIPMENT_RULES: ShipmentRules = {
  trackingNumberMaxLength: SHIP_INVOICE_NUMBER_MAX_LENGTH,
  trackingNumberProblem: (carrier, trackingNumber) => trackingNumberProblem(CARRIER_TO_SHIP_COMPANY_CODE[carrier], trackingNumber),
};

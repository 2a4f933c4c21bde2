/*
 * orderShipStatusChange's rules for ShipInvoiceNumber (specs/yahoo.md §3.5), checked before sending
 * so that one bad number is a ValidationError naming the field instead of a refused request:
 * half-width alphanumerics and `-` only, at most 30 bytes; ヤマト運輸 digits and `-` only, at most
 * 14 characters; 日本郵便 11–13 characters once the hyphens are removed.
 */

/** Why a tracking number is refused, or null when it is acceptable for the carrier. */
export function trackingNumberProblem(carrierCode: string, trackingNumber: string): string | null {
  if (!/^[A-Za-z0-9-]+$/.test(trackingNumber)) return 'must be half-width letters, digits and hyphens only';
  if (Buffer.byteLength(trackingNumber, 'utf8') > 30) return 'must be at most 30 bytes';
  if (carrierCode === '1001' && !/^[0-9-]{1,14}$/.test(trackingNumber)) {
    return 'ヤマト運輸: digits and hyphens only, at most 14 characters';
  }
  if (carrierCode === '1003') {
    const length = trackingNumber.replace(/-/g, '').length;
    if (length < 11 || length > 13) return `日本郵便: 11–13 characters without hyphens, got ${length}`;
  }
  return null;
}

import { paymentMethodMapper, type PaymentMethodCode, type ValueMapper } from '@mallkit/core';

/**
 * Amazon's own payment spellings that core's name table does not hold: v2026 paymentExecutions
 * write whole words (CashOnDelivery, ConvenienceStore), v0 writes COD / CVS / Other plus
 * PaymentMethodDetails (CreditCard, GiftCertificate, PointsAccount…).
 */
export const AMAZON_PAYMENT_METHODS: Readonly<Record<string, PaymentMethodCode>> = Object.freeze({
  CashOnDelivery: 'cash_on_delivery',
  COD: 'cash_on_delivery',
  ConvenienceStore: 'convenience_store',
  CVS: 'convenience_store',
  CreditCard: 'credit_card',
  Invoice: 'invoice',
  GC: 'gift_card',
  GiftCertificate: 'gift_card',
  PointsAccount: 'points_only',
  // v0 PaymentMethod "Other" with no detail: neither COD nor CVS, nothing more is known.
  Other: 'other',
});

/** Core's payment mapper with Amazon's spellings, then the shop's own overrides. */
export function amazonPaymentMapper(overrides: Readonly<Record<string, PaymentMethodCode>> = {}): ValueMapper<PaymentMethodCode> {
  return paymentMethodMapper.withOverrides(AMAZON_PAYMENT_METHODS).withOverrides(overrides);
}

/** Methods that only cover part of a bill; they describe the order only when nothing else was used. */
const PARTIAL = new Set(['PointsAccount', 'GiftCertificate', 'GC']);

/**
 * Picks the one payment string that describes the order: COD and CVS win (the shop must act on
 * them), then the main method beside points and gift cards, then whatever is there — v0's own
 * `Other` included, which Amazon sends for "neither COD nor CVS". Null when the answer carries no
 * payment data at all: the mapper then says `unmapped` instead of inventing a method.
 */
export function pickPaymentRaw(primary: string | undefined, details: readonly string[]): string | null {
  if (primary && primary !== 'Other') return primary;
  const main = details.find((detail) => !PARTIAL.has(detail));
  return main ?? details[0] ?? primary ?? null;
}

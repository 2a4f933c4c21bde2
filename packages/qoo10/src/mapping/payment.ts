import { cleanText, paymentMethodMapper, type PaymentMethodCode, type ValueMapper } from '@mallkit/core';
import type { Qoo10Pack } from './pack.js';

/**
 * The payment-method mapper: core's table of names (Qoo10 sends PaymentMethod as free text; its
 * exact labels are not published) with the shop's overrides. A label nobody listed comes back
 * `unmapped` with its raw text, never a guess.
 */
export function qoo10PaymentMapper(overrides: Readonly<Record<string, PaymentMethodCode>> = {}): ValueMapper<PaymentMethodCode> {
  return paymentMethodMapper.withOverrides(overrides);
}

/** The cart's PaymentMethod text from its first line that names one, or null. */
export function paymentMethodTextOf(pack: Qoo10Pack): string | null {
  return pack.lines.map((line) => cleanText(line.PaymentMethod)).find((value) => value !== null) ?? null;
}

/** The payment date of a cart: the first line's PaymentDate (one checkout, one payment), or a claim's. */
export function paymentDateOf(pack: Qoo10Pack): string | null {
  return (
    pack.lines.map((line) => cleanText(line.PaymentDate)).find((value) => value !== null) ??
    pack.claims.map((claim) => cleanText(claim.PaymentDate)).find((value) => value !== null) ??
    null
  );
}

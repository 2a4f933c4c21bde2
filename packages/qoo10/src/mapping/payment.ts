import { paymentMethodMapper, type Mapped, type PaymentMethodCode, type PaymentRecord, type ValueMapper } from '@mallkit/core';
import type { Qoo10Pack } from './pack.js';
import { text } from './values.js';

/**
 * The payment-method mapper: core's table of names (Qoo10 sends PaymentMethod as free text; its
 * exact labels are not published) with the shop's overrides. A label nobody listed comes back
 * `unmapped` with its raw text, never a guess.
 */
export function qoo10PaymentMapper(overrides: Readonly<Record<string, PaymentMethodCode>> = {}): ValueMapper<PaymentMethodCode> {
  return paymentMethodMapper.withOverrides(overrides);
}

/** The cart's payment method from its first line that names one; `unmapped` with an empty raw when none does. */
export function paymentMethodOf(pack: Qoo10Pack, mapper: ValueMapper<PaymentMethodCode>): Mapped<PaymentMethodCode> {
  const raw = pack.lines.map((line) => text(line.PaymentMethod)).find((value) => value !== null) ?? null;
  return mapper.map(raw) ?? { code: 'unmapped', raw: '' };
}

/** The payment date of a cart: the first line's PaymentDate (one checkout, one payment), or a claim's. */
export function paymentDateOf(pack: Qoo10Pack): string | null {
  return pack.lines.map((line) => text(line.PaymentDate)).find((value) => value !== null) ?? pack.claims.map((claim) => text(claim.PaymentDate)).find((value) => value !== null) ?? null;
}
/** What getPayments yields for Qoo10: the cart's payment, from its lines. */
export type Qoo10PaymentRecord = PaymentRecord<Qoo10Pack>;

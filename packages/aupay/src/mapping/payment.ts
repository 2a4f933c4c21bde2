import { PAYMENT_METHOD_CODES, createValueMapper, oneOf, paymentMethodMapper, type Mapped, type PaymentMethodCode, type ValueMapper } from '@mallkit/core';

/*
 * settlementName is free text, and au PAY renames its methods with its brand (Wowma! → au PAY
 * マーケット): an import that maps names exactly breaks at each rename (CROSS MALL warns about it).
 * Names are therefore mapped in three steps, the raw name always kept: the shop's overrides and
 * core's table (exact, after width and space folding); the name again with the brand taken off
 * (`au Wowma!コンビニ決済` → `コンビニ決済`); then substring rules for the words that decide the
 * method. Anything left is `unmapped`, never a guess.
 */

/** Brand words au PAY puts in front of method names, old and new. */
const BRANDS = [/^au\s*Wowma!?\s*/iu, /^Wowma!?\s*/iu, /^au\s*PAY\s*マーケット\s*/iu];

/** Words that decide the method, tried in order (the more specific first). */
const RULES: ReadonlyArray<readonly [RegExp, PaymentMethodCode]> = [
  [/後払い/u, 'deferred_payment'],
  [/代金引換|代引/u, 'cash_on_delivery'],
  [/かんたん決済/u, 'carrier_billing'],
  [/(全額.*ポイント|ポイント.*全額)/u, 'points_only'],
  [/クレジット/u, 'credit_card'],
  [/コンビニ/u, 'convenience_store'],
  [/郵便振替/u, 'postal_transfer'],
  [/銀行振込|じぶん銀行/u, 'bank_transfer'],
  [/ペイジー|pay-?easy/iu, 'pay_easy'],
  [/^au\s*PAY(\s*[(（]?\s*(残高|コード支払い)\s*[)）]?)?$/iu, 'au_pay'],
];

/**
 * Settlement names of methods paid before shipping that no table maps (yirry007/ksnerp_test
 * `app/Services/Markets/Wowma/config.php`, `before_ship_payment`): they stay `unmapped`, but the
 * connector still knows not to ship them before payment.
 */
const PREPAID_NAMES: ReadonlySet<string> = new Set(['ATM決済', '銀行ネット決済']);

/** Methods paid before shipping. */
const PREPAID_CODES: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

/** Methods whose money arrives after delivery. */
const PAID_AFTER_DELIVERY: ReadonlySet<PaymentMethodCode> = new Set(['cash_on_delivery', 'deferred_payment', 'invoice']);

/** Maps settlement names to payment methods (raw kept): a ValueMapper, so core's mapWithWarning reports what it does not know. */
export type PaymentMethodTable = ValueMapper<PaymentMethodCode>;

/** The payment method table of a connector, with the shop's overrides (exact names) winning. */
export function createPaymentMethodTable(overrides: Readonly<Record<string, PaymentMethodCode>> = {}): PaymentMethodTable {
  // Core's table and the shop's overrides, looked up again for a name without its brand.
  const exact = paymentMethodMapper.withOverrides(overrides);
  const fallback = (raw: string): PaymentMethodCode | undefined => {
    const folded = raw.normalize('NFKC').trim();
    const unbranded = BRANDS.reduce((name, brand) => name.replace(brand, ''), folded);
    if (unbranded !== folded && unbranded !== '') {
      const again = exact.map(unbranded);
      if (again !== null && again.code !== 'unmapped') return again.code;
    }
    return RULES.find(([pattern]) => pattern.test(unbranded) || pattern.test(folded))?.[1];
  };
  return createValueMapper<PaymentMethodCode>({ name: 'paymentMethod', table: exact.entries(), fallback, isCode: oneOf(PAYMENT_METHOD_CODES) });
}

/**
 * When an order's money arrives, as far as the method tells: `before_shipping` (bank transfer,
 * convenience store…: the order waits in 発送前入金待ち), `after_delivery` (代金引換, 後払い), `at_order`
 * (card, carrier billing, points: settled by au PAY, the order moves on by itself), or `unknown` for
 * an empty or unmapped method. A method the shop mapped to `other` is taken as paid at ordering.
 */
export type PaymentTiming = 'before_shipping' | 'after_delivery' | 'at_order' | 'unknown';

/** When the money of an order paid with `method` arrives. */
export function paymentTiming(method: Mapped<PaymentMethodCode> | null): PaymentTiming {
  if (method === null) return 'unknown';
  if (PREPAID_NAMES.has(method.raw.normalize('NFKC').trim())) return 'before_shipping';
  if (method.code === 'unmapped') return 'unknown';
  if (PREPAID_CODES.has(method.code)) return 'before_shipping';
  return PAID_AFTER_DELIVERY.has(method.code) ? 'after_delivery' : 'at_order';
}

import { paymentMethodMapper, type Mapped, type PaymentMethodCode, type ValueMapper } from '@mallkit/core';

/*
 * settlementMethodCode → its RMS name (specs/rakuten.md §4.3 SettlementModel, searchOrder
 * settlementMethod). getOrder sends the name in `settlementMethod`; the code is the fallback when
 * a name is missing, and what getPayment's `paymentMethod` carries.
 */
export const RAKUTEN_SETTLEMENT_METHODS: Readonly<Record<number, string>> = {
  1: 'クレジットカード',
  2: '代金引換',
  4: 'ショッピングクレジット／ローン',
  5: 'オートローン',
  6: 'リース',
  7: '請求書払い',
  8: 'ポイント',
  9: '銀行振込',
  12: 'Apple Pay',
  13: 'セブンイレブン（前払）',
  14: 'ファミリーマート、ローソン等（前払）',
  16: 'Alipay',
  17: 'PayPal',
  21: '後払い決済',
  27: 'Alipay（支付宝）',
};

/**
 * Maps a settlement method to the normalized code with the (overridable) name mapper: by the
 * name Rakuten sent, else by the name of its code. `raw` is the name as sent, or `code:N` when only
 * a code was there, so an OMS can still add an override for it.
 */
export function mapSettlementMethod(
  name: string | null | undefined,
  code: number | string | null | undefined,
  mapper: ValueMapper<PaymentMethodCode> = paymentMethodMapper,
): Mapped<PaymentMethodCode> {
  const byName = mapper.map(name);
  if (byName !== null && byName.code !== 'unmapped') return byName;
  const numeric = typeof code === 'string' ? Number(code) : code;
  const codeName = numeric === null || numeric === undefined || Number.isNaN(numeric) ? undefined : RAKUTEN_SETTLEMENT_METHODS[numeric];
  const byCode = mapper.map(codeName);
  if (byCode !== null && byCode.code !== 'unmapped') return { code: byCode.code, raw: name ?? codeName ?? String(code) };
  return { code: 'unmapped', raw: name ?? (code === null || code === undefined ? '' : `code:${code}`) };
}

import { describe, expect, it } from 'vitest';
import { PAYMENT_METHOD_CODES, type PaymentMethodCode } from '../../src/model/codes.js';
import { PAYMENT_METHOD_NAMES_JA, paymentMethodMapper } from '../../src/mappers/payment-method.js';

describe('paymentMethodMapper', () => {
  it.each<[string, PaymentMethodCode]>([
    ['クレジットカード', 'credit_card'],
    ['クレジットカード決済', 'credit_card'],
    ['カード決済', 'credit_card'],
    ['クレジットカード(分割払い)', 'credit_card'],
    ['代金引換', 'cash_on_delivery'],
    ['代引き', 'cash_on_delivery'],
    ['商品代引', 'cash_on_delivery'],
    ['COD', 'cash_on_delivery'],
    ['銀行振込', 'bank_transfer'],
    ['銀行振込(前払い)', 'bank_transfer'],
    ['銀行振込（前払い）', 'bank_transfer'],
    ['楽天バンク決済', 'bank_transfer'],
    ['じぶん銀行決済', 'bank_transfer'],
    ['郵便振替', 'postal_transfer'],
    ['ゆうちょ前払い', 'postal_transfer'],
    ['ゆうちょ後払い', 'postal_transfer'],
    ['コンビニ決済', 'convenience_store'],
    ['コンビニ払い', 'convenience_store'],
    ['コンビニ(セブン-イレブン)', 'convenience_store'],
    ['セブン-イレブン', 'convenience_store'],
    ['セブンイレブン（前払）', 'convenience_store'],
    ['ローソン', 'convenience_store'],
    ['ファミリーマート', 'convenience_store'],
    ['ローソン、郵便局ATM等（前払）', 'convenience_store'],
    ['ファミリーマート、ローソン等（前払）', 'convenience_store'],
    ['au Wowma!コンビニ決済', 'convenience_store'],
    ['CVS', 'convenience_store'],
    ['後払い', 'deferred_payment'],
    ['後払い決済', 'deferred_payment'],
    ['後払い決済（楽天市場の共通決済）', 'deferred_payment'],
    ['NP後払い', 'deferred_payment'],
    ['GMO後払い', 'deferred_payment'],
    ['後払い.com', 'deferred_payment'],
    ['コンビニ後払い', 'deferred_payment'],
    ['Paidy', 'deferred_payment'],
    ['ペイジー', 'pay_easy'],
    ['Pay-easy', 'pay_easy'],
    ['楽天ペイ', 'rakuten_pay'],
    ['PayPay', 'paypay'],
    ['PayPay残高', 'paypay'],
    ['PayPay残高等', 'paypay'],
    ['Amazon Pay', 'amazon_pay'],
    ['Amazonペイ', 'amazon_pay'],
    ['AmazonPay', 'amazon_pay'],
    ['キャリア決済', 'carrier_billing'],
    ['ドコモ払い', 'carrier_billing'],
    ['auかんたん決済', 'carrier_billing'],
    ['au PAY(auかんたん決済)', 'carrier_billing'],
    ['ソフトバンクまとめて支払い', 'carrier_billing'],
    ['Apple Pay', 'apple_pay'],
    ['Google Pay', 'google_pay'],
    ['au PAY', 'au_pay'],
    ['d払い', 'd_payment'],
    ['メルペイ', 'merpay'],
    ['LINE Pay', 'line_pay'],
    ['ギフトカード', 'gift_card'],
    ['ギフト券', 'gift_card'],
    ['商品券', 'gift_card'],
    ['GiftCertificate', 'gift_card'],
    ['ポイント全額支払い', 'points_only'],
    ['全額ポイント', 'points_only'],
    ['ポイント全額払い', 'points_only'],
    ['請求書払い', 'invoice'],
    ['掛け払い', 'invoice'],
    ['分割払い', 'installment'],
    ['ショッピングクレジット／ローン', 'installment'],
    ['オートローン', 'installment'],
    ['その他', 'other'],
    ['Other', 'other'],
    ['PayPal', 'other'],
    ['Alipay（支付宝）', 'other'],
    ['リース', 'other'],
  ])('%j → %s', (raw, code) => {
    expect(paymentMethodMapper.map(raw)).toStrictEqual({ code, raw });
  });

  it.each<[string, PaymentMethodCode]>([
    ['ｸﾚｼﾞｯﾄｶｰﾄﾞ', 'credit_card'],
    ['ｸﾚｼﾞｯﾄｶｰﾄﾞ決済', 'credit_card'],
    ['ｺﾝﾋﾞﾆ決済', 'convenience_store'],
    ['ＰａｙＰａｙ', 'paypay'],
    ['paypay', 'paypay'],
    ['ＡＭＡＺＯＮ　ＰＡＹ', 'amazon_pay'],
    ['amazon   pay', 'amazon_pay'],
    ['  代金引換  ', 'cash_on_delivery'],
    ['ＮＰ後払い', 'deferred_payment'],
    ['ｄ払い', 'd_payment'],
    ['ＡＵ ＰＡＹ', 'au_pay'],
    ['line pay', 'line_pay'],
    ['cod', 'cash_on_delivery'],
  ])('normalizes width, case and spaces: %j → %s', (raw, code) => {
    expect(paymentMethodMapper.map(raw)).toStrictEqual({ code, raw });
  });

  it.each(['payment_a1', '1', 'クレカ払い?', ' 謎の決済 ', 'Yahoo!マネー/預金払い', 'ATM決済', 'ﾀﾞｲﾋﾞｷ'])('unknown %j → unmapped with the exact raw', (raw) => {
    expect(paymentMethodMapper.map(raw)).toStrictEqual({ code: 'unmapped', raw });
  });

  it.each([null, undefined, '', ' ', '\u3000'])('%j → null', (raw) => {
    expect(paymentMethodMapper.map(raw)).toBeNull();
  });

  it('has a Japanese name for every payment method code, and maps each name back to its code', () => {
    for (const code of PAYMENT_METHOD_CODES) {
      expect(paymentMethodMapper.map(PAYMENT_METHOD_NAMES_JA[code])?.code, code).toBe(code);
    }
    expect(Object.keys(PAYMENT_METHOD_NAMES_JA).sort()).toStrictEqual([...PAYMENT_METHOD_CODES].sort());
  });

  it('lets a shop override like an OMS 変換設定, without touching the built-in mapper', () => {
    const shop = paymentMethodMapper.withOverrides({ ATM決済: 'pay_easy', 'クレジットカード決済': 'rakuten_pay' });
    expect(shop.map('ＡＴＭ決済')).toStrictEqual({ code: 'pay_easy', raw: 'ＡＴＭ決済' });
    expect(shop.map('ｸﾚｼﾞｯﾄｶｰﾄﾞ決済')?.code).toBe('rakuten_pay');
    expect(shop.map('クレジットカード')?.code).toBe('credit_card');
    expect(paymentMethodMapper.map('クレジットカード決済')?.code).toBe('credit_card');
    expect(paymentMethodMapper.map('ATM決済')?.code).toBe('unmapped');
  });

  it('rejects an override code it does not know', () => {
    expect(() => paymentMethodMapper.withOverrides({ ATM決済: 'atm' as never })).toThrow(/unknown code "atm"/);
  });
});

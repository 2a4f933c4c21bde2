import { PAYMENT_METHOD_CODES, type PaymentMethodCode } from '../model/codes.js';
import { createValueMapper, oneOf, rowsFromNames, type ValueMapper } from './value-mapper.js';

/**
 * Japanese display names, one per payment method code. A full Record, so a code added to
 * `PAYMENT_METHOD_CODES` without a name fails the type check.
 */
export const PAYMENT_METHOD_NAMES_JA: Readonly<Record<PaymentMethodCode, string>> = Object.freeze({
  credit_card: 'クレジットカード',
  cash_on_delivery: '代金引換',
  bank_transfer: '銀行振込',
  postal_transfer: '郵便振替',
  convenience_store: 'コンビニ決済',
  deferred_payment: '後払い',
  pay_easy: 'ペイジー',
  rakuten_pay: '楽天ペイ',
  paypay: 'PayPay',
  amazon_pay: 'Amazon Pay',
  carrier_billing: 'キャリア決済',
  apple_pay: 'Apple Pay',
  google_pay: 'Google Pay',
  au_pay: 'au PAY',
  d_payment: 'd払い',
  merpay: 'メルペイ',
  line_pay: 'LINE Pay',
  gift_card: 'ギフトカード',
  points_only: 'ポイント全額支払い',
  invoice: '請求書払い',
  installment: '分割払い',
  other: 'その他',
});

/*
 * The names malls and carts print for each method: Rakuten's settlementMethod names, Yahoo's
 * PayMethodName labels, au PAY's settlementName, makeshop's paymethod contents, Amazon's
 * PaymentMethod / PaymentMethodDetails values, and the everyday spellings shops type into carts.
 * The rule for the category is the instrument the buyer pays with, not when they pay: ゆうちょ後払い
 * is a postal transfer made after delivery, not a 後払い service.
 */
const ALIASES: Readonly<Record<PaymentMethodCode, readonly string[]>> = {
  credit_card: [
    'クレジットカード決済', 'クレジットカード払い', 'クレジット', 'クレジット決済', 'カード決済', 'カード払い',
    // Paying a card in instalments is still a card settlement: Rakuten keeps settlementMethod
    // クレジットカード and flags the plan in cardPayType, so these stay credit_card, not installment.
    'クレジットカード(一括払い)', 'クレジットカード(分割払い)', 'クレジットカード(リボ払い)', 'クレジットカード(ボーナス一括払い)',
    'Credit Card', 'CreditCard',
  ],
  cash_on_delivery: ['代金引き換え', '代引き', '代引', '代引決済', '代金引換決済', '商品代引', 'Cash on Delivery', 'COD'],
  bank_transfer: [
    '銀行振り込み', '銀行振込み', '銀行振込(前払い)', '銀行振込(前払)', '銀行振込(後払い)', '振込',
    // Debits from the buyer's own account at a mall-linked bank; the money moves bank to bank,
    // which is what the OMS reconciles, so they sit with bank transfer rather than under `other`.
    '楽天銀行決済', '楽天バンク決済', 'じぶん銀行決済',
    'Bank Transfer',
  ],
  postal_transfer: ['郵便振替(前払い)', '郵便振込', 'ゆうちょ振替', 'ゆうちょ', 'ゆうちょ前払い', 'ゆうちょ後払い'],
  convenience_store: [
    'コンビニ払い', 'コンビニ支払い', 'コンビニ', 'コンビニ前払い', 'コンビニ決済(前払い)',
    'コンビニ(セブン-イレブン)', 'コンビニ(その他)',
    'セブン-イレブン', 'セブンイレブン', 'セブン-イレブン(前払)', 'セブンイレブン(前払)',
    'ローソン', 'ファミリーマート', 'ミニストップ', 'デイリーヤマザキ', 'セイコーマート',
    // Rakuten's code 14, before and after its 2026-01-22 rename.
    'ローソン、郵便局ATM等(前払)', 'ファミリーマート、ローソン等(前払)',
    'au Wowma!コンビニ決済',
    // Amazon.co.jp's checkout label for what the API reports as CVS.
    'コンビニ・ATM・ネットバンキング・電子マネー払い',
    'CVS', 'Convenience Store',
  ],
  deferred_payment: [
    '後払い決済', '後払い決済(楽天市場の共通決済)', 'あと払い', '後払い.com', 'NP後払い', 'NP後払いwiz', 'GMO後払い',
    'atone', 'ATODENE', 'スコア後払い', 'クロネコ代金後払い', 'Paidy', 'ペイディ', 'あと払い(ペイディ)',
    // Paid later with a slip at a convenience store: a 後払い service, not convenience_store.
    'コンビニ後払い',
  ],
  pay_easy: ['Pay-easy', 'Payeasy', 'ペイジー決済', 'Pay-easy(ペイジー)', 'ペイジー(Pay-easy)'],
  rakuten_pay: ['楽天ペイ(オンライン決済)', '楽天ペイ決済', 'Rakuten Pay'],
  // PayPayクレジット / PayPayあと払い are charged through the PayPay wallet, so the OMS settles
  // them with PayPay; a plain PayPayカード typed into a card form is a credit card and not listed.
  paypay: ['PayPay残高', 'PayPay残高等', 'PayPay(残高)', 'PayPay決済', 'PayPayクレジット', 'PayPayあと払い', 'ペイペイ'],
  amazon_pay: ['AmazonPay', 'Amazonペイ', 'アマゾンペイ', 'Amazon Pay決済'],
  carrier_billing: [
    '携帯キャリア決済', 'キャリア決済(ドコモ・au・ソフトバンク)', 'ケータイ払い', 'ドコモ払い', 'ドコモケータイ払い',
    // au かんたん決済 was renamed "au PAY (auかんたん決済)"; that label is still carrier billing,
    // unlike a bare "au PAY", which is the wallet.
    'auかんたん決済', 'au PAY(auかんたん決済)',
    'ソフトバンクまとめて支払い', 'ワイモバイルまとめて支払い', 'ソフトバンク・ワイモバイルまとめて支払い',
  ],
  apple_pay: ['ApplePay'],
  google_pay: ['GooglePay'],
  au_pay: ['auPAY', 'au PAY残高', 'au PAY(残高)', 'au PAY(コード支払い)'],
  d_payment: ['d払い決済'],
  merpay: ['merpay', 'メルペイ決済'],
  line_pay: ['LINEPay', 'LINE Pay決済'],
  // GC and GiftCertificate are Amazon's sub-method and PaymentMethodDetails spellings.
  gift_card: ['ギフト券', '商品券', 'Amazonギフト券', 'Amazonギフトカード', 'Gift Card', 'GiftCertificate', 'GC'],
  // PointsAccount is Amazon's spelling. It means "paid entirely by points" only when it is the
  // sole method; combining several details is the Amazon package's job, not this table's.
  points_only: [
    '全額ポイント', 'ポイント全額払い', 'ポイント全額支払', '全額ポイント支払い', '全額ポイント払い', 'ポイント払い',
    'ポイント', 'ポイント決済', 'PointsAccount',
  ],
  invoice: ['請求書', '掛け払い', '掛払い', 'NP掛け払い', 'Invoice'],
  // `installment` is a credit contract paid in parts (Rakuten 4 ショッピングクレジット／ローン, 5
  // オートローン). A bare 分割払い is filed here too: when a card is involved, malls and carts say so
  // (see credit_card above), so the bare label is the loan-style one.
  installment: ['分割', 'ショッピングクレジット', 'ショッピングローン', 'ショッピングクレジット/ローン', 'オートローン', 'ローン'],
  // Methods the malls name that have no code of their own. They are known, so `other` is a real
  // answer, not a guess; strings nobody listed still come back `unmapped`. Amazon's PaymentMethod
  // "Other" means "neither COD nor CVS"; the Amazon package refines it from PaymentMethodDetails.
  other: [
    'Other', 'その他決済', 'PayPal', 'ペイパル', 'Alipay', 'Alipay(支付宝)', 'リース', '現金書留', 'モバイルSuica',
    '無料商品提供', 'LINE外部決済', '銀聯', 'UnionPay',
  ],
};

/**
 * Maps a payment method NAME, as malls and carts write it, to a {@link PaymentMethodCode}.
 * Mall numeric codes (Rakuten settlementMethodCode, Yahoo PayMethod `payment_a1`…) belong to each
 * mall package, because the same number means different things in different malls.
 */
export const paymentMethodMapper: ValueMapper<PaymentMethodCode> = createValueMapper<PaymentMethodCode>({
  name: 'paymentMethod',
  table: rowsFromNames(PAYMENT_METHOD_CODES, PAYMENT_METHOD_NAMES_JA, ALIASES),
  isCode: oneOf(PAYMENT_METHOD_CODES),
});

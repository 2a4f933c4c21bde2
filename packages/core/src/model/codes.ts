/**
 * Normalized carriers (配送会社). One code per company and, where a mall distinguishes it, per
 * service. Built-in tables in `mappers/` map each mall's codes and names onto these.
 */
export const CARRIER_CODES = [
  'yamato', 'yamato_kuroneko_yu_packet', 'sagawa', 'japan_post', 'japan_post_rakuten_warehouse',
  'seino', 'seino_super_express', 'fukuyama', 'meitetsu', 'meitetsu_nx', 'tonami', 'daiichi_kamotsu',
  'niigata_unyu', 'chuetsu_unso', 'okayama_kamotsu', 'kurume_unso', 'sanyo_jidosha', 'nx_transport',
  'nippon_express', 'ecohai', 'jp_logistics', 'rakuten_express', 'magical_move', 'askul_logist',
  'store_pickup', 'ems', 'dhl', 'fedex', 'ups', 'tnt', 'ocs', 'usps', 'sf_express', 'aramex',
  'sgh_global', 'other',
] as const;

/** A normalized carrier code. */
export type CarrierCode = (typeof CARRIER_CODES)[number];

/** Normalized payment methods (決済方法). */
export const PAYMENT_METHOD_CODES = [
  'credit_card', 'cash_on_delivery', 'bank_transfer', 'postal_transfer', 'convenience_store',
  'deferred_payment', 'pay_easy', 'rakuten_pay', 'paypay', 'amazon_pay', 'carrier_billing',
  'apple_pay', 'google_pay', 'au_pay', 'd_payment', 'merpay', 'line_pay', 'gift_card',
  'points_only', 'invoice', 'installment', 'other',
] as const;

/** A normalized payment method code. */
export type PaymentMethodCode = (typeof PAYMENT_METHOD_CODES)[number];

/**
 * A normalized delivery time slot: 24-hour `HH-HH` (`'08-12'` is 午前中, `'14-16'`, `'19-21'`),
 * or `'unspecified'` for 指定なし.
 */
export type TimeSlotCode = `${number}${number}-${number}${number}` | 'unspecified';

import {
  CARRIER_CODES,
  PAYMENT_METHOD_CODES,
  createValueMapper,
  timeSlotMapper,
  type CarrierCode,
  type PaymentMethodCode,
  type TimeSlotCode,
  type ValueEntry,
  type ConnectorMappers,
  type MapperOverrides,
  oneOf,
} from '@mallkit/core';

/*
 * Yahoo's own code tables (specs/yahoo.md §4.3, §4.5). PayMethod is keyed by CODE, never by
 * PayMethodName: the names changed on 2024-05-13 and 2026-07-16 while the codes stayed.
 */

/** ShipCompanyCode → carrier. 4-digit codes since 2018-10; the 3-digit ones of older orders too. */
export const YAHOO_SHIP_COMPANY_CODES: ReadonlyArray<ValueEntry<CarrierCode>> = [
  ['1000', 'other'], ['1001', 'yamato'], ['1002', 'sagawa'], ['1003', 'japan_post'], ['1004', 'seino'],
  // Yahoo's table prints 西武運輸; the company is 西部運輸, today セイノースーパーエクスプレス.
  ['1005', 'seino_super_express'], ['1006', 'fukuyama'], ['1007', 'meitetsu'], ['1008', 'tonami'],
  ['1009', 'daiichi_kamotsu'], ['1010', 'niigata_unyu'], ['1011', 'chuetsu_unso'], ['1012', 'okayama_kamotsu'],
  ['1013', 'kurume_unso'], ['1014', 'sanyo_jidosha'], ['1015', 'nx_transport'], ['1016', 'ecohai'], ['1017', 'ems'],
  ['1018', 'dhl'], ['1019', 'fedex'], ['1020', 'ups'], ['1021', 'nippon_express'], ['1022', 'tnt'], ['1023', 'ocs'],
  ['1024', 'usps'], ['1025', 'sf_express'], ['1026', 'aramex'], ['1027', 'sgh_global'], ['1028', 'jp_logistics'],
  ['1029', 'magical_move'], ['5000', 'askul_logist'], ['5001', 'store_pickup'],
  ['999', 'other'], ['103', 'yamato'], ['104', 'sagawa'], ['100', 'japan_post'],
];

/**
 * Carrier → the ShipCompanyCode sent by exportShipments. Carriers Yahoo has no row for go as 1000
 * その他; Yamato's クロネコゆうパケット and Rakuten-warehouse Japan Post carry Japan Post tracking
 * numbers, so they go as 1003.
 */
export const CARRIER_TO_SHIP_COMPANY_CODE: Readonly<Record<CarrierCode, string>> = {
  yamato: '1001', yamato_kuroneko_yu_packet: '1003', sagawa: '1002', japan_post: '1003',
  japan_post_rakuten_warehouse: '1003', seino: '1004', seino_super_express: '1005', fukuyama: '1006',
  meitetsu: '1007', meitetsu_nx: '1007', tonami: '1008', daiichi_kamotsu: '1009', niigata_unyu: '1010',
  chuetsu_unso: '1011', okayama_kamotsu: '1012', kurume_unso: '1013', sanyo_jidosha: '1014', nx_transport: '1015',
  nippon_express: '1021', ecohai: '1016', jp_logistics: '1028', rakuten_express: '1000', magical_move: '1029',
  askul_logist: '5000', store_pickup: '5001', ems: '1017', dhl: '1018', fedex: '1019', ups: '1020', tnt: '1022',
  ocs: '1023', usps: '1024', sf_express: '1025', aramex: '1026', sgh_global: '1027', other: '1000',
};

function payRows(): Array<ValueEntry<PaymentMethodCode>> {
  const rows: Array<ValueEntry<PaymentMethodCode>> = [
    ['payment_a1', 'credit_card'],
    ['payment_a6', 'convenience_store'], // セブン-イレブン
    ['payment_a7', 'convenience_store'], // その他のコンビニ
    ['payment_a8', 'other'], // モバイルSuica
    ['payment_a9', 'd_payment'],
    ['payment_a10', 'au_pay'], // au PAY(auかんたん決済)
    ['payment_a11', 'carrier_billing'], // ソフトバンクまとめて支払い
    ['payment_a15', 'pay_easy'],
    ['payment_a16', 'other'], // Yahoo!マネー/預金払い
    ['payment_a17', 'paypay'], // PayPay残高等
    ['payment_a18', 'deferred_payment'], // ゆっくり払い
    ['payment_a19', 'credit_card'], // PayPayクレジット
    ['payment_c1', 'postal_transfer'], // ゆうちょ前払い
    ['payment_c2', 'postal_transfer'], // ゆうちょ後払い
    ['payment_c3', 'other'], // 現金書留
    ['payment_d1', 'cash_on_delivery'],
    ['payment_h1', 'other'], // 無料商品提供
    ['payment_z1', 'points_only'],
    ['payment_z3', 'other'], // LINE外部決済
    ['payment_z4', 'gift_card'], // 商品券
  ];
  for (let n = 1; n <= 6; n += 1) rows.push([`payment_b${n}`, 'bank_transfer']);
  // payment_e1–e15 are store-defined: deliberately absent, so they come back unmapped until the
  // shop maps them in its overrides (`{ payment_e1: 'bank_transfer' }`).
  return rows;
}

/** Yahoo PayMethod code → payment method. */
export const YAHOO_PAY_METHODS: ReadonlyArray<ValueEntry<PaymentMethodCode>> = payRows();

/** ShipRequestTimeZoneCode (Yamato P&D orders) → time slot. */
export const YAHOO_TIME_ZONE_CODES: Readonly<Record<string, TimeSlotCode>> = {
  '101': '08-12', '102': '14-16', '103': '16-18', '104': '18-20', '105': '19-21',
};

/**
 * User overrides of the built-in tables, the way an OMS's 変換設定 works:
 * - `carrier`: ShipCompanyCode → carrier, e.g. `{ '1000': 'yamato' }` for a shop that files everything as その他;
 * - `paymentMethod`: PayMethod code → payment method, e.g. `{ payment_e1: 'bank_transfer' }`;
 * - `timeSlot`: ShipRequestTime text → slot, e.g. `{ 夜間: '19-21' }`.
 */
export type YahooMapperOverrides = MapperOverrides;

/** The mappers a connector uses. */
export type YahooMappers = ConnectorMappers;


/** Builds the mappers with the built-in Yahoo tables and the user's overrides. */
export function createYahooMappers(overrides: YahooMapperOverrides = {}): YahooMappers {
  return {
    carrier: createValueMapper({ name: 'carrier', table: YAHOO_SHIP_COMPANY_CODES, isCode: oneOf(CARRIER_CODES), overrides: overrides.carrier ?? {} }),
    paymentMethod: createValueMapper({ name: 'paymentMethod', table: YAHOO_PAY_METHODS, isCode: oneOf(PAYMENT_METHOD_CODES), overrides: overrides.paymentMethod ?? {} }),
    timeSlot: overrides.timeSlot ? timeSlotMapper.withOverrides(overrides.timeSlot) : timeSlotMapper,
  };
}

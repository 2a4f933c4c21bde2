import { CARRIER_CODES, createValueMapper, oneOf, type CarrierCode, type ValueMapper } from '@mallkit/core';

/*
 * Rakuten's deliveryCompany codes (1000–1031, strings on the wire; getOrder's ShippingModel table) and the
 * normalized carrier each stands for. Every CarrierCode Rakuten has a code for appears exactly once.
 */
export const RAKUTEN_DELIVERY_COMPANIES: ReadonlyArray<readonly [code: string, name: string, carrier: CarrierCode]> = [
  ['1000', 'その他', 'other'],
  ['1001', 'ヤマト運輸', 'yamato'],
  ['1002', '佐川急便', 'sagawa'],
  ['1003', '日本郵便', 'japan_post'],
  ['1004', '西濃運輸', 'seino'],
  ['1005', 'セイノースーパーエクスプレス', 'seino_super_express'],
  ['1006', '福山通運', 'fukuyama'],
  ['1007', '名鉄運輸', 'meitetsu'],
  ['1008', 'トナミ運輸', 'tonami'],
  ['1009', '第一貨物', 'daiichi_kamotsu'],
  ['1010', '新潟運輸', 'niigata_unyu'],
  ['1011', '中越運送', 'chuetsu_unso'],
  ['1012', '岡山県貨物運送', 'okayama_kamotsu'],
  ['1013', '久留米運送', 'kurume_unso'],
  ['1014', '山陽自動車運送', 'sanyo_jidosha'],
  ['1015', 'NXトランスポート', 'nx_transport'],
  ['1016', 'エコ配', 'ecohai'],
  ['1017', 'EMS', 'ems'],
  ['1018', 'DHL', 'dhl'],
  ['1019', 'FedEx', 'fedex'],
  ['1020', 'UPS', 'ups'],
  ['1021', '日本通運', 'nippon_express'],
  ['1022', 'TNT', 'tnt'],
  ['1023', 'OCS', 'ocs'],
  ['1024', 'USPS', 'usps'],
  ['1025', 'SFエクスプレス', 'sf_express'],
  ['1026', 'Aramex', 'aramex'],
  ['1027', 'SGHグローバル・ジャパン', 'sgh_global'],
  ['1028', 'Rakuten EXPRESS', 'rakuten_express'],
  ['1029', '日本郵便 楽天倉庫出荷', 'japan_post_rakuten_warehouse'],
  ['1030', 'ヤマト運輸 クロネコゆうパケット', 'yamato_kuroneko_yu_packet'],
  ['1031', '名鉄NX運輸', 'meitetsu_nx'],
];

/** The code Rakuten files carriers it has no code for under: 1000 その他. */
export const OTHER_DELIVERY_COMPANY = '1000';

/** deliveryCompany code → normalized carrier; an unknown (newer) code comes back `unmapped`. Overridable. */
export const rakutenCarrierMapper: ValueMapper<CarrierCode> = createValueMapper<CarrierCode>({
  name: 'rakutenDeliveryCompany',
  table: RAKUTEN_DELIVERY_COMPANIES.map(([code, , carrier]) => [code, carrier] as const),
  // Overrides often come from a settings file: a misspelt carrier code throws instead of flowing on.
  isCode: oneOf(CARRIER_CODES),
});

const CODE_OF: ReadonlyMap<CarrierCode, string> = new Map(RAKUTEN_DELIVERY_COMPANIES.map(([code, , carrier]) => [carrier, code]));

/** The Rakuten name of a deliveryCompany code, or null. */
export function deliveryCompanyName(code: string): string | null {
  return RAKUTEN_DELIVERY_COMPANIES.find(([c]) => c === code)?.[1] ?? null;
}

/**
 * The deliveryCompany code to send for a normalized carrier. `overrides` (carrier → code) win;
 * carriers Rakuten has no code for (JPロジスティクス, 店頭受け取り…) go as 1000 その他, and
 * `exact` says so, so the caller can warn.
 */
export function deliveryCompanyFor(
  carrier: CarrierCode,
  overrides: Readonly<Partial<Record<CarrierCode, string>>> = {},
): { code: string; exact: boolean } {
  const override = overrides[carrier];
  if (override !== undefined) return { code: override, exact: true };
  const code = CODE_OF.get(carrier);
  return code === undefined ? { code: OTHER_DELIVERY_COMPANY, exact: false } : { code, exact: true };
}

import { CARRIER_CODES, type CarrierCode } from '../model/codes.js';
import { createValueMapper, oneOf, rowsFromNames, type ValueMapper } from './value-mapper.js';

/**
 * Japanese display names, one per carrier code, as Rakuten's and Yahoo's carrier tables spell the
 * company today. Typed as a full Record so that a code added to `CARRIER_CODES` without a name
 * fails the type check.
 */
export const CARRIER_NAMES_JA: Readonly<Record<CarrierCode, string>> = Object.freeze({
  yamato: 'ヤマト運輸',
  yamato_kuroneko_yu_packet: 'ヤマト運輸 クロネコゆうパケット',
  sagawa: '佐川急便',
  japan_post: '日本郵便',
  japan_post_rakuten_warehouse: '日本郵便 楽天倉庫出荷',
  seino: '西濃運輸',
  seino_super_express: 'セイノースーパーエクスプレス',
  fukuyama: '福山通運',
  meitetsu: '名鉄運輸',
  meitetsu_nx: '名鉄NX運輸',
  tonami: 'トナミ運輸',
  daiichi_kamotsu: '第一貨物',
  niigata_unyu: '新潟運輸',
  chuetsu_unso: '中越運送',
  okayama_kamotsu: '岡山県貨物運送',
  kurume_unso: '久留米運送',
  sanyo_jidosha: '山陽自動車運送',
  nx_transport: 'NXトランスポート',
  nippon_express: '日本通運',
  ecohai: 'エコ配',
  jp_logistics: 'JPロジスティクス',
  rakuten_express: 'Rakuten EXPRESS',
  magical_move: 'マジカルムーブ',
  askul_logist: 'ASKUL LOGIST',
  store_pickup: '店頭受け取り',
  ems: 'EMS',
  dhl: 'DHL',
  fedex: 'FedEx',
  ups: 'UPS',
  tnt: 'TNT',
  ocs: 'OCS',
  usps: 'USPS',
  sf_express: 'SFエクスプレス',
  aramex: 'Aramex',
  sgh_global: 'SGHグローバル・ジャパン',
  other: 'その他',
});

/*
 * Other names each carrier goes by: former company names (malls keep old labels for years),
 * English names (Amazon's CarrierCode values and their older CamelCase enum spellings), and
 * service names that Qoo10 and makeshop accept in the carrier field. Case, width and spacing are
 * handled by the key normalization, so only genuinely different spellings are listed.
 * A service is listed under the company whose tracking number it carries.
 */
const ALIASES: Readonly<Record<CarrierCode, readonly string[]>> = {
  yamato: [
    'ヤマト', 'クロネコヤマト', 'クロネコ', 'ヤマト宅急便', '宅急便', '宅急便コンパクト', 'ネコポス', 'クロネコDM便',
    'Yamato Transport', 'YamatoTransport', 'Yamato',
  ],
  // Delivered by Japan Post under a Yamato contract; Rakuten gave it its own code (1030) because
  // the tracking number belongs to Japan Post's system, so it must not fold into plain `yamato`.
  yamato_kuroneko_yu_packet: ['クロネコゆうパケット', 'ヤマト運輸クロネコゆうパケット', 'ヤマト運輸(クロネコゆうパケット)'],
  sagawa: ['佐川', '飛脚宅配便', '飛脚便', 'Sagawa Express', 'SagawaExpress', 'Sagawa'],
  japan_post: [
    '郵便局', 'ゆうパック', 'ゆうパケット', 'ゆうパケットプラス', 'ゆうパケットポスト', 'ゆうメール', 'クリックポスト',
    'レターパック', 'レターパックプラス', 'レターパックライト', 'スマートレター', '定形外郵便', '普通郵便', 'ポスパケット',
    'ゆうパック代金引換小包', 'ゆうパック書留', '翌朝10時郵便', 'ePacket', '国際eパケット',
    'Japan Post', 'JapanPost', 'JP Post',
  ],
  japan_post_rakuten_warehouse: ['日本郵便(楽天倉庫出荷)', '日本郵便楽天倉庫出荷'],
  seino: ['西濃', 'セイノー', 'カンガルー便', 'Seino Transportation', 'Seino'],
  // 西部運輸 is the former name; Yahoo's table prints it as 西武運輸, so both spellings are kept.
  seino_super_express: ['西部運輸', '西武運輸', 'Seino Super Express'],
  fukuyama: ['福山', 'Fukuyama Transporting', 'Fukuyama Transport', 'Fukuyama'],
  meitetsu: ['Meitetsu Transportation', 'Meitetsu Unyu'],
  meitetsu_nx: ['Meitetsu NX Transportation'],
  tonami: ['トナミ', 'Tonami Transportation', 'Tonami'],
  daiichi_kamotsu: ['Daiichi Kamotsu'],
  niigata_unyu: ['Niigata Unyu'],
  chuetsu_unso: ['Chuetsu Unso'],
  okayama_kamotsu: ['岡山県貨物', 'Okayama Kamotsu'],
  kurume_unso: ['Kurume Unso'],
  sanyo_jidosha: ['Sanyo Jidosha Unso'],
  // Former names of the same company (Rakuten 1015, Yahoo 1015 still says 日本トラック).
  nx_transport: ['日通トランスポート', '日本トラック', 'NX Transport'],
  // 日通通運 is how Yahoo's 1021 row reads; NITTSU is Amazon's older enum value.
  nippon_express: ['日通', '日通通運', 'NX日本通運', 'Nippon Express', 'NipponExpress', 'NITTSU'],
  ecohai: ['エコ配便', 'Ecohai'],
  jp_logistics: ['JP Logistics'],
  rakuten_express: ['楽天エクスプレス', 'RakutenEXPRESS'],
  magical_move: ['MagicalMove', 'Magical Move'],
  askul_logist: ['アスクルロジスト', 'ASKUL LOGIST'],
  store_pickup: ['店頭受取', '店舗受け取り', '店舗受取', 'Store Pickup'],
  // EMS is a Japan Post service, but malls give it a code of its own, so it keeps one here too.
  ems: ['国際スピード郵便'],
  dhl: [],
  // FEDEX_JP is Amazon's older enum value.
  fedex: ['フェデックス', 'FEDEX_JP'],
  ups: [],
  tnt: [],
  ocs: [],
  usps: [],
  sf_express: ['SF Express', '順豊エクスプレス'],
  aramex: ['アラメックス'],
  sgh_global: ['SGH Global Japan', 'SGHグローバルジャパン'],
  // "その他配送会社" is au PAY's label; "Other" is Amazon's CarrierCode for an unlisted carrier.
  other: ['その他配送会社', 'Other'],
};

/**
 * Maps a carrier NAME (Japanese or English, company or service) to a {@link CarrierCode}. Mall
 * numeric codes (Rakuten's 1000–1031, Yahoo's ShipCompanyCode…) belong to each mall package.
 * A carrier with no code here (トールエクスプレスジャパン, Qxpress…) comes back `unmapped`.
 */
export const carrierMapper: ValueMapper<CarrierCode> = createValueMapper<CarrierCode>({
  name: 'carrier',
  table: rowsFromNames(CARRIER_CODES, CARRIER_NAMES_JA, ALIASES),
  isCode: oneOf(CARRIER_CODES),
});

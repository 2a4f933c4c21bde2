import { describe, expect, it } from 'vitest';
import { CARRIER_CODES, type CarrierCode } from '../../src/model/codes.js';
import { CARRIER_NAMES_JA, carrierMapper } from '../../src/mappers/carrier.js';

describe('carrierMapper', () => {
  it.each<[string, CarrierCode]>([
    ['ヤマト運輸', 'yamato'],
    ['クロネコヤマト', 'yamato'],
    ['ヤマト宅急便', 'yamato'],
    ['ネコポス', 'yamato'],
    ['宅急便コンパクト', 'yamato'],
    ['クロネコゆうパケット', 'yamato_kuroneko_yu_packet'],
    ['ヤマト運輸 クロネコゆうパケット', 'yamato_kuroneko_yu_packet'],
    ['佐川急便', 'sagawa'],
    ['飛脚宅配便', 'sagawa'],
    ['日本郵便', 'japan_post'],
    ['ゆうパック', 'japan_post'],
    ['ゆうパケット', 'japan_post'],
    ['クリックポスト', 'japan_post'],
    ['レターパックプラス', 'japan_post'],
    ['日本郵便 楽天倉庫出荷', 'japan_post_rakuten_warehouse'],
    ['西濃運輸', 'seino'],
    ['カンガルー便', 'seino'],
    ['セイノースーパーエクスプレス', 'seino_super_express'],
    ['西部運輸', 'seino_super_express'],
    ['西武運輸', 'seino_super_express'],
    ['福山通運', 'fukuyama'],
    ['名鉄運輸', 'meitetsu'],
    ['名鉄NX運輸', 'meitetsu_nx'],
    ['名鉄ＮＸ運輸', 'meitetsu_nx'],
    ['トナミ運輸', 'tonami'],
    ['第一貨物', 'daiichi_kamotsu'],
    ['新潟運輸', 'niigata_unyu'],
    ['中越運送', 'chuetsu_unso'],
    ['岡山県貨物運送', 'okayama_kamotsu'],
    ['久留米運送', 'kurume_unso'],
    ['山陽自動車運送', 'sanyo_jidosha'],
    ['NXトランスポート', 'nx_transport'],
    ['日本トラック', 'nx_transport'],
    ['日通トランスポート', 'nx_transport'],
    ['日本通運', 'nippon_express'],
    ['日通通運', 'nippon_express'],
    ['エコ配', 'ecohai'],
    ['JPロジスティクス', 'jp_logistics'],
    ['Rakuten EXPRESS', 'rakuten_express'],
    ['MagicalMove', 'magical_move'],
    ['ASKUL LOGIST', 'askul_logist'],
    ['店頭受け取り', 'store_pickup'],
    ['EMS', 'ems'],
    ['国際スピード郵便', 'ems'],
    ['DHL', 'dhl'],
    ['FedEx', 'fedex'],
    ['UPS', 'ups'],
    ['TNT', 'tnt'],
    ['OCS', 'ocs'],
    ['USPS', 'usps'],
    ['SFエクスプレス', 'sf_express'],
    ['Aramex', 'aramex'],
    ['SGHグローバル・ジャパン', 'sgh_global'],
    ['その他', 'other'],
    ['その他配送会社', 'other'],
    // Amazon's CarrierCode strings, current and older enum spellings.
    ['Yamato Transport', 'yamato'],
    ['YamatoTransport', 'yamato'],
    ['YAMATO', 'yamato'],
    ['Sagawa Express', 'sagawa'],
    ['SAGAWA', 'sagawa'],
    ['Japan Post', 'japan_post'],
    ['Seino Transportation', 'seino'],
    ['Fukuyama Transporting', 'fukuyama'],
    ['Nippon Express', 'nippon_express'],
    ['NITTSU', 'nippon_express'],
    ['FEDEX_JP', 'fedex'],
    ['Other', 'other'],
  ])('%j → %s', (raw, code) => {
    expect(carrierMapper.map(raw)).toStrictEqual({ code, raw });
  });

  it.each([
    ['ﾔﾏﾄ運輸', 'yamato'],
    ['ｸﾛﾈｺﾔﾏﾄ', 'yamato'],
    ['ｻｶﾞﾜ', 'unmapped'],
    ['  佐川急便　', 'sagawa'],
    ['ＦｅｄＥｘ', 'fedex'],
    ['fedex', 'fedex'],
    ['ｄｈｌ', 'dhl'],
    ['japan   post', 'japan_post'],
  ])('normalizes width, case and spaces: %j → %s', (raw, code) => {
    expect(carrierMapper.map(raw)).toStrictEqual({ code, raw });
  });

  it.each(['トールエクスプレスジャパン', 'Qxpress', 'ヤマト運輸株式会社', '1001', ' 謎の運送 '])('unknown %j → unmapped with the exact raw', (raw) => {
    expect(carrierMapper.map(raw)).toStrictEqual({ code: 'unmapped', raw });
  });

  it('has a Japanese name for every carrier code, and maps each name back to its code', () => {
    for (const code of CARRIER_CODES) {
      const name = CARRIER_NAMES_JA[code];
      expect(name, code).toBeTruthy();
      expect(carrierMapper.map(name)?.code, name).toBe(code);
    }
    expect(Object.keys(CARRIER_NAMES_JA).sort()).toStrictEqual([...CARRIER_CODES].sort());
  });

  it('lets a shop map its own names without changing the built-in mapper', () => {
    const shop = carrierMapper.withOverrides({ トールエクスプレスジャパン: 'other', ゆうパケット: 'yamato_kuroneko_yu_packet' });
    expect(shop.map('トールエクスプレスジャパン')?.code).toBe('other');
    expect(shop.map('ゆうパケット')?.code).toBe('yamato_kuroneko_yu_packet');
    expect(carrierMapper.map('ゆうパケット')?.code).toBe('japan_post');
    expect(carrierMapper.map('トールエクスプレスジャパン')?.code).toBe('unmapped');
  });

  it('is typed: every built-in row maps to a known code', () => {
    for (const [raw, code] of carrierMapper.entries()) {
      expect(CARRIER_CODES, raw).toContain(code);
      expect(carrierMapper.map(raw)?.code, raw).toBe(code);
    }
  });
});

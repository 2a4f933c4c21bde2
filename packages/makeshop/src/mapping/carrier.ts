import { CARRIER_CODES, createValueMapper, oneOf, type CarrierCode, type ParsedShipmentUpdate, type ValueMapper } from '@mallkit/core';

/*
 * makeshop's carrier codes are the legacy order API's `carrier` values 001–031 (as a public client
 * of that API lists them: yuanmz9432/focason-api MakeShopAPI.java; 005 is not used). Whether the
 * GraphQL API kept them is UNVERIFIED; they can be replaced with the `carrierCodes` option.
 */

/** makeshop's carrier codes: the name makeshop shows, and the normalized carrier (null when mallkit has none). */
export const MAKESHOP_CARRIER_CODES: Readonly<Record<string, { readonly name: string; readonly carrier: CarrierCode | null }>> = {
  '001': { name: 'ゆうパック', carrier: 'japan_post' },
  '002': { name: 'クロネコヤマト', carrier: 'yamato' },
  '003': { name: '佐川急便', carrier: 'sagawa' },
  '004': { name: '国際スピード郵便(USPS)', carrier: 'usps' },
  '006': { name: '西濃運輸', carrier: 'seino' },
  '007': { name: '福山通運', carrier: 'fukuyama' },
  '008': { name: 'EMS', carrier: 'ems' },
  '009': { name: 'ゆうパック代金引換小包', carrier: 'japan_post' },
  '010': { name: 'ゆうパック書留', carrier: 'japan_post' },
  '011': { name: 'レターパック500', carrier: 'japan_post' },
  '012': { name: '翌朝10時郵便', carrier: 'japan_post' },
  '013': { name: '名鉄運輸', carrier: 'meitetsu' },
  '014': { name: 'OCS', carrier: 'ocs' },
  '015': { name: '普通郵便', carrier: 'japan_post' },
  '016': { name: '普通郵便代引き', carrier: 'japan_post' },
  '017': { name: 'トナミ運輸', carrier: 'tonami' },
  '018': { name: 'トールエクスプレスジャパン', carrier: null },
  '019': { name: 'エコ配', carrier: 'ecohai' },
  '020': { name: 'レターパック350', carrier: 'japan_post' },
  '021': { name: 'セイノースーパーエクスプレス', carrier: 'seino_super_express' },
  '022': { name: '新潟運輸', carrier: 'niigata_unyu' },
  '023': { name: 'DHL', carrier: 'dhl' },
  '024': { name: '第一貨物', carrier: 'daiichi_kamotsu' },
  '025': { name: 'ゆうパケット', carrier: 'japan_post' },
  '026': { name: 'ポスパケット', carrier: 'japan_post' },
  '027': { name: 'クリックポスト', carrier: 'japan_post' },
  '028': { name: 'スマートレター', carrier: 'japan_post' },
  '029': { name: '宅急便コンパクト', carrier: 'yamato' },
  '030': { name: 'ネコポス', carrier: 'yamato' },
  '031': { name: 'クロネコDM便', carrier: 'yamato' },
};

/** The code each carrier gets when the shipping method names no service of its own. */
const DEFAULT_CODE: Readonly<Partial<Record<CarrierCode, string>>> = {
  japan_post: '001',
  yamato: '002',
  sagawa: '003',
  usps: '004',
  seino: '006',
  fukuyama: '007',
  ems: '008',
  meitetsu: '013',
  ocs: '014',
  tonami: '017',
  ecohai: '019',
  seino_super_express: '021',
  niigata_unyu: '022',
  dhl: '023',
  daiichi_kamotsu: '024',
};

/** Services with a code of their own, found in the update's shipping method text (longest names first). */
const SERVICES: ReadonlyArray<readonly [name: RegExp, carrier: CarrierCode, code: string]> = [
  [/宅急便コンパクト/, 'yamato', '029'],
  [/ネコポス/, 'yamato', '030'],
  [/DM便/, 'yamato', '031'],
  [/ゆうパケット/, 'japan_post', '025'],
  [/クリックポスト/, 'japan_post', '027'],
  [/スマートレター/, 'japan_post', '028'],
  [/レターパック(ライト|350)/, 'japan_post', '020'],
  [/レターパック/, 'japan_post', '011'],
  [/普通郵便|定形外/, 'japan_post', '015'],
];

/** Reads recorded carrier codes: the built-in table with the shop's overrides (by code) on top. */
export function carrierCodeMapper(overrides: Readonly<Record<string, CarrierCode>> = {}): ValueMapper<CarrierCode> {
  const rows = Object.entries(MAKESHOP_CARRIER_CODES).flatMap(([code, entry]) => (entry.carrier ? [[code, entry.carrier] as const] : []));
  return createValueMapper<CarrierCode>({ name: 'makeshopCarrierCode', table: rows, isCode: oneOf(CARRIER_CODES) }).withOverrides(overrides);
}

/**
 * makeshop's code for a shipment update: the shop's own table first, then a service the shipping
 * method names (ネコポス → 030), then the carrier's default; a named carrier (`other`) is looked up
 * by its name in makeshop's table. Null when makeshop has no code for it.
 */
export function carrierCodeFor(update: ParsedShipmentUpdate, own: Readonly<Partial<Record<CarrierCode, string>>> = {}): string | null {
  if (typeof update.carrier !== 'string') {
    const name = update.carrier.name.normalize('NFKC');
    return Object.entries(MAKESHOP_CARRIER_CODES).find(([, entry]) => entry.name.normalize('NFKC') === name)?.[0] ?? null;
  }
  const carrier = update.carrier;
  const mine = own[carrier];
  if (mine !== undefined) return mine;
  const method = update.shippingMethod?.normalize('NFKC');
  const service = method === undefined ? undefined : SERVICES.find(([name, owner]) => owner === carrier && name.test(method));
  return service?.[2] ?? DEFAULT_CODE[carrier] ?? null;
}

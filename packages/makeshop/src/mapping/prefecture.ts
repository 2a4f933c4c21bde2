/*
 * makeshop's prefecture codes (GraphQL reference, 都道府県コード対応表): 1 北海道 … 13 and 14 are
 * both 東京都 (23区内 / 23区外) … 48 沖縄県, then 49 離島部 and 50 海外, which name no prefecture.
 * Live searchOrder output sends names (Kahiro-M/MakeshopOrderList readme); codes are read too.
 */

const NAMES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県',
  '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

/** makeshop's code for an address with no prefecture of its own: 離島部 (remote islands). */
const ISLANDS = 49;
/** makeshop's code for an address abroad. */
const ABROAD = 50;

/** A prefecture as read from makeshop: the name, whether the address is abroad, and what could not be read. */
export interface PrefectureReading {
  readonly prefecture: string | null;
  readonly abroad: boolean;
  /** Set when the value was sent but names no prefecture (離島部, 海外, an unknown code). */
  readonly problem: string | null;
}

/** Reads makeshop's prefecture: a name as sent (trimmed), or a code 1–50 (number or digits). */
export function readPrefecture(value: string | number | null | undefined): PrefectureReading {
  if (value === null || value === undefined || String(value).trim() === '') return { prefecture: null, abroad: false, problem: null };
  const text = String(value).trim();
  const code = /^\d{1,2}$/.test(text) ? Number(text) : null;
  if (code === null) {
    if (text === '海外') return { prefecture: null, abroad: true, problem: 'an address abroad (海外): no prefecture' };
    if (text === '離島部') return { prefecture: null, abroad: false, problem: 'a remote island (離島部): makeshop names no prefecture' };
    return { prefecture: text, abroad: false, problem: null };
  }
  if (code === ABROAD) return { prefecture: null, abroad: true, problem: 'code 50 (海外): an address abroad, no prefecture' };
  if (code === ISLANDS) return { prefecture: null, abroad: false, problem: 'code 49 (離島部): makeshop names no prefecture' };
  const name = NAMES[code - 1];
  return name === undefined ? { prefecture: null, abroad: false, problem: `code ${code} is not in makeshop's prefecture table` } : { prefecture: name, abroad: false, problem: null };
}

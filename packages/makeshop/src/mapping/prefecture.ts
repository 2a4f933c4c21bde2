import { PREFECTURES } from '@mallkit/core';

/*
 * makeshop's prefecture codes (GraphQL reference, 都道府県コード対応表) are JIS X 0401's with one
 * difference: 13 and 14 are both 東京都 (23区内 / 23区外), so every later prefecture is one code up
 * (15 神奈川県 … 48 沖縄県); then 49 離島部 and 50 海外, which name no prefecture. Live searchOrder
 * output sends names (Kahiro-M/MakeshopOrderList readme); codes are read too.
 */

/** makeshop's code for 東京都 outside the 23 wards: the code after which makeshop's table runs one ahead of JIS. */
const TOKYO_OUTSIDE_WARDS = 14;
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

/** The prefecture name of makeshop's code 1–48, or undefined. */
function nameOfCode(code: number): string | undefined {
  return PREFECTURES[code <= TOKYO_OUTSIDE_WARDS ? Math.min(code, 13) - 1 : code - 2];
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
  const name = code >= 1 ? nameOfCode(code) : undefined;
  return name === undefined ? { prefecture: null, abroad: false, problem: `code ${code} is not in makeshop's prefecture table` } : { prefecture: name, abroad: false, problem: null };
}

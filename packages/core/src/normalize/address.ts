import { cleanText } from './text.js';

/** The 47 prefectures in JIS X 0401 order: code n is `PREFECTURES[n - 1]`. */
export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県',
  '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県',
  '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

/** One of the 47 prefecture names. */
export type Prefecture = (typeof PREFECTURES)[number];

const ASCII_POSTAL_CODE = /^(\d{3})-?(\d{4})$/;

/**
 * A postal code as the model keeps it: seven digits without hyphen (`150-0001`, `１５０－０００１`
 * and `〒150-0001` all give `1500001`), or the trimmed value as sent when it is not seven digits
 * (a foreign code), or null when there is none.
 */
export function normalizePostalCode(value: unknown): string | null {
  const raw = cleanText(value);
  if (raw === null) return null;
  // The common case, ASCII `1234567` or `123-4567`, needs no NFKC (\d without the u flag is ASCII only).
  const ascii = ASCII_POSTAL_CODE.exec(raw);
  if (ascii !== null) return `${ascii[1]}${ascii[2]}`;
  const digits = raw.normalize('NFKC').replace(/[〒\s-]/g, '');
  return /^\d{7}$/.test(digits) ? digits : raw;
}

/** The prefecture of a JIS X 0401 code (1–47, as a number or a string), or null. */
export function prefectureOfCode(code: unknown): Prefecture | null {
  const value = typeof code === 'string' ? Number(code.trim()) : code;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 47 ? (PREFECTURES[value - 1] ?? null) : null;
}

/**
 * Splits the prefecture off the start of a one-line address (au PAY and Qoo10 send addresses as one
 * string): `{ prefecture, rest }`, the prefecture null when the address does not start with one.
 */
export function splitPrefecture(address: unknown): { readonly prefecture: Prefecture | null; readonly rest: string | null } {
  const text = cleanText(address);
  if (text === null) return { prefecture: null, rest: null };
  const normalized = text.normalize('NFKC');
  const prefecture = PREFECTURES.find((name) => normalized.startsWith(name)) ?? null;
  return { prefecture, rest: prefecture === null ? text : cleanText(normalized.slice(prefecture.length)) };
}

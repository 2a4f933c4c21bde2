import type { Party } from '@mallkit/core';

/*
 * au PAY sends a person as a name, a kana name, a postal code, ONE address string and phone
 * numbers (ordererName… for the buyer, senderName… for the recipient). The prefecture is read off
 * the start of the address; the rest stays one address line, since splitting 市区町村 by pattern
 * goes wrong for names such as 四日市市 or 郡山市.
 */

/** The 47 prefectures; 北海道 and the 府/県 names are matched at the start of an address. */
const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県',
  '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県',
  '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

/** The raw fields of one person, as text. */
export interface RawParty {
  /** `姓　名`. */
  readonly name: string | undefined;
  /** The name in katakana. */
  readonly kana: string | undefined;
  /** `150-0001` or `1500001`. */
  readonly zipCode: string | undefined;
  /** The whole address, prefecture first. */
  readonly address: string | undefined;
  /** The first phone number. */
  readonly phone1: string | undefined;
  /** The second phone number. */
  readonly phone2: string | undefined;
  /** The e-mail address (the buyer's only). */
  readonly email: string | undefined;
}

function clean(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** Splits `姓 名` (half- or full-width space) into its two parts; one part only when there is no space. */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const parts = name.split(/[\s\u3000]+/u).filter((part) => part !== '');
  if (parts.length < 2) return { familyName: null, givenName: null };
  return { familyName: parts[0] ?? null, givenName: parts.slice(1).join(' ') };
}

/** A postal code as seven digits (`150-0001` → `1500001`), or as sent when it is not seven digits. */
export function postalCodeOf(value: string | undefined): string | null {
  const text = clean(value);
  if (text === null) return null;
  const digits = text.normalize('NFKC').replace(/[-\s〒]/gu, '');
  return /^\d{7}$/.test(digits) ? digits : text;
}

/** The prefecture at the start of an address and the rest of it. */
export function splitAddress(address: string | undefined): { prefecture: string | null; rest: string | null } {
  const text = clean(address);
  if (text === null) return { prefecture: null, rest: null };
  const prefecture = PREFECTURES.find((name) => text.startsWith(name)) ?? null;
  const rest = prefecture ? text.slice(prefecture.length).trim() : text;
  return { prefecture, rest: rest === '' ? null : rest };
}

/** One person in the normalized model. */
export function toParty(raw: RawParty): Party {
  const name = clean(raw.name)?.replace(/\u3000/gu, ' ') ?? '';
  const { prefecture, rest } = splitAddress(raw.address);
  return {
    name,
    ...splitName(name),
    nameKana: clean(raw.kana)?.replace(/\u3000/gu, ' ') ?? null,
    companyName: null,
    postalCode: postalCodeOf(raw.zipCode),
    prefecture,
    city: null,
    addressLines: rest === null ? [] : [rest],
    phone: clean(raw.phone1) ?? clean(raw.phone2),
    email: clean(raw.email),
    country: 'JP',
  };
}

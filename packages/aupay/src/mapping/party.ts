import { cleanText, normalizePostalCode, splitPrefecture, type Party } from '@mallkit/core';

/*
 * au PAY sends a person as a name, a kana name, a postal code, ONE address string and phone
 * numbers (ordererName… for the buyer, senderName… for the recipient). The prefecture is read off
 * the start of the address (core's splitPrefecture); the rest stays one address line, since
 * splitting 市区町村 by pattern goes wrong for names such as 四日市市 or 郡山市.
 */

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

/** Splits `姓 名` (half- or full-width space) into its two parts; nulls when there is no space to split at. */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const parts = name.split(/[\s\u3000]+/u).filter((part) => part !== '');
  if (parts.length < 2) return { familyName: null, givenName: null };
  return { familyName: parts[0] ?? null, givenName: parts.slice(1).join(' ') };
}

/** A name with au PAY's full-width separator as a plain space. */
function spaced(value: string | undefined): string | null {
  return cleanText(value)?.replace(/\u3000/gu, ' ') ?? null;
}

/** One person in the normalized model. */
export function toParty(raw: RawParty): Party {
  const name = spaced(raw.name) ?? '';
  const { prefecture, rest } = splitPrefecture(raw.address);
  return {
    name,
    ...splitName(name),
    nameKana: spaced(raw.kana),
    companyName: null,
    postalCode: normalizePostalCode(raw.zipCode),
    prefecture,
    city: null,
    addressLines: rest === null ? [] : [rest],
    phone: cleanText(raw.phone1) ?? cleanText(raw.phone2),
    email: cleanText(raw.email),
    country: 'JP',
  };
}

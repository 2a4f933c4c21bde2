import { cleanText, normalizePostalCode, type OrderWarning, type Party } from '@mallkit/core';
import { readPrefecture } from './prefecture.js';
import { missingField, unparsedValue } from './warnings.js';

/** A person as makeshop sends one: the buyer's sender* fields or a destination's receiver* fields. */
export interface WireParty {
  readonly name?: string | null | undefined;
  readonly kana?: string | null | undefined;
  readonly postalCode?: string | null | undefined;
  readonly prefecture?: string | number | null | undefined;
  readonly city?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly tel?: string | null | undefined;
  readonly email?: string | null | undefined;
}

/**
 * `山田 太郎` or `山田　太郎` → family and given name, the given name being every word after the
 * first joined by one space (as the amazon and aupay packages split); one word stays whole (no
 * guessed split).
 */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const parts = name.split(/[\s\u3000]+/u).filter((part) => part !== '');
  if (parts.length < 2) return { familyName: null, givenName: null };
  return { familyName: parts[0] ?? null, givenName: parts.slice(1).join(' ') };
}

/**
 * Maps a makeshop person to the normalized Party. `field` is where it lands (`buyer`,
 * `deliveries[1].recipient`) for the warnings; a missing name, an unreadable prefecture and an
 * address abroad are reported, never filled in.
 */
export function toParty(wire: WireParty, field: string, warnings: OrderWarning[]): Party {
  const name = cleanText(wire.name);
  if (name === null) warnings.push(missingField(`${field}.name`, { ja: '氏名', en: 'name' }));
  const prefecture = readPrefecture(wire.prefecture);
  if (prefecture.problem !== null) warnings.push(unparsedValue(`${field}.prefecture`, wire.prefecture ?? '', prefecture.problem));
  return {
    name: name ?? '',
    ...splitName(name ?? ''),
    nameKana: cleanText(wire.kana),
    companyName: null,
    postalCode: normalizePostalCode(wire.postalCode),
    prefecture: prefecture.prefecture,
    city: cleanText(wire.city),
    addressLines: [cleanText(wire.address)].filter((line): line is string => line !== null),
    phone: cleanText(wire.tel),
    email: cleanText(wire.email),
    // makeshop's 海外 names no country: ZZ is ISO 3166's "unknown country" code.
    country: prefecture.abroad ? 'ZZ' : 'JP',
  };
}

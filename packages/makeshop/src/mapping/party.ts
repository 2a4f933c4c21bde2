import type { OrderWarning, Party } from '@mallkit/core';
import { readPrefecture } from './prefecture.js';
import { missingField, unparsedValue } from './warnings.js';

/** A person as makeshop sends one: the buyer's sender* fields or a destination's receiver* fields. */
export interface WireParty {
  readonly name?: string | null;
  readonly kana?: string | null;
  readonly postalCode?: string | null;
  readonly prefecture?: string | number | null;
  readonly city?: string | null;
  readonly address?: string | null;
  readonly tel?: string | null;
  readonly email?: string | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** `山田 太郎` or `山田　太郎` → family and given name; one word stays whole (no guessed split). */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const match = /^(\S+)[\s\u3000]+(.+)$/u.exec(name);
  return match ? { familyName: match[1] ?? null, givenName: (match[2] ?? '').trim() || null } : { familyName: null, givenName: null };
}

/**
 * Maps a makeshop person to the normalized Party. `field` is where it lands (`buyer`,
 * `deliveries[1].recipient`) for the warnings; a missing name, an unreadable prefecture and an
 * address abroad are reported, never filled in.
 */
export function toParty(wire: WireParty, field: string, warnings: OrderWarning[]): Party {
  const name = clean(wire.name);
  if (name === null) warnings.push(missingField(`${field}.name`, { ja: '氏名', en: 'name' }));
  const prefecture = readPrefecture(wire.prefecture);
  if (prefecture.problem !== null) warnings.push(unparsedValue(`${field}.prefecture`, wire.prefecture ?? '', prefecture.problem));
  const postal = clean(wire.postalCode);
  const digits = postal?.replace(/[-\s－]/g, '') ?? null;
  return {
    name: name ?? '',
    ...splitName(name ?? ''),
    nameKana: clean(wire.kana),
    companyName: null,
    postalCode: digits !== null && /^\d{7}$/.test(digits) ? digits : postal,
    prefecture: prefecture.prefecture,
    city: clean(wire.city),
    addressLines: [clean(wire.address)].filter((line): line is string => line !== null),
    phone: clean(wire.tel),
    email: clean(wire.email),
    // makeshop's 海外 names no country: ZZ is ISO 3166's "unknown country" code.
    country: prefecture.abroad ? 'ZZ' : 'JP',
  };
}

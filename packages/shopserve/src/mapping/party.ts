import type { Party } from '@mallkit/core';
import type { ShopservePerson } from '../api/order-record.js';

function clean(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function joined(...parts: ReadonlyArray<string | null>): string | null {
  const present = parts.map(clean).filter((part): part is string => part !== null);
  return present.length > 0 ? present.join(' ') : null;
}

/** Seven digits without hyphen when the code has seven digits; otherwise as sent. */
function postalCode(value: string | null): string | null {
  const sent = clean(value);
  if (sent === null) return null;
  const digits = sent.normalize('NFKC').replace(/[-‐－ー\s]/g, '');
  return /^\d{7}$/.test(digits) ? digits : sent;
}

/** A Shopserve buyer or recipient as a normalized Party (姓 名 joined by a space; address lines as sent). */
export function toParty(person: ShopservePerson): Party {
  return {
    name: joined(person.family_name, person.given_name) ?? '',
    familyName: clean(person.family_name),
    givenName: clean(person.given_name),
    nameKana: joined(person.family_name_kana, person.given_name_kana),
    companyName: clean(person.company_name),
    postalCode: postalCode(person.zip_code),
    prefecture: clean(person.prefecture),
    city: clean(person.city),
    addressLines: [clean(person.address1), clean(person.address2)].filter((line): line is string => line !== null),
    phone: clean(person.tel),
    email: clean(person.mail_address),
    country: 'JP',
  };
}

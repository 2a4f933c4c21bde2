import { cleanText, joinText, normalizePostalCode, prefectureOfCode, type Party } from '@mallkit/core';
import type { ShopservePerson } from '../api/order-record.js';

/** A Shopserve buyer or recipient as a normalized Party (姓 名 joined by a space; address lines as sent). */
export function toParty(person: ShopservePerson): Party {
  return {
    name: joinText([person.family_name, person.given_name]) ?? '',
    familyName: cleanText(person.family_name),
    givenName: cleanText(person.given_name),
    nameKana: joinText([person.family_name_kana, person.given_name_kana]),
    companyName: cleanText(person.company_name),
    postalCode: normalizePostalCode(person.zip_code),
    // The field's format is UNVERIFIED: a JIS code (13) is read as its name, a name is kept as sent.
    prefecture: prefectureOfCode(person.prefecture) ?? cleanText(person.prefecture),
    city: cleanText(person.city),
    addressLines: [cleanText(person.address1), cleanText(person.address2)].filter((line): line is string => line !== null),
    phone: cleanText(person.tel),
    email: cleanText(person.mail_address),
    country: 'JP',
  };
}

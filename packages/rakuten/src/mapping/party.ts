import { cleanText, joinText, normalizePostalCode, type Party } from '@mallkit/core';
import type { RakutenPersonModel } from '../api/order-model.js';

/**
 * OrdererModel / SenderModel → Party. The postal code comes in two parts (`158` + `0094`) and the
 * phone in three; both are kept as strings since they start with zeros. The e-mail is Rakuten's
 * masked relay address and is kept exactly as sent.
 */
export function mapParty(person: RakutenPersonModel): Party {
  const familyName = cleanText(person.familyName);
  const givenName = cleanText(person.firstName);
  const email = 'emailAddress' in person ? cleanText(person.emailAddress) : null;
  const subAddress = cleanText(person.subAddress);
  return {
    name: joinText([familyName, givenName]) ?? '',
    familyName,
    givenName,
    nameKana: joinText([person.familyNameKana, person.firstNameKana]),
    companyName: null,
    postalCode: normalizePostalCode(joinText([person.zipCode1, person.zipCode2], '')),
    prefecture: cleanText(person.prefecture),
    city: cleanText(person.city),
    addressLines: subAddress === null ? [] : [subAddress],
    phone: joinText([person.phoneNumber1, person.phoneNumber2, person.phoneNumber3], '-'),
    email,
    country: 'JP',
  };
}

/**
 * True for the dummy address of a ソーシャルギフト order whose recipient has not entered one yet
 * (「入力待ち」, 999-9999): such a package must not be shipped.
 */
export function isGiftPlaceholder(person: RakutenPersonModel): boolean {
  return person.prefecture === '入力待ち' || (person.zipCode1 === '999' && person.zipCode2 === '9999');
}

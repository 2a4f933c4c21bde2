import type { Party } from '@mallkit/core';
import type { RakutenPersonModel } from '../api/order-model.js';

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function joined(parts: ReadonlyArray<string | null | undefined>, separator: string): string | null {
  const present = parts.map(clean).filter((part): part is string => part !== null);
  return present.length > 0 ? present.join(separator) : null;
}

/**
 * OrdererModel / SenderModel → Party. The postal code comes in two parts (`158` + `0094`) and the
 * phone in three; both are kept as strings since they start with zeros. The e-mail is Rakuten's
 * masked relay address and is kept exactly as sent.
 */
export function mapParty(person: RakutenPersonModel): Party {
  const familyName = clean(person.familyName);
  const givenName = clean(person.firstName);
  const email = 'emailAddress' in person && typeof person.emailAddress === 'string' ? clean(person.emailAddress) : null;
  return {
    name: joined([familyName, givenName], ' ') ?? '',
    familyName,
    givenName,
    nameKana: joined([person.familyNameKana, person.firstNameKana], ' '),
    companyName: null,
    postalCode: joined([person.zipCode1, person.zipCode2], ''),
    prefecture: clean(person.prefecture),
    city: clean(person.city),
    addressLines: [clean(person.subAddress)].filter((line): line is string => line !== null),
    phone: joined([person.phoneNumber1, person.phoneNumber2, person.phoneNumber3], '-'),
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

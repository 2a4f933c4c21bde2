import type { Party } from '@mallkit/core';
import { postalCode, str } from './values.js';

/** The name and address fields of one side (Bill* or Ship*), without the prefix. */
export interface YahooAddressFields {
  readonly FirstName?: string | undefined;
  readonly FirstNameKana?: string | undefined;
  readonly LastName?: string | undefined;
  readonly LastNameKana?: string | undefined;
  readonly ZipCode?: string | undefined;
  readonly Prefecture?: string | undefined;
  readonly City?: string | undefined;
  readonly Address1?: string | undefined;
  readonly Address2?: string | undefined;
  readonly PhoneNumber?: string | undefined;
  readonly MailAddress?: string | undefined;
}

/** Picks `${prefix}FirstName`… out of a Pay or Ship group. */
export function addressFields(group: Readonly<Record<string, unknown>> | undefined, prefix: 'Bill' | 'Ship'): YahooAddressFields {
  const get = (name: string): string | undefined => {
    const value = group?.[`${prefix}${name}`];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    FirstName: get('FirstName'),
    FirstNameKana: get('FirstNameKana'),
    LastName: get('LastName'),
    LastNameKana: get('LastNameKana'),
    ZipCode: get('ZipCode'),
    Prefecture: get('Prefecture'),
    City: get('City'),
    Address1: get('Address1'),
    Address2: get('Address2'),
    PhoneNumber: get('PhoneNumber'),
    MailAddress: get('MailAddress'),
  };
}

function joinName(family: string | null, given: string | null): string | null {
  const parts = [family, given].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A Party from Yahoo's split name fields: LastName is the family name (姓), FirstName the given name (名). */
export function toParty(fields: YahooAddressFields): Party {
  const familyName = str(fields.LastName);
  const givenName = str(fields.FirstName);
  return {
    name: joinName(familyName, givenName) ?? '',
    familyName,
    givenName,
    nameKana: joinName(str(fields.LastNameKana), str(fields.FirstNameKana)),
    companyName: null,
    postalCode: postalCode(fields.ZipCode),
    prefecture: str(fields.Prefecture),
    city: str(fields.City),
    addressLines: [str(fields.Address1), str(fields.Address2)].filter((line): line is string => line !== null),
    phone: str(fields.PhoneNumber),
    email: str(fields.MailAddress),
    country: 'JP',
  };
}

import { cleanText, joinText, normalizePostalCode, type Party } from '@mallkit/core';

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

/** A Party from Yahoo's split name fields: LastName is the family name (姓), FirstName the given name (名). */
export function toParty(fields: YahooAddressFields): Party {
  const familyName = cleanText(fields.LastName);
  const givenName = cleanText(fields.FirstName);
  return {
    name: joinText([familyName, givenName]) ?? '',
    familyName,
    givenName,
    nameKana: joinText([fields.LastNameKana, fields.FirstNameKana]),
    companyName: null,
    postalCode: normalizePostalCode(fields.ZipCode),
    prefecture: cleanText(fields.Prefecture),
    city: cleanText(fields.City),
    addressLines: [cleanText(fields.Address1), cleanText(fields.Address2)].filter((line): line is string => line !== null),
    phone: cleanText(fields.PhoneNumber),
    email: cleanText(fields.MailAddress),
    country: 'JP',
  };
}

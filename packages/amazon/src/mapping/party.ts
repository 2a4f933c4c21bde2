import { cleanText, normalizePostalCode, type Party } from '@mallkit/core';
import type { AmazonOrder2026 } from '../api/orders-2026.js';

type CustomerAddress = NonNullable<NonNullable<AmazonOrder2026['recipient']>['deliveryAddress']>;

/** Amazon sends one name string; a space (half or full width) separates 姓 and 名 when the buyer typed one. */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const parts = name.split(/[\s\u3000]+/u).filter(Boolean);
  if (parts.length < 2) return { familyName: null, givenName: null };
  return { familyName: parts[0] ?? null, givenName: parts.slice(1).join(' ') };
}

/** The recipient (配送先) from a v2026 CustomerAddress. */
export function recipientParty(address: CustomerAddress | undefined): Party {
  const name = cleanText(address?.name) ?? '';
  return {
    name,
    ...splitName(name),
    nameKana: null,
    companyName: cleanText(address?.companyName),
    postalCode: normalizePostalCode(address?.postalCode),
    prefecture: cleanText(address?.stateOrRegion),
    city: cleanText(address?.city) ?? cleanText(address?.municipality),
    addressLines: [address?.addressLine1, address?.addressLine2, address?.addressLine3]
      .map(cleanText)
      .filter((line): line is string => line !== null),
    phone: cleanText(address?.phone),
    email: null,
    country: cleanText(address?.countryCode) ?? 'JP',
  };
}

/** The buyer (注文者): Amazon gives a name, company and relay e-mail, never the buyer's address. */
export function buyerParty(buyer: AmazonOrder2026['buyer']): Party {
  const name = cleanText(buyer?.buyerName) ?? '';
  return {
    name,
    ...splitName(name),
    nameKana: null,
    companyName: cleanText(buyer?.buyerCompanyName),
    postalCode: null,
    prefecture: null,
    city: null,
    addressLines: [],
    phone: null,
    email: cleanText(buyer?.buyerEmail),
    country: 'JP',
  };
}

import type { Party } from '@mallkit/core';
import type { AmazonOrder2026 } from '../api/orders-2026.js';

type CustomerAddress = NonNullable<NonNullable<AmazonOrder2026['recipient']>['deliveryAddress']>;

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Amazon sends one name string; a space (half or full width) separates 姓 and 名 when the buyer typed one. */
function splitName(name: string): { familyName: string | null; givenName: string | null } {
  const parts = name.split(/[\s\u3000]+/u).filter(Boolean);
  if (parts.length < 2) return { familyName: null, givenName: null };
  return { familyName: parts[0] ?? null, givenName: parts.slice(1).join(' ') };
}

/** `150-0002` → `1500002`; anything that is not seven digits stays as sent. */
export function normalizePostalCode(value: string | null | undefined): string | null {
  const raw = clean(value);
  if (raw === null) return null;
  const digits = raw.normalize('NFKC').replace(/[-‐－ー\s〒]/gu, '');
  return /^\d{7}$/.test(digits) ? digits : raw;
}

/** The recipient (配送先) from a v2026 CustomerAddress. */
export function recipientParty(address: CustomerAddress | undefined): Party {
  const name = clean(address?.name) ?? '';
  return {
    name,
    ...splitName(name),
    nameKana: null,
    companyName: clean(address?.companyName),
    postalCode: normalizePostalCode(address?.postalCode),
    prefecture: clean(address?.stateOrRegion),
    city: clean(address?.city) ?? clean(address?.municipality),
    addressLines: [address?.addressLine1, address?.addressLine2, address?.addressLine3]
      .map(clean)
      .filter((line): line is string => line !== null),
    phone: clean(address?.phone),
    email: null,
    country: clean(address?.countryCode) ?? 'JP',
  };
}

/** The buyer (注文者): Amazon gives a name, company and relay e-mail, never the buyer's address. */
export function buyerParty(buyer: AmazonOrder2026['buyer']): Party {
  const name = clean(buyer?.buyerName) ?? '';
  return {
    name,
    ...splitName(name),
    nameKana: null,
    companyName: clean(buyer?.buyerCompanyName),
    postalCode: null,
    prefecture: null,
    city: null,
    addressLines: [],
    phone: null,
    email: clean(buyer?.buyerEmail),
    country: 'JP',
  };
}

import { cleanText, normalizePostalCode, splitPrefecture, type Party } from '@mallkit/core';
import type { Qoo10ClaimRow } from '../api/claim-info.js';
import type { Qoo10ShippingRow } from '../api/shipping-info.js';

/**
 * The buyer. Qoo10 sends the name as one string (姓 and 名 are not separated reliably), so the
 * family and given names are left null rather than guessed; the buyer's address is not sent.
 */
export function buyerOf(row: Qoo10ShippingRow | null, claim: Qoo10ClaimRow | null): Party {
  return {
    name: cleanText(row?.Buyer) ?? cleanText(claim?.buyer) ?? '',
    familyName: null,
    givenName: null,
    nameKana: cleanText(row?.BuyerKana),
    companyName: null,
    postalCode: null,
    prefecture: null,
    city: null,
    addressLines: [],
    phone: cleanText(row?.BuyerMobile) ?? cleanText(row?.BuyerTel) ?? cleanText(claim?.buyerMobile) ?? cleanText(claim?.buyerTel),
    email: cleanText(row?.BuyerEmail),
    country: 'JP',
  };
}

/** The receiver: Address1/Address2 as the address lines (ShippingAddress when they are empty), the prefecture read from them. */
export function receiverOf(row: Qoo10ShippingRow | null, claim: Qoo10ClaimRow | null): Party {
  const lines = [cleanText(row?.Address1), cleanText(row?.Address2)].filter((line): line is string => line !== null);
  const addressLines = lines.length > 0 ? lines : [cleanText(row?.ShippingAddress)].filter((line): line is string => line !== null);
  return {
    name: cleanText(row?.Receiver) ?? cleanText(claim?.receiver) ?? '',
    familyName: null,
    givenName: null,
    nameKana: cleanText(row?.ReceiverKana),
    companyName: null,
    postalCode: normalizePostalCode(row?.ZipCode),
    prefecture: splitPrefecture(addressLines[0]).prefecture,
    city: null,
    addressLines,
    phone: cleanText(row?.ReceiverMobile) ?? cleanText(row?.ReceiverTel) ?? cleanText(claim?.receiverMobile) ?? cleanText(claim?.receiverTel),
    email: null,
    country: 'JP',
  };
}

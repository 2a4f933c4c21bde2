import { CARRIER_NAMES_JA, type CarrierCode } from '@mallkit/core';

/**
 * Normalized carrier → the CarrierCode confirmShipment takes in JP. Amazon requires a value that
 * matches the Seller Central drop-down exactly (selling-partner-api-docs#772); unlisted carriers
 * go as `Other` with the name in carrierName. The JP values are the human-readable ones Seller
 * Central JP shows (specs/amazon.md §2.9 — UNCERTAIN there; decision and sources in the README).
 * The older CamelCase feed enum (YamatoTransport, SagawaExpress…) is read back by core's mapper.
 */
export const AMAZON_CARRIER_CODES: Readonly<Partial<Record<CarrierCode, string>>> = Object.freeze({
  yamato: 'Yamato Transport',
  sagawa: 'Sagawa Express',
  japan_post: 'Japan Post',
  seino: 'Seino Transportation',
  fukuyama: 'Fukuyama Transporting',
  nippon_express: 'Nippon Express',
  // EMS is Japan Post's international express: the tracking number lives in Japan Post's system.
  ems: 'Japan Post',
  dhl: 'DHL',
  fedex: 'FedEx',
  ups: 'UPS',
  tnt: 'TNT',
  usps: 'USPS',
  aramex: 'Aramex',
});

/** The carrier fields of a confirmShipment package. */
export interface AmazonCarrier {
  readonly carrierCode: string;
  readonly carrierName?: string;
}

/**
 * Turns the update's carrier into carrierCode (+ carrierName for `Other`). `overrides` lets a shop
 * fix a code without waiting for a release, as an OMS's 変換設定 does.
 */
export function toAmazonCarrier(
  carrier: CarrierCode | { code: 'other'; name: string },
  overrides: Readonly<Partial<Record<CarrierCode, string>>> = {},
): AmazonCarrier {
  if (typeof carrier !== 'string') return { carrierCode: 'Other', carrierName: carrier.name };
  const code = overrides[carrier] ?? AMAZON_CARRIER_CODES[carrier];
  if (code !== undefined && code !== 'Other') return { carrierCode: code };
  // Amazon shows carrierName to the buyer: the Japanese company name is what the buyer knows.
  return { carrierCode: 'Other', carrierName: CARRIER_NAMES_JA[carrier] };
}

import { CARRIER_CODES, createValueMapper, oneOf, type CarrierCode, type ValueMapper } from '@mallkit/core';

/*
 * au PAY's carrier codes (shippingCarrier), from yirry007/ksnerp_test
 * `app/Services/Markets/Wowma/config.php`; the spec sheet lists 1/2/4/5/6/7/9 according to
 * ryojrcreators/daily-wholesale-report. Live use is confirmed for 1, 2 and 6. 7 (Rakuten EXPRESS)
 * ended as a service, so the connector reads it but never sends it.
 */

/** au PAY's carrier codes and the companies they stand for. */
export const AUPAY_CARRIER_CODES = Object.freeze({
  '1': 'ヤマト運輸',
  '2': '佐川急便',
  '4': '福山通運',
  '5': '西濃運輸',
  '6': '日本郵便',
  '7': 'Rakuten EXPRESS',
  '9': 'その他配送会社',
} as const);

/** A carrier code au PAY takes. */
export type AupayCarrierCode = keyof typeof AUPAY_CARRIER_CODES;

/** The code read back, per au PAY code. */
const READ: Readonly<Record<AupayCarrierCode, CarrierCode>> = {
  '1': 'yamato',
  '2': 'sagawa',
  '4': 'fukuyama',
  '5': 'seino',
  '6': 'japan_post',
  '7': 'rakuten_express',
  '9': 'other',
};

/**
 * The code written, per normalized carrier. Services are sent as the company whose tracking
 * system carries their number. Carriers with no code of their own go as 9 (その他配送会社).
 */
const WRITE: Partial<Readonly<Record<CarrierCode, AupayCarrierCode>>> = {
  yamato: '1',
  sagawa: '2',
  fukuyama: '4',
  seino: '5',
  japan_post: '6',
  // A Yamato service (the shop contracts with Yamato, which collects and issues the slip; Japan Post
  // delivers: https://blog.shipandco.com/yamato-kuronekoyupacket/amp). Sent as Yamato, whose
  // number it is: UNVERIFIED that au PAY's tracking link follows it.
  yamato_kuroneko_yu_packet: '1',
  japan_post_rakuten_warehouse: '6',
  ems: '6',
};

/** The mapper of au PAY carrier codes read from orders, with the shop's overrides (by code, each checked to be a carrier code). */
export function createCarrierTable(overrides: Readonly<Record<string, CarrierCode>> = {}): ValueMapper<CarrierCode> {
  return createValueMapper<CarrierCode>({ name: 'carrier', table: READ, overrides, isCode: oneOf(CARRIER_CODES) });
}

/** The au PAY code to send for a carrier; `known` is false when it goes as 9 for want of its own code. */
export function aupayCarrierCodeOf(carrier: CarrierCode): { readonly code: AupayCarrierCode; readonly known: boolean } {
  const code = WRITE[carrier];
  return code === undefined ? { code: '9', known: carrier === 'other' } : { code, known: true };
}

import type { CarrierCode, ParsedShipmentUpdate } from '@mallkit/core';

/**
 * ShippingCorp is the carrier's NAME as Qoo10 lists it (the master list comes from
 * ShippingBasic.GetDeliveryCompanyInfo, whose parameters are not published). These are the names
 * integrators send (yuanmz9432/focason-api QootenAPI.java; passoffer SetSendingInfo.md's example
 * ゆうパック). Override or add with the `carrierNames` option.
 */
export const QOO10_CARRIER_NAMES: Readonly<Partial<Record<CarrierCode, string>>> = {
  yamato: 'ヤマト宅急便',
  sagawa: '佐川急便',
  japan_post: 'ゆうパック',
  seino: '西濃運輸',
  fukuyama: '福山通運',
};

/** Service names Qoo10 lists as carriers of their own; a shipping method naming one is sent as is. */
const SERVICE_NAMES: Readonly<Partial<Record<CarrierCode, readonly string[]>>> = {
  yamato: ['ネコポス', 'クロネコDM便', '宅急便コンパクト'],
  japan_post: ['ゆうパケット', 'クリックポスト', 'ゆうメール'],
};

/** The user's carrier names over the built-in ones (checked by the options: one line, ≤ 200 characters). */
export type CarrierNames = Readonly<Partial<Record<CarrierCode, string>>>;

/**
 * The ShippingCorp of an update: a named carrier as given; a service name Qoo10 lists (ネコポス,
 * ゆうパケット…) when the shipping method is one; else the carrier's name from the user's table or
 * the built-in one. Null when no name is known for the carrier code.
 */
export function shippingCorpOf(update: ParsedShipmentUpdate, userNames: CarrierNames = {}): string | null {
  if (typeof update.carrier !== 'string') return update.carrier.name;
  const code = update.carrier;
  const method = update.shippingMethod?.trim();
  if (method !== undefined && SERVICE_NAMES[code]?.includes(method)) return method;
  return userNames[code] ?? QOO10_CARRIER_NAMES[code] ?? null;
}

/** The shipment rule's carrier check: what to do when Qoo10 would get no carrier name, or null. */
export function shippingCorpProblem(update: ParsedShipmentUpdate, userNames: CarrierNames = {}): string | null {
  if (shippingCorpOf(update, userNames) !== null) return null;
  return `Qoo10 takes the carrier's name and none is known for ${String(update.carrier)}: pass { code: 'other', name } or the carrierNames option`;
}

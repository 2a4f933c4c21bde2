import { carrierCodeOf, type CarrierCode, type Mapped, type ParsedShipmentUpdate, type ValueMapper } from '@mallkit/core';
import type { ShopserveWireProfile } from '../api/wire-profile.js';

/** The 配送会社 value sent for an update: the profile's name of its carrier, or the name the user gave with `other`. */
export function carrierNameFor(update: ParsedShipmentUpdate, wire: ShopserveWireProfile): string {
  return typeof update.carrier === 'string' ? wire.carrierNames[carrierCodeOf(update)] : update.carrier.name;
}

/**
 * A 配送会社 value read from an order: the shared carrier table with the shop's overrides first, then
 * the profile's own names (so that a name the profile sends always reads back as its code).
 */
export function readCarrier(name: string | null, wire: ShopserveWireProfile, mapper: ValueMapper<CarrierCode>): Mapped<CarrierCode> | null {
  const mapped = mapper.map(name);
  if (mapped === null || mapped.code !== 'unmapped') return mapped;
  const sent = mapped.raw.trim();
  const own = (Object.entries(wire.carrierNames) as Array<[CarrierCode, string]>).find(([code, spelled]) => code !== 'other' && spelled === sent);
  return own ? { code: own[0], raw: mapped.raw } : mapped;
}

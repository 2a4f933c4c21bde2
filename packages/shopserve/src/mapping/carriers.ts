import { carrierCodeOf, carrierMapper, type CarrierCode, type MapperOverrides, type ParsedShipmentUpdate, type ValueMapper } from '@mallkit/core';
import type { ShopserveWireProfile } from '../api/wire-profile.js';

/** The 配送会社 value sent for an update: the profile's name of its carrier, or the name the user gave with `other`. */
export function carrierNameFor(update: ParsedShipmentUpdate, wire: ShopserveWireProfile): string {
  return typeof update.carrier === 'string' ? wire.carrierNames[carrierCodeOf(update)] : update.carrier.name;
}

/**
 * The carrier mapper of a connector: the shop's own rows first, then the profile's carrier names (so
 * that a name the connector sends always reads back as its code), then the shared table.
 */
export function shopserveCarrierMapper(wire: ShopserveWireProfile, overrides: MapperOverrides['carrier'] = {}): ValueMapper<CarrierCode> {
  const sent = Object.fromEntries(
    (Object.entries(wire.carrierNames) as Array<[CarrierCode, string]>).filter(([code]) => code !== 'other').map(([code, name]) => [name, code]),
  );
  return carrierMapper.withOverrides({ ...sent, ...overrides });
}

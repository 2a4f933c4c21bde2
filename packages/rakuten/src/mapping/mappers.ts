import {
  paymentMethodMapper,
  timeSlotMapper,
  type CarrierCode,
  type ConnectorMappers,
  type MapperOverrides,
} from '@mallkit/core';
import { rakutenCarrierMapper } from './carrier.js';

/**
 * A shop's own conversions (the 変換設定 of an OMS), winning over the built-in tables:
 * - `carrier`: deliveryCompany code (`'1000'`) or name → carrier, when reading orders;
 * - `deliveryCompany`: carrier → deliveryCompany code, when writing shipments back;
 * - `paymentMethod`: settlementMethod name → payment method;
 * - `timeSlot`: shippingTerm (`'2'`, `'9'`, `'1820'`…) → time slot.
 */
export interface RakutenMapperOverrides extends MapperOverrides {
  readonly deliveryCompany?: Readonly<Partial<Record<CarrierCode, string>>>;
}

/** The mappers a connector uses, with the shop's overrides applied. */
export interface RakutenMappers extends ConnectorMappers {
  readonly deliveryCompany: Readonly<Partial<Record<CarrierCode, string>>>;
}

/** Builds the mappers from the built-in tables and the shop's overrides. */
export function createRakutenMappers(overrides: RakutenMapperOverrides = {}): RakutenMappers {
  return {
    carrier: overrides.carrier ? rakutenCarrierMapper.withOverrides(overrides.carrier) : rakutenCarrierMapper,
    paymentMethod: overrides.paymentMethod ? paymentMethodMapper.withOverrides(overrides.paymentMethod) : paymentMethodMapper,
    timeSlot: overrides.timeSlot ? timeSlotMapper.withOverrides(overrides.timeSlot) : timeSlotMapper,
    deliveryCompany: overrides.deliveryCompany ?? {},
  };
}

/** The mappers with no overrides. */
export const defaultRakutenMappers: RakutenMappers = createRakutenMappers();

import type { CarrierCode, PaymentMethodCode, TimeSlotCode } from '../model/codes.js';
import type { ValueMapper } from './value-mapper.js';

/**
 * A shop's own entries for the built-in mapping tables, the way an OMS's 変換設定 works: the
 * mall's raw string (or code) on the left, the normalized code on the right. They win over the
 * built-in tables. Each mall package documents which raw values its mappers see.
 */
export interface MapperOverrides {
  readonly carrier?: Readonly<Record<string, CarrierCode>>;
  readonly paymentMethod?: Readonly<Record<string, PaymentMethodCode>>;
  readonly timeSlot?: Readonly<Record<string, TimeSlotCode>>;
}

/** The three mappers a connector uses, with the shop's overrides applied. */
export interface ConnectorMappers {
  readonly carrier: ValueMapper<CarrierCode>;
  readonly paymentMethod: ValueMapper<PaymentMethodCode>;
  readonly timeSlot: ValueMapper<TimeSlotCode>;
}

/**
 * Mappers from the free-form strings malls and carts write (carrier names, payment method names,
 * delivery time slots) to mallkit's normalized codes. Each mall package adds its own tables for
 * its numeric codes on top of these.
 */
export * from './value-mapper.js';
export * from './carrier.js';
export * from './payment-method.js';
export * from './time-slot.js';
export * from './overrides.js';
export * from './warnings.js';

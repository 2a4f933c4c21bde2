/* The QAPI endpoints the connector calls, and their wire schemas. */
export * from './common.js';
export * from './shipping-info.js';
export * from './claim-info.js';
export * from './writes.js';
export * from './certification.js';

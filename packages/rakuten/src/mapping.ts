/*
 * Wire ↔ normalized. Split by subject under mapping/; this file gathers the public pieces.
 */
export * from './mapping/status.js';
export * from './mapping/carrier.js';
export * from './mapping/payment-method.js';
export * from './mapping/mappers.js';
export * from './mapping/party.js';
export * from './mapping/items.js';
export * from './mapping/amounts.js';
export * from './mapping/order.js';
export * from './mapping/payment-record.js';

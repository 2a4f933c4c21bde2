export * from './common.js';
export * from './search-order.js';
export * from './order-model.js';
export * from './get-order.js';
export * from './confirm-order.js';
export * from './update-order-shipping.js';
export * from './get-payment.js';
export * from './license.js';

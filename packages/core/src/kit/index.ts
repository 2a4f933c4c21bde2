/*
 * The connector kit: what every mall package is built from. A mall supplies endpoint descriptors
 * and wire schemas, its error table, auth, a mapping to the normalized model and a few small
 * functions; the kit supplies the client, the listOrders loop, per-order isolation, the batch-write
 * runner and the input checks. See docs/adding-a-mall.md.
 */
export * from './endpoint.js';
export * from './answer.js';
export * from './tolerant.js';
export * from './client.js';
export * from './order-reader.js';
export * from './order-lister.js';
export * from './pages.js';
export * from './batch-write.js';
export * from './shipments.js';
export * from './carrier-formats.js';
export * from './wire-model.js';
export * from './connector.js';

/*
 * Incremental sync on top of the MallConnector contract: a durable cursor, change events, and the
 * per-mall change visibility each connector's capabilities declare (issue 14, decision 0012).
 */
export * from './changes.js';
export * from './cursor.js';
export * from './fingerprint.js';
export * from './sync-orders.js';

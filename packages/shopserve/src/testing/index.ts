/**
 * `@mallkit/shopserve/testing`: a Shopserve sandbox for your own tests — msw handlers that speak the
 * connector's wire profile over an in-memory store, with Shopserve's rules, faults and a QPS gate.
 *
 * @packageDocumentation
 */
export { createShopserveSandbox, type ShopserveSandbox, type ShopserveSandboxConnection, type ShopserveSandboxInit } from './sandbox.js';
export { MAINTENANCE_MESSAGE } from './answers.js';
export { seedToWire, type WireIds } from './seed-to-wire.js';
export type { ShopserveRecord } from './store.js';

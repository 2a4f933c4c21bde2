/**
 * `@mallkit/makeshop/testing`: an in-memory makeshop behind msw that speaks the GraphQL wire
 * format this package sends — for mallkit's own tests and for yours.
 *
 * @packageDocumentation
 */
export {
  createMakeshopSandbox,
  MAKESHOP_SANDBOX_ENDPOINT,
  type MakeshopSandbox,
  type MakeshopSandboxConnection,
  type MakeshopSandboxOptions,
} from './sandbox.js';
export type { SandboxBasketInfo, SandboxDeliveryInfo, SandboxOrder, MakeshopStore } from './store.js';

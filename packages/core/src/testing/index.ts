/**
 * `@mallkit/core/testing`: the mall-neutral parts every mall's sandbox is built on — a shared
 * clock, a request log, fault injection, a QPS gate, the route wrapper tying them to msw, and a
 * generator of realistic Japanese seed orders.
 *
 * @packageDocumentation
 */
export { createSandboxClock, DEFAULT_SANDBOX_START, type SandboxClock } from './clock.js';
export {
  createRequestLog,
  DEFAULT_REQUEST_DETAIL_LIMIT,
  RequestLog,
  type RequestArrival,
  type RequestLogEntry,
  type RequestLogFilter,
  type RequestLogOptions,
  type RequestLogQuery,
} from './request-log.js';
export { corruptAnswer, createFaultInjector, FaultInjector, type Fault, type FaultKind, type InjectOptions } from './faults.js';
export { captureOutput, type CapturedOutput } from './capture.js';
export { createQpsGate, scaleQpsLimit, type QpsBucket, type QpsGate, type QpsGateOptions, type QpsLimit, type QpsRule } from './qps-gate.js';
export {
  createSandboxKit,
  startSandboxServer,
  type SandboxContext,
  type SandboxHandler,
  type SandboxKit,
  type SandboxKitOptions,
  type SandboxMethod,
  type SandboxRequestContext,
} from './sandbox-kit.js';
export {
  generateSeedOrders,
  SEED_ADDRESS_AREAS,
  SEED_TIME_SLOTS,
  type GenerateSeedOrdersOptions,
  type SeedAddressArea,
  type SeedAmounts,
  type SeedDelivery,
  type SeedItem,
  type SeedOrder,
  type SeedParty,
  type SeedShipment,
} from './generator.js';
// The conformance suite is NOT here: it imports vitest, which cannot load outside a test run, and
// this entry must stay loadable by plain programs (demos, CommonJS). Import it from
// `@mallkit/core/conformance`.
export { createSandboxStore, storeAdversary, SandboxCursorError, type CursorPage, type OffsetPage, type PagingLie, type SandboxStore, type SandboxStoreOptions, type StoreSearch } from './store.js';
export type { MallSandbox, OrderChange, SandboxAdversary, SandboxInit, SandboxSimulator } from './mall-sandbox.js';
export { serveHandlers, type HandlerServer, type ServeHandlersOptions } from './http-server.js';
export { connectSandbox, type SandboxConnection } from './connect.js';

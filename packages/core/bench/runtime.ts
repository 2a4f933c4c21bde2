/**
 * What the repository-wide bench helpers (bench/lib) need from @mallkit/core at run time, imported
 * by the package's own name from inside the package: the bench then uses the same module instance
 * as the connectors under test (dist after `pnpm build`, src under the `@mallkit/source`
 * condition), which bench/lib, outside every package, could not resolve by name. Also the bare
 * XML parser the normalization rows compare against (a dependency of core only).
 */
export { silentLogger, syncOrders, type Logger, type MallConnector, type MallId, type SyncCheckpoint, type SyncEvent } from '@mallkit/core';
export { createSandboxClock, generateSeedOrders, startSandboxServer, type MallSandbox, type OrderChange, type QpsLimit, type RequestLog, type SandboxClock, type SandboxInit, type SeedOrder } from '@mallkit/core/testing';
export { XMLParser } from 'fast-xml-parser';

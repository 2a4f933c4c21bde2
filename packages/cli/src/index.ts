/**
 * `mallkit`: the command line of mallkit — a credential report across every shop, orders out as
 * table/NDJSON/CSV, shipments in from CSV, and the malls' sandboxes served over HTTP. Installed as
 * the `mallkit` bin; `run` is the same program for embedding and tests.
 *
 * @packageDocumentation
 */
export { run } from './run.js';
export { processIo, type CliIo } from './io.js';
export { EXIT, type ExitCode } from './exit-codes.js';
export { serveMallSandbox, type ServeMallSandboxOptions, type ServedSandbox } from './sandbox/serve.js';
export type { SandboxConnection } from './sandbox/connection.js';

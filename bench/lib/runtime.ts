/**
 * @mallkit/core's run-time pieces for the bench helpers, through packages/core/bench/runtime.ts
 * (which imports them by the package's name, so that they are the connectors' own instance).
 */
export * from '../../packages/core/bench/runtime.js';

/**
 * `@mallkit/qoo10/testing`: a Qoo10 QSM QAPI sandbox (msw handlers over an in-memory store of carts)
 * for your own tests, the conformance suite and the demo.
 *
 * @packageDocumentation
 */
export { createQoo10Sandbox, type Qoo10Sandbox, type Qoo10SandboxConnection, type Qoo10SandboxOptions } from './sandbox.js';
export type { SandboxClaim, SandboxLine, SandboxPack } from './store.js';

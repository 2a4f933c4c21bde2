import type { HttpHandler } from 'msw';
import type { MallId } from '../model/mall-id.js';
import type { SandboxClock } from './clock.js';
import type { SeedOrder } from './seed-types.js';
import type { SandboxKit } from './sandbox-kit.js';
import type { PagingLie } from './store.js';

/** What every mall's `create<Mall>Sandbox` accepts besides its own options. */
export interface SandboxInit {
  /** Shared with the connectors under test; default a fresh clock at the real current time. */
  readonly clock?: SandboxClock;
  /**
   * Runs the mall's rate limits this many times faster (default 1: the mall's real limits), for
   * tests that must not wait a second per request. `connectorOptions()` paces a connector the same.
   */
  readonly rateScale?: number;
}

/** Ways to make a sandbox misbehave the way real malls were seen to, for the conformance suite and users' own tests. */
export interface SandboxAdversary {
  /** Every order search lies about paging from now on; `null` makes paging honest again. */
  lieAboutPaging(lie: PagingLie | null): void;
  /** This order is sent in a shape no reader accepts (a required field missing), in lists and details alike. */
  corruptOrder(id: string): void;
  /** Order searches also list a copy of order `likeId` whose id is `badId` (e.g. with a control character). */
  addOrderWithId(likeId: string, badId: string): void;
}

/** A change a mall's order goes through after it was placed, as a buyer, the shop or the mall makes it. */
export type OrderChange =
  /** Cancelled (by the buyer's request or the shop). */
  | 'cancel'
  /** Paid (a prepaid order's money arrived) or its payment state moved on. */
  | 'pay'
  /** Shipped with a tracking number (by the shop in the mall's screen, not through the connector). */
  | 'ship'
  /** The delivery address or the recipient changed. */
  | 'address';

/** Lets tests play a mall's life between syncs: orders arrive and change as time passes on the sandbox clock. */
export interface SandboxSimulator {
  /** New orders arrive (at their seeds' times, which should be around the sandbox's now); returns them as the mall holds them. */
  place(seeds: readonly SeedOrder[]): SeedOrder[];
  /**
   * The mall records a change of an order now (on the sandbox clock), with whatever update time it
   * keeps. Returns false when the change does not apply to the order's state (a cancelled order is
   * not shipped) or the mall has no such change.
   */
  change(id: string, change: OrderChange): boolean;
}

/**
 * A mall's sandbox, as the conformance suite and users' tests see it: msw handlers over an
 * in-memory store that follows the mall's rules, a clock, fault injection, a request log, a QPS
 * gate, and the options that connect a connector to it. Every mall package's
 * `create<Mall>Sandbox(init)` returns one (with the mall's own extras).
 */
export interface MallSandbox<ConnectorOptions extends object = object> {
  readonly mall: MallId;
  /** The clock, log, faults and QPS gate. */
  readonly kit: SandboxKit;
  readonly clock: SandboxClock;
  /** The msw handlers: pass them to `startSandboxServer` (or your own msw server). */
  readonly handlers: readonly HttpHandler[];
  /** Adds seed orders; returns them as the mall holds them (its ids, destinations and statuses). */
  seed(seeds: readonly SeedOrder[]): SeedOrder[];
  /** How many orders the mall holds now: seeded, arrived through the simulator, or created by a test. */
  orderCount(): number;
  /**
   * Everything a connector needs to talk to this sandbox — credentials, base URL, rates matching
   * `rateScale` — to spread into `create<Mall>Connector({ ...sandbox.connectorOptions(), clock })`.
   */
  connectorOptions(): ConnectorOptions;
  /** Every secret value in `connectorOptions()`: none may ever appear in an error, a log line or a hook payload. */
  readonly secrets: readonly string[];
  /** The credential expireCredential() makes the mall refuse, by its option name (`licenseKey`, `refreshToken`…). */
  readonly expiringCredential: string;
  /** The mall stops accepting the connector's main credential (expired, revoked). */
  expireCredential(): void;
  /** Requests refused with the mall's QPS error so far. */
  qpsViolations(): number;
  /** Makes the sandbox lie and break orders. */
  readonly adversary: SandboxAdversary;
  /** Plays new and changed orders between syncs (the incremental-sync check). */
  readonly simulator?: SandboxSimulator;
  /** Clears the log, faults, QPS gate and lies; the orders stay. */
  reset(): void;
  /**
   * Drops everything the sandbox accumulated — its orders, request log, faults, QPS windows, lies
   * and the mall's own tables — so that nothing is retained once a test is done, even while a
   * closure or an msw server still references the sandbox. Stop the server yourself. The sandbox
   * is done afterwards: its route handlers are gone too, so a later test creates a new one. Calling
   * it twice is harmless.
   */
  close(): void;
}

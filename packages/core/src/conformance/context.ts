import type { MallConnector } from '../contract/connector.js';
import type { MallSandbox } from '../testing/mall-sandbox.js';
import type { SeedOrder } from '../testing/seed-types.js';

/** One connector on one freshly seeded sandbox. */
export interface ConformanceContext {
  readonly connector: MallConnector;
  readonly sandbox: MallSandbox;
  /** Every secret value the connector was given: none may appear in an error, a log line or a hook payload. */
  readonly secrets: readonly string[];
  /** Everything the connector logged and every hook payload, as text (the suite wires a capturing logger and hooks). */
  readonly captured: string[];
  /** Creates another connector on the same sandbox, with some options changed (to check option validation). */
  connectWith(options: Readonly<Record<string, unknown>>): MallConnector;
  close(): void | Promise<void>;
}

/** A single check of the suite, runnable on its own (the suite's own tests break a mall on purpose and expect a check to fail). */
export interface ConformanceCheck {
  readonly name: string;
  run(ctx: ConformanceContext, seeds: readonly SeedOrder[], now: Date): Promise<void>;
}

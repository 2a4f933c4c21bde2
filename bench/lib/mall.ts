/**
 * What a mall's benchmark declares: only what is the mall's own — how to make its sandbox and
 * connector, the fewest requests its API allows, its budgets at the real rate, and how it reads an
 * answer. bench/lib/mall-bench.ts turns a declaration into the standard rows every mall reports.
 */
import type { Logger, MallConnector, MallId, MallSandbox, QpsLimit, SandboxClock, SandboxInit, SeedOrder } from './runtime.js';
import type { Goal, BenchRow } from '../report.js';

/** What the bench adds to a connector's options besides `sandbox.connectorOptions()`. */
export interface ConnectorExtras {
  readonly clock: SandboxClock;
  readonly logger: Logger;
  /** Set when the bench counts wire bytes; pass it on to the connector's options. */
  readonly fetch?: typeof globalThis.fetch;
}

/** The span of a listOrders call, as the bench asks it. */
export interface SyncWindow {
  readonly from: Date;
  readonly to: Date;
}

/** The fewest requests any client needs for a sync, and how that number comes about. */
export interface MinimumRequests {
  readonly requests: number;
  /** e.g. `pages of 1,000 per 63-day window + ⌈N/100⌉ getOrder`. */
  readonly how: string;
}

/** Requests a sync drew from one of the mall's budgets, and the budget's rule. */
export interface BudgetUse {
  readonly requests: number;
  readonly rule: QpsLimit;
}

/** The real-rate sync: a small shop synced at the mall's own rate, sandbox and connector alike. */
export interface RealRateSpec {
  /** Orders in the shop; pick so that the sync sends 10–15 requests. */
  readonly orders: number;
  /** Days the orders are spread over, and the sync's span. */
  readonly spanDays: number;
  /** The mall's rule for each budget (1 request per 1,000 ms for most). */
  readonly rule: QpsLimit;
  /** Which budget an operation draws on (Yahoo: one per API path); default one budget for all. */
  budgetOf?(operation: string): string;
}

/** How a mall reads its order answers, for the normalize-vs-bare-parse rows. */
export interface NormalizeSpec {
  /** The bare parser of the same bytes: `JSON.parse`, or fast-xml-parser's XMLParser with default options. */
  readonly baseline: 'JSON.parse' | 'XMLParser';
  /** What the full path does, e.g. `JSON.parse + per-order zod schema + mapOrder`. */
  readonly path: string;
  /** Order answers as text, the way they come off the wire, and how many orders they hold. */
  answers(): { readonly bodies: readonly string[]; readonly orders: number; readonly what: string };
  /** Reads one answer the way the connector does: parse, check, normalize every order in it. */
  read(body: string): void;
}

/** A mall as its benchmark declares it. */
export interface MallBench<Sandbox extends MallSandbox = MallSandbox> {
  readonly mall: MallId;
  /** The suite name in the results (`@mallkit/rakuten`). */
  readonly suite: string;
  createSandbox(init: SandboxInit): Sandbox;
  connect(sandbox: Sandbox, extras: ConnectorExtras): MallConnector;
  /** The seeds this mall's shop holds, from the generator's (Yahoo: none held for fraud review). */
  adaptSeeds?(seeds: SeedOrder[]): SeedOrder[];
  /** The fewest requests any client needs to list every order of `window` (computed after the sync). */
  minimum(sandbox: Sandbox, window: SyncWindow): MinimumRequests;
  /** The goal of requests ÷ minimum at 10,000 orders, when the mall's differs from issue 15's 1.000 (say why in the goal's note). */
  readonly minimumGoal?: Goal;
  /** Operations that draw on no order budget (token refreshes): left out of request counts. */
  readonly unbudgeted?: readonly string[];
  /** Absent for a mall whose real rate a short sync cannot show (Amazon's bursts): its own rows stand in. */
  readonly realRate?: RealRateSpec;
  readonly normalize: NormalizeSpec;
  /** Shop sizes of the scale rows; default 1,000, 10,000 and 100,000 (the 10,000 one gives requests ÷ minimum). */
  readonly scaleCounts?: readonly number[];
  /** The mall's own rows (incremental sync, maintenance window, shipments…). */
  extraRows?(): Promise<BenchRow[]>;
}

/** A bench file's module: the declaration (read by the scale workers) and the suite runner. */
export interface MallBenchModule {
  readonly bench: MallBench;
}
